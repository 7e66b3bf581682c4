#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders the explorer's windows to PNG under a virtual X server (xvfb-run, 1280x800):
#   tests/gui/screenshots.sh [OUTDIR]     (default: build/dev/screenshots)
# Builds petstore-screenshots in the dev preset first when needed.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-build/dev/screenshots}
cmake --preset dev >/dev/null
cmake --build --preset dev --target petstore-screenshots
mkdir -p "$out"
xvfb-run -a -s "-screen 0 1280x800x24" build/dev/tests/gui/petstore-screenshots "$out"
