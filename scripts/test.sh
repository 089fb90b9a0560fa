#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what the tests need, builds everything (benchmarks and the
# CLI included) with warnings as errors, runs every test project, and fails loudly if anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK (dotnet) is required: https://dotnet.microsoft.com/download" >&2
  exit 1
fi

# Browser tests drive Debian's Chromium through Playwright; no test tool downloads a browser.
if [ ! -x "${MEDIATION_CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "== Install Chromium (Debian package)"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium
fi
# The screenshots show Chinese text: without a CJK font Chromium draws empty boxes.
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh 2>/dev/null)" ] && command -v apt-get >/dev/null 2>&1; then
  echo "== Install a Chinese font for the browser tests' screenshots (Debian package)"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq fonts-wqy-microhei || echo "warning: no Chinese font; screenshots will show boxes" >&2
fi
# The designer's canvas is bundled from npm at build time (the build runs `npm ci` from the committed lockfile).
if ! command -v npm >/dev/null 2>&1; then
  echo "error: Node.js and npm are required to bundle the web UI's scripts: https://nodejs.org" >&2
  exit 1
fi

results="artifacts/test-results"
rm -rf "$results" artifacts/screenshots
mkdir -p "$results"

echo "== Restore"
dotnet restore Mediation.slnx
echo "== Build (Release, warnings are errors)"
dotnet build Mediation.slnx -c Release --no-restore
echo "== Test"
set +e
dotnet test Mediation.slnx -c Release --no-build --logger "trx" --results-directory "$results" 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}
set -e

# One closing line over every test project, in the plain form CI reads.
summary=$(grep -E 'Failed:[[:space:]]+[0-9]+, Passed:[[:space:]]+[0-9]+, Skipped:[[:space:]]+[0-9]+' "$results/console.log" |
  sed -E 's/.*Failed:[[:space:]]+([0-9]+), Passed:[[:space:]]+([0-9]+), Skipped:[[:space:]]+([0-9]+).*/\1 \2 \3/' |
  awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped", p, f, s}')
echo
echo "${summary:-0 passed, 0 failed, 0 skipped}"
if [ "$status" -ne 0 ]; then
  echo "error: tests failed (dotnet test exited with $status); see $results" >&2
fi
exit "$status"
