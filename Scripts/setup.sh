#!/usr/bin/env bash
# Installs the system libraries Byline builds against (ICU, zlib, pkg-config) when
# they are missing. Debian/Ubuntu (apt). Safe to run again: it does nothing when all are there.
set -euo pipefail
needed=(libicu-dev zlib1g-dev pkg-config)
missing=()
for p in "${needed[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { [ -x /opt/swift/usr/bin/swift ] && export PATH="/opt/swift/usr/bin:$PATH"; }
command -v swift >/dev/null || { echo "setup: Swift 6.x toolchain not found on PATH" >&2; exit 1; }
