#!/usr/bin/env bash
# Soak test of the wall display (not part of dotnet test): an embedded node with the demo feed,
# a wall display open in headless Chromium, its JS heap (after a forced GC) at minute 5 and 30.
# Fails when the heap grew by 10 % or more.
#
#   scripts/soak-wall.sh                      # 5 and 30 minutes
#   scripts/soak-wall.sh --first 2 --last 6   # a short check
#   options: --first M --last M --rotate S --max-growth PCT; LEADERBOARD_CHROMIUM=/path/to/chromium
#
# Needs: the .NET SDK, Node.js 20+, npm, Debian's chromium (apt-get install -y chromium).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [[ ! -x "${LEADERBOARD_CHROMIUM:-/usr/bin/chromium}" ]]; then
  echo "Chromium not found at ${LEADERBOARD_CHROMIUM:-/usr/bin/chromium}: apt-get install -y chromium" >&2
  exit 2
fi

# playwright-core from npm, pinned by the lockfile; it drives the machine's Chromium (no browser download).
(cd "$root/scripts/soak" && { [[ -d node_modules/playwright-core ]] || npm ci --no-audit --no-fund; })
dotnet build "$root/web" -nologo -v quiet
exec node "$root/scripts/soak/soak-wall.mjs" "$@"
