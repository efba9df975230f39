#!/bin/sh
# Stratum quick start on Debian 12 (root or sudo; Debian's archive only).
#
#   boards/leon3-qemu/quickstart.sh run [EXAMPLE]   build and boot an example in QEMU
#   boards/leon3-qemu/quickstart.sh test            build and run every test
#
# Each first installs the Debian packages that are missing (nothing when all
# are there), configures the build directory `build/` once, then builds.
set -eu
cd "$(dirname "$0")/../.."

PACKAGES="g++-sparc64-linux-gnu g++-12-multilib-sparc64-linux-gnu qemu-system-sparc
libboost1.81-dev doctest-dev meson ninja-build python3-jinja2 python3-lxml"

missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "quickstart: installing from Debian:$missing"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
fi

if [ ! -f build/build.ninja ]; then
  meson setup build --cross-file boards/leon3-qemu/cross.ini
fi

case "${1:-}" in
  run)
    example="${2:-}"
    if [ -z "$example" ]; then
      meson compile -C build run
    else
      meson compile -C build "$example.elf"
      /usr/bin/python3 boards/leon3-qemu/run.py "build/$example.elf"
    fi
    ;;
  test)
    status=0
    meson test -C build --print-errorlogs || status=$?
    # One closing line a person (and CI) can read: "N passed, N failed".
    /usr/bin/python3 - <<'PY'
import json
results = [json.loads(l)["result"] for l in open("build/meson-logs/testlog.json") if l.strip()]
ok = sum(r in ("OK", "EXPECTEDFAIL", "SKIP") for r in results)
print(f"{ok} passed, {len(results) - ok} failed")
PY
    exit $status
    ;;
  *)
    echo "usage: $0 run [EXAMPLE] | test" >&2
    exit 2
    ;;
esac
