// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QWidget;

namespace petstore::panels {

class PanelContext;

// One protocol's client panel: the only face a panel shows the host (STYLE "Five pairs" 3).
// Created by the host with a PanelContext that outlives it; lives on the GUI thread.
class IPanel
{
public:
    virtual ~IPanel() = default;

    virtual QString id() const = 0;         // stable key: "rest", "sse", "mqtt", ...
    virtual QString title() const = 0;      // navigator label: "REST"
    virtual QWidget *widget() = 0;          // owned by the panel
    // The protocol's docs page, shipped as a resource (":/docs/protocols/rest.md").
    virtual QString learnPage() const = 0;
    // The panel became the visible one (focus its main input, refresh from the context).
    virtual void activate() {}
};

} // namespace petstore::panels
