#!/usr/bin/env bash
# Build the libFuzzer target with AddressSanitizer and run it.
#   fuzz/run.sh [SECONDS] [extra libFuzzer flags...]     (default 60 s)
# Seeds: the lessons and the error corpus (fuzz/seeds/, written from
# Tests/LessonsTests/ErrorCorpusTests.swift), copied into a scratch corpus so the
# repository's files are never rewritten. Dictionary: fuzz/backstep.dict.
# Crashes are written to fuzz/artifacts/; turn each into a regression test.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
seconds="${1:-60}"; shift || true
cd "$here"
swift build -c release --scratch-path "$here/.build-fuzz" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >/dev/null
bin="$(swift build -c release --scratch-path "$here/.build-fuzz" --show-bin-path)/backstep-fuzz"
corpus="$here/corpus-run"
mkdir -p "$corpus" "$here/artifacts"
# Named by their path (lessons/ko/01-chain-rule.md → lessons_ko_01-chain-rule.md): the
# English and Korean lessons share file names.
(cd "$here/.." && find lessons fuzz/seeds -type f \( -name '*.md' -o -name '*.graph' \) -size -64k) |
    while IFS= read -r f; do cp -n "$here/../$f" "$corpus/$(printf '%s' "$f" | tr '/' '_')"; done
"$bin" "$corpus" -dict="$here/backstep.dict" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 \
    -max_len=8192 -artifact_prefix="$here/artifacts/" -print_final_stats=1 "$@"
