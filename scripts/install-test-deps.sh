#!/usr/bin/env bash
# Installs what the test suite needs on a fresh machine: Debian's Chromium and its driver for the browser tests,
# and ripgrep, the peer the benchmark smoke test (bench module) compares result sets with.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && command -v rg >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-test-deps: Chromium, chromedriver or ripgrep is missing; run as root or 'sudo apt-get install chromium chromium-driver ripgrep'" >&2
  exit 2
fi
echo "install-test-deps: installing chromium, chromium-driver and ripgrep (Debian packages) ..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq chromium chromium-driver fonts-noto-cjk ripgrep >&2
