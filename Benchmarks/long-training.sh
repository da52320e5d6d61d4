#!/usr/bin/env bash
# What long trainings cost (issue 21): peak memory (maximum resident set size,
# from /usr/bin/time -v) and time of
#   a. issue 21's lesson (Benchmarks/lessons/million-iterations.md: one @train of
#      1,000,000 iterations, a frame every 1,000, on 10 points):
#      a1. `render --step 3 --frame 500` (one screen: plays the lesson, draws frame 500)
#      a2. `render --all` (every frame of the lesson drawn)
#      a3. the player in tmux: open, go to the training step, G (its last frame), a (play
#          the run from its start), wait until it has played to the end, q
#   b. the worst lessons `check` accepts at the training limits (generated here):
#      b1. frames: two trainings of 1,000,000 iterations (the lesson's iteration limit),
#          1,997 frames each (the frame limit), on the 10-point regression
#      b2. values: 1,997 frames of a training whose every frame would keep 1,000,000
#          numbers (a 1000×1000 param): the frames' value budget decides what is kept
#      b3. nodes: a 2,000-node scalar graph (the node limit) trained for 1,999 iterations;
#          its time per iteration, times 2,000,000 (the lesson's iteration limit), is the
#          worst training time a lesson can ask for (printed, not run: about ten minutes)
#   Each is `render --step S --frame LAST` of the lesson (plays every step, draws one screen).
# Each peak is checked against a bound; the script exits 1 when one is exceeded.
#
#   Benchmarks/long-training.sh [--scratch-path PATH]     (release build; default .build)
# Environment: BOUND_MB (default 300); SKIP_PLAYER=1 leaves out a3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scratch="$root/.build"
if [ "${1:-}" = "--scratch-path" ]; then scratch="$(cd "$root" && realpath -m "$2")"; fi
bound_mb="${BOUND_MB:-300}"
cd "$root"

if [ ! -x /usr/bin/time ]; then
    echo "long-training: /usr/bin/time is missing (Debian: apt-get install time)" >&2
    exit 2
fi
swift build -c release --scratch-path "$scratch" --product backstep >/dev/null
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/backstep"
work="$(mktemp -d "${TMPDIR:-/tmp}/backstep-long-training.XXXXXX")"
trap 'rm -rf "$work"' EXIT
failed=0

# Prints one line per measurement (peak RSS, wall and CPU time) and remembers a bound exceeded.
report() {
    local name="$1" file="$2" kb wall user sys
    kb=$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$file")
    wall=$(sed -n "s/.*Elapsed (wall clock) time (h:mm:ss or m:ss): *//p" "$file")
    user=$(sed -n 's/.*User time (seconds): *//p' "$file")
    sys=$(sed -n 's/.*System time (seconds): *//p' "$file")
    local mb=$(( kb / 1024 ))
    local verdict="ok"
    if [ "$mb" -ge "$bound_mb" ]; then verdict="OVER THE BOUND"; failed=1; fi
    echo "long-training: $name: peak RSS $mb MB (bound $bound_mb MB), wall $wall, cpu ${user}s user + ${sys}s sys: $verdict"
}

measure() {
    local name="$1"; shift
    /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/out.txt"
    report "$name" "$work/time.txt"
}

lesson="$root/Benchmarks/lessons/million-iterations.md"
measure "a1. million iterations, render --step 3 --frame 500" \
    "$bin" render "$lesson" --step 3 --frame 500 --size 80x24
measure "a2. million iterations, render --all" \
    "$bin" render "$lesson" --all --size 80x24
echo "long-training:   (render --all drew $(grep -c '^=== step' "$work/out.txt") screens)"

# a3. The player in a terminal.
if [ "${SKIP_PLAYER:-0}" != 1 ] && command -v tmux >/dev/null 2>&1; then
    . "$(dirname "${BASH_SOURCE[0]}")/player-in-tmux.sh"
    player_start long-training "$work/player.txt" "$bin" "$lesson"
    wait_for "step 1/" 60
    t send-keys -t 0 ']' ']'
    wait_for "step 3/" 120
    t send-keys -t 0 G
    wait_for "frame 1001/1001" 300
    t send-keys -t 0 a
    wait_for "running" 30
    wait_for "finished" 300
    t send-keys -t 0 q
    for i in $(seq 1 100); do grep -q "Exit status" "$work/player.txt" 2>/dev/null && break; sleep 0.1; done
    t kill-server 2>/dev/null || true
    report "a3. million iterations, the player in tmux: step 3, G, a, played to the end" "$work/player.txt"
else
    echo "long-training: a3 skipped (SKIP_PLAYER=1 or no tmux)"
fi

# b. Lessons at the limits.
regression='```graph
seed(0)
data x = rand(10, 1)
data y = 5 + 2 * x + rand(10, 1)
param W = zeros(1, 1)
param b = zeros(1)
y_pred = matmul(x, W) + b
loss = mean_squared_error(y, y_pred)
```'

{
    printf -- '---\ntitle: Frames at the limits\nlanguage: en\n---\n\n# Frames at the limits\n\n## Data\n\n%s\n\n' "$regression"
    printf '## First\n\n@train loss lr=0.1 iters=1000000 every=501\n\n'
    printf '## Second\n\n@train loss lr=0.01 iters=1000000 every=501\n\n## Loss\n\n@plot loss\n'
} >"$work/frames.md"
"$bin" check "$work/frames.md" >/dev/null
measure "b1. two trainings of 1,000,000 iterations, 1,997 frames each, render of the last step" \
    "$bin" render "$work/frames.md" --step 5 --frame 1 --size 80x24

{
    printf -- '---\ntitle: Values at the limits\nlanguage: en\n---\n\n# Values at the limits\n\n## Data\n\n'
    printf '```graph\nseed(0)\ndata x = rand(1, 1000)\nparam W = 0.001 * randn(1000, 1000)\nh = matmul(x, W)\nloss = sum(h * h)\n```\n\n'
    printf '## Train\n\n@train loss lr=0.001 iters=1997 every=1\n'
} >"$work/values.md"
"$bin" check "$work/values.md" >/dev/null
measure "b2. 1,997 frames of a 1,000,000-element param, render of the last frame" \
    "$bin" render "$work/values.md" --step 3 --frame 1998 --size 80x24

{
    printf -- '---\ntitle: Nodes at the limits\nlanguage: en\n---\n\n# Nodes at the limits\n\n## Data\n\n```graph\nparam w = 0.5\ny0 = sin(w)\n'
    for i in $(seq 1 997); do printf 'y%d = sin(y%d)\n' "$i" $(( i - 1 )); done
    printf 'loss = y997 * y997\n```\n\n## Train\n\n@train loss lr=0.001 iters=1999 every=1\n'
} >"$work/nodes.md"
"$bin" check "$work/nodes.md" >/dev/null
measure "b3. a 2,000-node scalar graph, 1,999 iterations, render of the last frame" \
    "$bin" render "$work/nodes.md" --step 3 --frame 2000 --size 80x24
user=$(sed -n 's/.*User time (seconds): *//p' "$work/time.txt")
awk -v u="$user" 'BEGIN { printf "long-training:   at %.0f µs an iteration, 2,000,000 iterations (the lesson limit) would take about %.0f s\n", u / 1999 * 1e6, u / 1999 * 2e6 }'

exit "$failed"
