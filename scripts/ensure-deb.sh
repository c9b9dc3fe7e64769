#!/usr/bin/env bash
# Install Debian packages a test needs, only when they are missing.
#
#   scripts/ensure-deb.sh WHAT 'CHECK' PACKAGE...
#
# CHECK is a shell test that succeeds when WHAT is there already
# (e.g. 'command -v chromium'); otherwise PACKAGE... are installed with
# apt-get, as root or through sudo.
set -euo pipefail
what=$1 check=$2
shift 2
if eval "$check" >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  command -v sudo >/dev/null 2>&1 || { echo "$what is missing and neither root nor sudo is available" >&2; exit 1; }
  SUDO="sudo"
fi
echo "Installing Debian's $what for the tests..."
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
eval "$check" || { echo "$what is still missing after installing $*" >&2; exit 1; }
