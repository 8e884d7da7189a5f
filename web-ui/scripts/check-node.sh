#!/usr/bin/env bash
# The web UI is built with the machine's Node.js; say clearly what is missing.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "web-ui: Node.js 20 or newer (with npm) is needed to build the staff web UI, and none is on PATH. Install it (https://nodejs.org or apt-get install nodejs npm)." >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "web-ui: Node.js 20 or newer is needed; this machine has $(node --version)." >&2
  exit 1
fi
