#!/usr/bin/env bash
# Property-based test of the JSON API and the CDS Hooks service against their OpenAPI document
# (docs/serve.md): schemathesis (PyPI, in a virtualenv under .build-artifacts/venv) reads
# /openapi.json from a running `ipt serve` and sends generated requests to every operation, with
# every check (server errors, status codes, content types, response schemas, schema-valid bodies
# accepted and invalid ones refused, 405 for undocumented methods); settings and the reasons for
# them in scripts/schemathesis.toml. A fixed seed and no example database make runs repeatable.
#
#   scripts/schemathesis.sh                  # 60 examples per operation (about 40 s)
#   EXAMPLES=300 scripts/schemathesis.sh     # a longer run
#   IPT_BIN=path/to/ipt scripts/schemathesis.sh   # use that binary instead of building one
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/serve-lib.sh
EXAMPLES=${EXAMPLES:-60}
SEED=${SEED:-20261207}
VERSION=4.32.5
out=.build-artifacts/schemathesis
venv=.build-artifacts/venv
mkdir -p "$out"

# schemathesis in its own virtualenv: it brings many dependencies, and its CLI changed between
# major versions, so the version is pinned.
st="$venv/bin/schemathesis"
if ! "$st" --version 2> /dev/null | grep -q -F "$VERSION"; then
  if ! python3 -m venv "$venv" 2> /dev/null; then
    apt-get update -qq && apt-get install -y -qq python3-venv > /dev/null
    python3 -m venv "$venv"
  fi
  "$venv/bin/python" -m pip install --quiet "schemathesis==$VERSION"
fi

ipt_build
trap serve_stop EXIT
serve_start "$out/server.log"
echo "schemathesis $VERSION against $BASE_URL/openapi.json: $EXAMPLES examples per operation, seed $SEED"
status=0
timeout 600 "$st" --config-file scripts/schemathesis.toml run "$BASE_URL/openapi.json" \
  --checks all --max-examples "$EXAMPLES" --seed "$SEED" --generation-database none \
  --continue-on-failure --no-color --report junit --report-junit-path "$out/junit.xml" \
  > "$out/output.txt" 2>&1 || status=$?
errors=$(grep -c -E '^[A-Z]+ [^ ]+ 5[0-9][0-9] ' "$out/server.log" || true)
if [ "$status" -eq 0 ]; then
  grep -E 'Test cases:|generated|No issues found' "$out/output.txt" || true
  echo "schemathesis: passed ($errors server errors in the request log)"
else
  # Every failure, with a curl line to reproduce it, and the summary.
  sed -n '/^=* FAILURES =*$/,$p' "$out/output.txt" >&2
  [ -s "$out/output.txt" ] && tail -n 5 "$out/output.txt" >&2
  echo "schemathesis: FAILED (exit $status; see $out/output.txt)" >&2
fi
exit "$status"
