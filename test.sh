#!/usr/bin/env bash
# The test command: installs the npm test tooling when missing, runs every test project, prints the totals.
set -euo pipefail
cd "$(dirname "$0")"

if command -v node >/dev/null && [ ! -d tests/tooling/node_modules ]; then
  (cd tests/tooling && npm ci --no-audit --no-fund --loglevel=error)
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
dotnet test ChatOps.sln "$@" --logger "trx" --results-directory "$results" || status=$?

node scripts/trx-totals.js "$results" || {
  echo "0 passed, 1 failed"
  exit 1
}
exit $status
