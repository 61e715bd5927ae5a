#!/usr/bin/env bash
# Sets up, builds Byline (release) and analyses every file in Examples/ into Reports/:
# one JSON report per article plus the CSV tables.
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/setup.sh
swift build -c release --product byline
rm -rf Reports.new && mkdir Reports.new
.build/release/byline analyze Examples --format json,csv --out Reports.new --strict
rm -rf Reports && mv Reports.new Reports
echo "Reports written to Reports/ ($(ls Reports | wc -l) files)"
