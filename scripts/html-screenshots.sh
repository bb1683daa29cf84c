#!/usr/bin/env bash
# Renders the HTML report of a critical-alert case, of a course that is not responding (its chart),
# and of the batch of sample cases, and takes a screenshot
# of each with headless Chromium (Debian's `chromium`), into .build-artifacts/ (ignored by git).
#
#   scripts/html-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null || { apt-get install -y -qq chromium >/dev/null; }
out=.build-artifacts/html
mkdir -p "$out"
swift build --product ipt >/dev/null
ipt=$(swift build --show-bin-path)/ipt
"$ipt" evaluate --format html rules/ipt-core/cases/c09-suicidal-grief.yaml > "$out/critical.html"
"$ipt" evaluate --format html rules/ipt-core/cases/c43-course-non-responder.yaml > "$out/course.html"
"$ipt" evaluate --format html rules/ipt-core/cases > "$out/batch.html" 2>/dev/null
for page in critical course batch; do
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1600 \
    --screenshot="$out/$page.png" "file://$PWD/$out/$page.html" 2>/dev/null
done
ls -l "$out"
