#!/usr/bin/env bash
# Tests of the Spark adapter (python/annalist_spark) against the release binary:
#   1. classic Spark, local[2]                       (venv: pyspark 4.3 + connect extras)
#   2. Spark Connect, Spark's own local server       (same venv; no RDD API there)
#   3. Spark Connect, Sail (no JVM)                  (venv: pysail + pyspark-client 4.0, the
#      newest client Sail 0.7 runs Python UDFs for)
# Each kind runs in its own pytest process so JVMs and sessions never mix.
#
# Environment: VENV_DIR (default target/py-venv), ANNALIST_BIN (default: build
# target/release/annalist), SPARK_KINDS (default "classic connect sail").
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
venv_root="${VENV_DIR:-$repo/target/py-venv}"
kinds="${SPARK_KINDS:-classic connect sail}"

if [[ -z "${ANNALIST_BIN:-}" ]]; then
    (cd "$repo" && cargo build --release -p annalist)
    export ANNALIST_BIN="$repo/target/release/annalist"
fi
[[ -x "$ANNALIST_BIN" ]] || { echo "run-tests.sh: no executable coder at $ANNALIST_BIN" >&2; exit 2; }

make_venv() { # dir, packages...
    local dir="$1"
    shift
    if [[ ! -x "$dir/bin/python" ]]; then
        python3 -m venv "$dir"
    fi
    "$dir/bin/python" -m pip install --quiet --disable-pip-version-check "$@"
}

export SPARK_LOCAL_IP=127.0.0.1
export PYTHONPATH="$here${PYTHONPATH:+:$PYTHONPATH}"
status=0
for kind in $kinds; do
    case "$kind" in
        classic | connect)
            dir="$venv_root/spark"
            make_venv "$dir" "pyspark[connect]==4.3.*" pyarrow "pandas<3" pytest
            ;;
        sail)
            dir="$venv_root/sail"
            make_venv "$dir" pysail "pyspark-client==4.0.*" pyarrow "pandas<3" pytest
            ;;
        *)
            echo "run-tests.sh: unknown kind $kind (classic, connect, sail)" >&2
            exit 2
            ;;
    esac
    echo "== annalist_spark tests: $kind"
    # Exit status 5 (no tests collected) is a failure too.
    if ! PYSPARK_PYTHON="$dir/bin/python" PYSPARK_DRIVER_PYTHON="$dir/bin/python" \
        ANNALIST_SPARK_MODES="$kind" \
        "$dir/bin/python" -m pytest -q -p no:cacheprovider "$here/tests"; then
        status=1
    fi
done
exit $status
