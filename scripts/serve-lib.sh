# Shared by scripts/browser-test.sh and scripts/schemathesis.sh (sourced, from the repository's
# root): install a Python package, build `ipt`, start `ipt serve` on a free loopback port, wait
# until it answers, and stop it.

# pip_install SPEC...: installs into the python3 that runs the tests, as .ci/run installs
# check-jsonschema; a Debian Python that refuses (PEP 668, "externally managed") is asked again
# with --break-system-packages.
pip_install() {
  local log
  log=$(mktemp)
  if ! python3 -m pip install --quiet "$@" 2> "$log"; then
    if grep -q externally-managed "$log"; then
      python3 -m pip install --quiet --break-system-packages "$@"
    else
      cat "$log" >&2
      rm -f "$log"
      return 1
    fi
  fi
  rm -f "$log"
}

# ipt_build: sets IPT to the ipt binary: $IPT_BIN when set, else a debug build of the product.
ipt_build() {
  if [ -n "${IPT_BIN:-}" ]; then
    IPT=$IPT_BIN
  else
    swift build --product ipt >&2
    IPT="$(swift build --show-bin-path)/ipt"
  fi
}

# serve_start LOG [ARGS...]: starts `ipt serve --port 0 ARGS` (the system picks a free port,
# which the log names: no race with another program taking it), sets SERVER_PID and BASE_URL,
# and waits until GET /v1/pack answers 200. Fails if the server exits or is not up in 30 s.
serve_start() {
  local log=$1 port=""
  shift
  "$IPT" serve --host 127.0.0.1 --port 0 "$@" 2> "$log" &
  SERVER_PID=$!
  for _ in $(seq 1 300); do
    port=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9][0-9]*\).*/\1/p' "$log" | head -n 1)
    [ -n "$port" ] && break
    if ! kill -0 "$SERVER_PID" 2> /dev/null; then
      cat "$log" >&2
      echo "serve_start: ipt serve exited" >&2
      return 1
    fi
    sleep 0.1
  done
  if [ -z "$port" ]; then
    echo "serve_start: ipt serve did not start in 30 s" >&2
    return 1
  fi
  BASE_URL="http://127.0.0.1:$port"
  python3 - "$BASE_URL/v1/pack" << 'PY'
import sys, time, urllib.request
for _ in range(100):
    try:
        with urllib.request.urlopen(sys.argv[1], timeout=2) as response:
            if response.status == 200:
                sys.exit(0)
    except OSError:
        pass
    time.sleep(0.1)
sys.exit("serve_start: the server does not answer")
PY
}

# serve_stop: SIGTERM (the server finishes its requests and exits 0), SIGKILL after 10 s.
serve_stop() {
  [ -n "${SERVER_PID:-}" ] || return 0
  kill "$SERVER_PID" 2> /dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$SERVER_PID" 2> /dev/null || break
    sleep 0.1
  done
  kill -9 "$SERVER_PID" 2> /dev/null || true
  wait "$SERVER_PID" 2> /dev/null || true
  SERVER_PID=""
}
