// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace petstore::explorer {

struct ExplorerProtocol;

// Shown in the centre for a protocol whose panel does not exist yet: says so plainly, what will
// bring it, and what to use meanwhile (issue 3: no empty pages).
class NotBuiltPage : public QWidget
{
    Q_OBJECT
public:
    explicit NotBuiltPage(const ExplorerProtocol &protocol, QWidget *parent = nullptr);
};

} // namespace petstore::explorer
