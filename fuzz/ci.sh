#!/usr/bin/env bash
# The CI's short fuzz run: build the libFuzzer target (fuzz/, with AddressSanitizer)
# and run it for a fixed time from the seed corpus only (the lessons and
# fuzz/seeds/, the error corpus), so every run starts from the same inputs.
#
#   fuzz/ci.sh [SECONDS]        (default 60)
#
# Exit status:
#   0  no finding; also when this toolchain cannot build with -sanitize=fuzzer
#      (a warning is printed: the fuzzer is an extra check, not a build requirement)
#   1  a finding (crash, leak, one input running > 30 s, out of memory): the reproducer is
#      printed (file name, size, base64) and kept in fuzz/artifacts/ (or $FUZZ_ARTIFACTS);
#      every finding must be fixed and become a regression test. The 30 s is wall-clock
#      time and generous because CI machines are shared: inputs need well under 1 s of CPU.
#   2  the fuzzer does not build although the toolchain supports it (the target
#      is out of date with the library it fuzzes)
#
# Needs only the Swift toolchain (swift on PATH, or /opt/swift/usr/bin) plus bash and
# coreutils. Environment: FUZZ_SCRATCH (build folder, default fuzz/.build-fuzz),
# FUZZ_ARTIFACTS (where findings go; default a temporary folder, copied to fuzz/artifacts/
# on a finding).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
seconds="${1:-60}"
scratch="${FUZZ_SCRATCH:-$here/.build-fuzz}"
if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
    export PATH="/opt/swift/usr/bin:$PATH"
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/backstep-fuzz-ci.XXXXXX")"
trap 'rm -rf "$work"' EXIT
artifacts="${FUZZ_ARTIFACTS:-$work/artifacts}"
mkdir -p "$work/corpus" "$artifacts"

# 1. Can this toolchain link a libFuzzer target at all?
cat >"$work/probe.swift" <<'EOF'
@_cdecl("LLVMFuzzerTestOneInput")
public func probe(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt { 0 }
EOF
if ! swiftc -sanitize=fuzzer,address -parse-as-library "$work/probe.swift" -o "$work/probe" >"$work/probe.log" 2>&1; then
    echo "fuzz: WARNING: this toolchain cannot build with -sanitize=fuzzer,address; fuzzing skipped:"
    sed 's/^/    /' "$work/probe.log" | head -20
    exit 0
fi

# 2. Build the target (release, as fuzz/run.sh does).
started=$(date +%s)
cd "$here"
if ! swift build -c release --scratch-path "$scratch" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >"$work/build.log" 2>&1; then
    echo "fuzz: ERROR: the fuzz target does not build:"
    grep -E 'error:' "$work/build.log" | head -30
    exit 2
fi
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/backstep-fuzz"
echo "fuzz: built in $(( $(date +%s) - started )) s"

# 3. Seeds: the lessons and the error corpus, in a fresh corpus folder.
# Named by their path (lessons/ko/01-chain-rule.md → lessons_ko_01-chain-rule.md): the
# English and Korean lessons share file names.
(cd "$here/.." && find lessons fuzz/seeds -type f \( -name '*.md' -o -name '*.graph' \) -size -64k) |
    while IFS= read -r f; do cp "$here/../$f" "$work/corpus/$(printf '%s' "$f" | tr '/' '_')"; done
seeds=$(ls "$work/corpus" | wc -l)

# 4. Fuzz. -seed fixed so a finding can be replayed with the same run.
"$bin" "$work/corpus" -dict="$here/backstep.dict" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 \
    -max_len=8192 -seed=1 -artifact_prefix="$artifacts/" -print_final_stats=1 >"$work/fuzz.log" 2>&1
status=$?
executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/fuzz.log" | tail -1)
corpus=$(ls "$work/corpus" | wc -l)
findings=$(ls "$artifacts" | wc -l)
echo "fuzz: ${executions:-?} executions in ${seconds} s; corpus $seeds seeds -> $corpus inputs; status $status; findings $findings"

if [ "$status" -ne 0 ] || [ "$findings" -gt 0 ]; then
    echo "fuzz: FINDING. libFuzzer's report:"
    grep -E -A40 '==[0-9]+==|ERROR: libFuzzer|SUMMARY:|deadly signal|Test unit written' "$work/fuzz.log" | head -80 | sed 's/^/    /'
    for f in "$artifacts"/*; do
        [ -f "$f" ] || continue
        echo "fuzz: reproducer $(basename "$f") ($(wc -c <"$f") bytes), base64:"
        base64 "$f" | sed 's/^/    /'
    done
    # The reproducers outlive the temporary folder.
    keep="$artifacts"
    if [ -z "${FUZZ_ARTIFACTS:-}" ]; then
        keep="$here/artifacts"
        mkdir -p "$keep" && cp "$artifacts"/* "$keep/" 2>/dev/null
    fi
    echo "fuzz: reproducers kept in $keep; replay one with: $bin <reproducer>"
    exit 1
fi
echo "fuzz: no findings"
