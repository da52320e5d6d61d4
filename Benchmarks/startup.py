#!/usr/bin/env python3
"""Start to first frame, and a key press to the next screen, of the real
`backstep` player in a pseudo-terminal.

Starts the release binary on each lesson under a 100x30 pty (TERM=xterm-256color,
LANG=C.UTF-8, a fresh XDG_STATE_HOME so no resume prompt) and times from fork to
the moment its status line ("step 1/") has been written. Once the rest of the
lesson has played (0.5 s without output), it presses → 20 times, each after the screen has been quiet for 50 ms, and times from the key to
the last byte of the redraw (the end of a burst of output followed by 50 ms of
quiet). Then q. Prints one JSON line per lesson: the fastest and median start of
--runs runs, and the median and slowest key over all of them.

Usage: Benchmarks/startup.py [--runs N] [--binary PATH] LESSON...
"""
import argparse, fcntl, json, os, pty, select, statistics, struct, sys, tempfile, termios, time


def first_frame(binary, lesson, state):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update({"TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "XDG_STATE_HOME": state})
        os.execv(binary, [binary, lesson])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    seen, elapsed = b"", None
    deadline = start + 10
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        seen += chunk
        if b"step 1/" in seen:
            elapsed = time.perf_counter() - start
            break
    keys = []
    if elapsed is not None:
        # Let later steps finish playing (training redraws the status line while it runs).
        quiet(fd, 0.5)
        for _ in range(20):
            sent = time.perf_counter()
            os.write(fd, b"\x1b[C")
            last = quiet(fd, 0.05)
            if last is not None:
                keys.append(last - sent)
    os.write(fd, b"q")
    # Drain until the program exits, so the next run starts clean.
    while True:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    os.close(fd)
    return elapsed, keys


def quiet(fd, seconds):
    """Reads until nothing arrives for `seconds`; the time of the last byte read, if any."""
    last = None
    while True:
        ready, _, _ = select.select([fd], [], [], seconds)
        if not ready:
            return last
        try:
            if not os.read(fd, 65536):
                return last
        except OSError:
            return last
        last = time.perf_counter()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--binary", default=os.path.join(os.path.dirname(__file__), "..", ".build", "release", "backstep"))
    parser.add_argument("lessons", nargs="+")
    args = parser.parse_args()
    failed = False
    for lesson in args.lessons:
        times, keys = [], []
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as state:
                t, k = first_frame(args.binary, lesson, state)
            if t is None:
                failed = True
                break
            times.append(t)
            keys += k
        if not times:
            print(json.dumps({"workload": "startup", "lesson": lesson, "error": "no first frame within 10 s"}))
            continue
        print(json.dumps({"workload": "startup", "lesson": lesson, "fastest_ms": round(min(times) * 1e3, 2),
                          "median_ms": round(statistics.median(times) * 1e3, 2), "runs": len(times),
                          "key_median_ms": round(statistics.median(keys) * 1e3, 2) if keys else None,
                          "key_p95_ms": round(sorted(keys)[int(len(keys) * 0.95) - 1] * 1e3, 2) if keys else None,
                          "key_slowest_ms": round(max(keys) * 1e3, 2) if keys else None, "keys": len(keys)}))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
