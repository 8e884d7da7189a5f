#!/usr/bin/env bash
# npm ci only when package-lock.json changed since the last install (node_modules/.package-lock.json is npm's own copy).
set -euo pipefail
if [ -d node_modules ] && cmp -s package-lock.json node_modules/.package-lock.json.ci 2>/dev/null; then
  echo "web-ui: node_modules up to date"
  exit 0
fi
npm ci --no-audit --no-fund
cp package-lock.json node_modules/.package-lock.json.ci
