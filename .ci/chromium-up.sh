#!/usr/bin/env bash
# Installs headless Chromium and its WebDriver for the browser test of Connectors.Hosting (tests/Connectors.Hosting.Tests).
# The test drives /usr/bin/chromium through /usr/bin/chromedriver and fails, naming this script, when either is missing.
# Idempotent: does nothing when both are installed. Debian only (the distribution's `chromium` and `chromium-driver`
# packages, whose versions always match each other). Needs root.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "chromium-up: installing chromium and chromium-driver needs root" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update >&2
apt-get install -y --no-install-recommends chromium chromium-driver >&2

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "chromium-up: /usr/bin/chromium or /usr/bin/chromedriver is still missing after the install" >&2
  exit 1
fi
