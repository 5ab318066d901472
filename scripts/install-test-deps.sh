#!/usr/bin/env bash
# Installs what the test suite needs on a fresh machine: Debian's Chromium and its driver for the browser tests.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-test-deps: Chromium and chromedriver are missing; run as root or 'sudo apt-get install chromium chromium-driver'" >&2
  exit 2
fi
echo "install-test-deps: installing chromium and chromium-driver (Debian packages) ..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >&2
