#!/usr/bin/env bash
# Peak memory (maximum resident set size, from /usr/bin/time -v) of:
#   a. the two-layer-net lesson played to the end:
#      a1. `backstep record` (plays every step and draws every frame's screen, no terminal)
#      a2. the player itself in tmux, walked with → to the last frame of the last step, then q
#          (skipped when tmux is not installed)
#   b. a 100,000-node graph evaluated forward and backward by the engine (Autodiff):
#      the chain y = y·1.0001 + 0.0001 with 25,000 links, each two functions and their two
#      outputs: 100,001 nodes with x (150,001 counted as lessons count, constants included);
#      and, for scale, the same chain ten times longer (1,000,001 nodes) with a 10× bound.
#      Lessons stop at 2,000 nodes a graph (Sources/Lessons/LessonFile/Limits.swift), so this
#      program is compiled here against the release build's Autodiff (and CKernels) objects.
# Each peak is checked against its bound; the script exits 1 when one is exceeded.
#
#   Benchmarks/memory.sh [--scratch-path PATH]     (release build; default .build)
# Environment: BOUND_MB (default 200) for every bound.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scratch="$root/.build"
if [ "${1:-}" = "--scratch-path" ]; then scratch="$(cd "$root" && realpath -m "$2")"; fi
bound_mb="${BOUND_MB:-200}"
cd "$root"

if [ ! -x /usr/bin/time ]; then
    echo "memory: /usr/bin/time is missing (Debian: apt-get install time)" >&2
    exit 2
fi
# Building backstep also builds Autodiff, whose objects the 100,000-node program links with.
swift build -c release --scratch-path "$scratch" --product backstep >/dev/null
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"
work="$(mktemp -d "${TMPDIR:-/tmp}/backstep-memory.XXXXXX")"
trap 'rm -rf "$work"' EXIT
failed=0

# Runs a command under /usr/bin/time -v; prints and checks its peak RSS.
measure() {
    local name="$1"; shift
    /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/out.txt"
    report "$name" "$work/time.txt"
}

# Prints one line per measurement and remembers a bound exceeded.
report() {
    local name="$1" file="$2" kb seconds
    kb=$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$file")
    seconds=$(sed -n 's/.*Elapsed (wall clock) time.*: *//p' "$file")
    local mb=$(( kb / 1024 ))
    if [ "$mb" -lt "$bound_mb" ]; then
        echo "memory: $name: peak RSS $mb MB ($kb kB) < $bound_mb MB, wall $seconds: ok"
    else
        echo "memory: $name: peak RSS $mb MB ($kb kB) >= $bound_mb MB, wall $seconds: OVER THE BOUND"
        failed=1
    fi
}

lesson="$root/lessons/06-two-layer-net.md"

# a1. Every frame of the lesson played and drawn.
measure "two-layer net, backstep record (every frame at 100x30)" \
    "$bin/backstep" record "$lesson" -o "$work/walk.cast" --size 100x30

# a2. The player in a terminal, walked to the last frame.
if command -v tmux >/dev/null 2>&1; then
    . "$(dirname "${BASH_SOURCE[0]}")/player-in-tmux.sh"
    player_start memory "$work/player.txt" "$bin/backstep" "$lesson"
    wait_for "step 1/" 60
    # → walks every frame; past the steps played so far it only says so, so keep pressing.
    steps=$("$bin/backstep" frames "$lesson" | grep -cE '^[0-9]+\. ')
    for i in $(seq 1 60); do
        t send-keys -t 0 $(printf 'Right %.0s' $(seq 1 20))
        if t capture-pane -p | tail -1 | grep -qE "step $steps/$steps"; then break; fi
        sleep 0.5
    done
    t send-keys -t 0 G
    wait_for "step $steps/$steps" 60
    t send-keys -t 0 q
    for i in $(seq 1 100); do [ -s "$work/player.txt" ] && grep -q "Exit status" "$work/player.txt" && break; sleep 0.1; done
    t kill-server 2>/dev/null || true
    report "two-layer net, the player in tmux walked to its last frame" "$work/player.txt"
else
    echo "memory: tmux not installed: the player in a terminal is not measured"
fi

# b. The engine on a 100,003-node graph: forward and backward.
cat >"$work/chain.swift" <<'EOF'
import Autodiff

let links = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 25_000
let x = Variable(1.0)
var y = x
for _ in 0..<links { y = try y * 1.0001 + 0.0001 }
try y.backward()
print("\(1 + 4 * links) nodes, dy/dx \(x.grad?.data.scalar ?? .nan)")
EOF
# Autodiff imports the C target CKernels: its module map and objects come along.
swiftc -O -I "$bin/Modules" -Xcc -fmodule-map-file="$bin/CKernels.build/module.modulemap" \
    "$work/chain.swift" "$bin"/Autodiff.build/*.o "$bin"/CKernels.build/*.o -o "$work/chain"
measure "100,001-node graph, forward and backward (Autodiff)" "$work/chain" 25000
echo "memory:   (it printed: $(cat "$work/out.txt"))"
bound_mb=$(( bound_mb * 10 )) measure "1,000,001-node graph, forward and backward (Autodiff)" "$work/chain" 250000
echo "memory:   (it printed: $(cat "$work/out.txt"))"

exit "$failed"
