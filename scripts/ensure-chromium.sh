#!/usr/bin/env bash
# Makes sure the browser tests have a real headless Chromium: Debian's chromium and chromium-driver.
# Does nothing when both are present. Maven runs it before the tests (see pom.xml); .ci/run too.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "The browser tests need Chromium and ChromeDriver at /usr/bin/chromium and /usr/bin/chromedriver." >&2
  echo "This is not a Debian-like system: install them with your package manager, then run the tests again." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "Installing Chromium needs root: run 'apt-get install chromium chromium-driver' as root." >&2
    exit 1
  fi
fi
echo "Installing Debian's chromium and chromium-driver for the browser tests..."
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 || {
  $SUDO apt-get update -q >/dev/null
  $SUDO apt-get install -y -q chromium chromium-driver >/dev/null
}
/usr/bin/chromium --version
