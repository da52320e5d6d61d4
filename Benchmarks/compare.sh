#!/usr/bin/env bash
# Speed comparison for issue 2: runs workloads W1-W6 in Backstep (Swift, release
# build of `backstep-bench`), in DeZero 0.0.13, in PyTorch (CPU, float64) and in
# hand-written NumPy (W3, W5), then prints how many times faster Backstep is,
# next to the issue's targets, and how far the final losses are apart.
#
# Usage:  Benchmarks/compare.sh [W1 W2 W3 W4 W4-1M W5 W6]     (no names: all)
#
# Environment:
#   PYTHON=python3        interpreter for the Python side
#   BENCH_REPEATS=3       timed runs per workload after one warm-up; the fastest counts
#                         (W4-1M runs once, without warm-up, in DeZero and PyTorch;
#                         Backstep times it in rounds beside 10k-step chains, and its
#                         1M/10k limit is checked on that pair: see benchmarkW4)
#   BENCH_OUT=FILE        also keep every JSON line in FILE
#   SWIFT_SCRATCH=DIR     build folder for `swift build --scratch-path` (default .build)
#   SKIP_SWIFT=1          run only the Python side (no ratios then)
#
# Packages: whatever in Benchmarks/python/requirements.txt cannot be imported is
# installed with pip (PyPI), and Debian's libopenblas0 with apt-get when no
# libopenblas.so.0 is installed. PyTorch is the CPU-only wheel torch==2.13.0+cpu; when
# pip cannot install it, the PyTorch runs are skipped and a note says so.
#
# Every implementation runs on one thread: the BLAS and OpenMP pools are pinned to 1
# here and in Benchmarks/python/common.py, and PyTorch is told torch.set_num_threads(1).
# Each script prints one JSON line per workload:
#   {"impl": "dezero", "workload": "W1", "seconds": ..., "per_iter_us": ..., "final_loss": ...}
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$root/Benchmarks"
py="${PYTHON:-python3}"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 \
       NUMEXPR_NUM_THREADS=1 VECLIB_MAXIMUM_THREADS=1 BLIS_NUM_THREADS=1

# --- install what is missing --------------------------------------------------
while IFS= read -r requirement; do
    requirement="${requirement%%#*}"
    requirement="$(echo "$requirement" | tr -d '[:space:]')"
    [ -n "$requirement" ] || continue
    module="$(echo "$requirement" | sed -E 's/[=<>!~\[].*//')"
    # find_spec, not import: dezero 0.0.13 cannot be imported under NumPy 2 without a shim.
    if "$py" -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('$module') is None)" 2>/dev/null; then
        continue
    fi
    echo "compare.sh: installing $requirement" >&2
    if ! "$py" -m pip install --quiet "$requirement" >&2; then
        if [ "$module" = torch ]; then
            echo "compare.sh: could not install $requirement; PyTorch runs will be skipped" >&2
        else
            echo "compare.sh: could not install $requirement" >&2
            exit 1
        fi
    fi
done < "$bench/python/requirements.txt"

# Backstep opens the system OpenBLAS at run time for large products (W5); without
# it they take the engine's own loop, about 20x slower, and W5 measures that loop.
if ! ldconfig -p 2>/dev/null | grep -q 'libopenblas\.so\.0'; then
    echo "compare.sh: installing libopenblas0 (Debian's OpenBLAS) for W5" >&2
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libopenblas0; } >&2; then
        echo "compare.sh: could not install libopenblas0; Backstep's W5 runs its own loop" >&2
    fi
fi

results="$(mktemp)"
trap 'rm -f "$results"' EXIT

# --- Backstep -----------------------------------------------------------------
if [ "${SKIP_SWIFT:-0}" != 1 ]; then
    scratch=()
    [ -n "${SWIFT_SCRATCH:-}" ] && scratch=(--scratch-path "$SWIFT_SCRATCH")
    (cd "$root" && swift build -c release "${scratch[@]}" --product backstep-bench >&2)
    bin="$(cd "$root" && swift build -c release "${scratch[@]}" --show-bin-path)"
    "$bin/backstep-bench" "$@" | grep '^{' | tee -a "$results"
fi

# --- Python -------------------------------------------------------------------
run_python() {
    local script="$1"; shift
    local status=0
    (cd "$bench/python" && "$py" "$script" "$@") | tee -a "$results" || status=$?
    return "$status"
}
run_python bench_dezero.py "$@"
if ! run_python bench_torch.py "$@"; then
    echo "compare.sh: PyTorch was not run (see the note above)" >&2
fi
run_python bench_numpy.py "$@"

# --- ratios -------------------------------------------------------------------
if [ -n "${BENCH_OUT:-}" ]; then
    cp "$results" "$BENCH_OUT"
fi
if [ "${SKIP_SWIFT:-0}" != 1 ]; then
    echo
    "$py" "$bench/python/ratios.py" < "$results"
fi
