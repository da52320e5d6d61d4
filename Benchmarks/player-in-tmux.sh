# Sourced by the memory benchmarks: runs the player under `/usr/bin/time -v` in a private tmux
# server at 100x30, so its peak memory can be read after it quits.
#
#   player_start NAME REPORT COMMAND...   start COMMAND; time -v writes REPORT when it ends
#   t ARGS...                             a tmux command on that server
#   wait_for TEXT SECONDS                 wait until TEXT is on the screen (prints it on a timeout)
# Needs $work (a scratch folder) set by the caller.

player_start() {
    player_name="$1" player_sock="backstep-$1-$$"
    local report="$2"
    shift 2
    local command
    command="/usr/bin/time -v -o '$report'$(printf " '%s'" "$@")"
    t start-server \; set-option -g remain-on-exit on \; new-session -d -x 100 -y 30 \
        -e XDG_STATE_HOME="$work/state" -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 "$command"
}

t() { tmux -L "$player_sock" -f /dev/null "$@"; }

wait_for() {
    local i
    for i in $(seq 1 $(($2 * 10))); do
        t capture-pane -p | grep -qF -- "$1" && return 0
        sleep 0.1
    done
    echo "$player_name: timed out waiting for '$1'" >&2
    t capture-pane -p >&2
    return 1
}
