#!/usr/bin/env bash
# Real-browser test of the pages of `ipt serve` (docs/serve.md): headless Chromium, driven by
# Selenium, types a critical case into Evaluate (and fills the vocabulary form when the page has
# one), checks a formulation, accepts one run and overrides another on Review, tries a script
# payload in the case text and the pack search, and searches the pack by keyboard alone
# (scripts/browser_test.py). Screenshots of each page state go to .build-artifacts/browser/.
#
#   scripts/browser-test.sh
#   IPT_BIN=path/to/ipt scripts/browser-test.sh    # use that binary instead of building one
#
# Installs what is missing: Debian's chromium and chromium-driver, Selenium 4 from PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/serve-lib.sh

if ! command -v chromium > /dev/null || ! command -v chromedriver > /dev/null; then
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver > /dev/null
fi
python3 -c 'import selenium' 2> /dev/null || pip_install 'selenium>=4.11,<5'

ipt_build
out=.build-artifacts/browser
rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d)
cleanup() {
  serve_stop
  rm -rf "$work"
}
trap cleanup EXIT

# Two runs waiting for a review, recorded as `ipt evaluate --audit` records them; the server
# records the runs and checks its pages make as well.
audit="$work/audit.db"
for case in c01-grief-recent-death c02-dispute-renegotiation; do
  "$IPT" evaluate --audit "$audit" --by trainee-browser "rules/ipt-core/cases/$case.yaml" \
    > /dev/null 2>> "$out/audit.log"
done

serve_start "$out/server.log" --audit "$audit"
echo "browser test against $BASE_URL (chromium $(chromium --version 2> /dev/null | awk '{print $2}'))"
python3 scripts/browser_test.py "$BASE_URL" --out "$out"
