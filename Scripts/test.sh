#!/usr/bin/env bash
# Sets up and runs the whole test suite (unit, stage, golden end-to-end and, when ../shared is
# present, the seed-page test).
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/setup.sh
swift build --build-tests
swift test --skip-build
