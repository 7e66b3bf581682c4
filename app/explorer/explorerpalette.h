// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPalette>

namespace petstore::explorer {

// Explicit light and dark palettes for `--light` / `--dark` and the screenshots; without either
// flag the explorer follows the system palette (DESIGN §8).
class ExplorerPalette
{
public:
    static QPalette light();
    static QPalette dark();
    // Switches the application to the Fusion style with `palette`, so every widget honours it.
    static void apply(const QPalette &palette);
};

} // namespace petstore::explorer
