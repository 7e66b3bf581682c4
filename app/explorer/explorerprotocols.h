// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace petstore::panels {
class IPanel;
class PanelContext;
}

namespace petstore::explorer {

// One protocol as the navigator lists it. `create` is empty while the protocol's panel is not
// built yet: the navigator still lists it and says so (issue 3: no empty pages).
struct ExplorerProtocol
{
    QString id;            // "rest", matches IPanel::id() and docs/protocols/<id>.md
    QString title;         // "REST"
    QString summary;       // one line shown under the title
    QString arrivesWith;   // for protocols not built yet: what will bring them
    std::function<std::unique_ptr<panels::IPanel>(panels::PanelContext &)> create;

    bool isBuilt() const { return static_cast<bool>(create); }
};

// The one list of protocols (DESIGN §3 "one registration line in app"): adding a protocol's
// panel means filling its `create` here and nowhere else.
class ExplorerProtocols
{
public:
    static const std::vector<ExplorerProtocol> &all();
    static const ExplorerProtocol *find(const QString &id);
};

} // namespace petstore::explorer
