#!/usr/bin/env bash
# Starts an SMTP server on 127.0.0.1:2525 for the e-mail alert tests of Connectors.Hosting: aiosmtpd (Debian's
# python3-aiosmtpd) storing every message it accepts in a Maildir. Prints what the tests read from CONNECTORS_SMTP:
# "127.0.0.1:2525 <maildir>". Idempotent: safe to run again on a running server. Installs the package when it is
# missing (needs root). `smtp-up.sh --stop` stops the server again.
set -euo pipefail

port=2525
root=/tmp/connectors-smtp
maildir=$root/maildir
pidfile=$root/aiosmtpd.pid
# Debian's interpreter: the package installs the module there, not into a pyenv or venv that may come first on PATH.
python=/usr/bin/python3

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

if [ "${1:-}" = "--stop" ]; then
  if running; then
    kill "$(cat "$pidfile")"
  fi
  rm -f "$pidfile"
  exit 0
fi

if ! "$python" -c 'import aiosmtpd' 2>/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y python3-aiosmtpd >&2
fi

# The Mailbox handler creates the Maildir (with cur/, new/ and tmp/) itself; only its parent is made here.
mkdir -p "$root"
if ! running; then
  nohup "$python" -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$maildir" >"$root/aiosmtpd.log" 2>&1 &
  echo $! >"$pidfile"
fi

for _ in $(seq 1 30); do
  if listening; then
    break
  fi
  sleep 0.5
done
if ! listening; then
  echo "smtp-up: nothing accepts connections on 127.0.0.1:$port; see $root/aiosmtpd.log" >&2
  exit 1
fi

echo "127.0.0.1:$port $maildir"
