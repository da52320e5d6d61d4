#!/usr/bin/env python3
"""Load test for `backstep class`: N real OpenSSH clients on loopback follow a
teacher who steps every 200 ms.

The teacher runs in a pseudo-terminal of its own (100x30); each client is
`ssh -tt` in its own 80x24 pseudo-terminal, so it is a student's real terminal
session. The teacher alternates `]` and `[` (step 2, step 1, ...); each client
must show the new step ("step 2/" or "step 1/" on its screen).

Reports, as one JSON object:
  teacher_key_to_screen_ms  median / p95 / max: from the key written to the
                            teacher's terminal to its first screen bytes back
  student_key_to_screen_ms  median / p95 / max over every client and step: from
                            the teacher's key to that client's screen showing it
  steps_seen                fraction of (client, step) pairs a client showed
  server_cpu_ms_per_client  the server's CPU time while stepping, per client per second
  server_rss_kb_per_client  (RSS with clients - RSS before) / clients

Bounded: at most --seconds in all; loopback (127.0.0.1) only; every process it
started is ended when it stops.

Usage: Benchmarks/class/load.py [--clients 100] [--steps 50] [--interval 0.2] [--bin .build/debug/backstep]
"""
import argparse
import fcntl
import json
import os
import pty
import re
import resource
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ANSI = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


def set_size(fd, rows, cols):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def spawn_in_pty(argv, rows, cols, env):
    master, slave = pty.openpty()
    set_size(slave, rows, cols)
    process = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True, close_fds=True
    )
    os.close(slave)
    os.set_blocking(master, False)
    return process, master


def read_some(fd):
    try:
        return os.read(fd, 65536)
    except (BlockingIOError, OSError):
        return b""


def cpu_ms(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) * 1000.0 / ticks


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1))))]


def summary(values):
    if not values:
        return None
    return {
        "median": round(statistics.median(values), 2),
        "p95": round(percentile(values, 95), 2),
        "max": round(max(values), 2),
        "n": len(values),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--steps", type=int, default=50)
    parser.add_argument("--interval", type=float, default=0.2)
    parser.add_argument("--seconds", type=float, default=180, help="hard limit on the whole run")
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build/debug/backstep"))
    parser.add_argument("--lesson", default=os.path.join(ROOT, "lessons/01-chain-rule.md"))
    args = parser.parse_args()
    if not 1 <= args.clients <= 200:
        sys.exit("--clients must be 1..200")
    started = time.monotonic()
    deadline = started + args.seconds
    state = tempfile.mkdtemp(prefix="backstep-class-load-")
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8", XDG_STATE_HOME=state)
    processes = []
    try:
        teacher, tfd = spawn_in_pty(
            [args.bin, "class", args.lesson, "--port", "0", "--host", "127.0.0.1"], 30, 100, env
        )
        processes.append(teacher)
        text = b""
        port = None
        while port is None and time.monotonic() < deadline:
            select.select([tfd], [], [], 0.2)
            text += read_some(tfd)
            m = re.search(rb"ssh -p (\d+) 127\.0\.0\.1", ANSI.sub(b"", text))
            if m:
                port = int(m.group(1))
        if port is None:
            sys.exit("the teacher never showed its port")
        time.sleep(0.5)
        while read_some(tfd):
            pass
        rss_before = rss_kb(teacher.pid)

        ssh = [
            "ssh", "-tt", "-F", "/dev/null", "-p", str(port), "-o", "StrictHostKeyChecking=no",
            "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "IdentitiesOnly=yes",
            "-o", "IdentityFile=/dev/null", "student@127.0.0.1",
        ]
        clients = []
        for _ in range(args.clients):
            process, fd = spawn_in_pty(ssh, 24, 80, env)
            processes.append(process)
            clients.append({"fd": fd, "tail": b"", "joined": False})
            time.sleep(0.01)
        by_fd = {c["fd"]: c for c in clients}

        def pump(timeout, on_text=None):
            ready, _, _ = select.select(list(by_fd) + [tfd], [], [], timeout)
            now = time.monotonic()
            for fd in ready:
                data = read_some(fd)
                if fd == tfd or not data:
                    continue
                client = by_fd[fd]
                client["tail"] = (client["tail"] + ANSI.sub(b"", data))[-4000:]
                if on_text:
                    on_text(client, now)

        # Wait until every client shows the lesson.
        while time.monotonic() < deadline:
            pump(0.1)
            for client in clients:
                if not client["joined"] and b"following the teacher" in client["tail"]:
                    client["joined"] = True
            if all(c["joined"] for c in clients):
                break
        joined = sum(c["joined"] for c in clients)
        time.sleep(1.0)
        pump(0)
        rss_with = rss_kb(teacher.pid)
        cpu_start = cpu_ms(teacher.pid)
        step_start = time.monotonic()

        teacher_times, student_times = [], []
        seen = 0
        for i in range(args.steps):
            if time.monotonic() > deadline:
                break
            target = b"step 2/" if i % 2 == 0 else b"step 1/"
            key = b"]" if i % 2 == 0 else b"["
            while read_some(tfd):
                pass
            for client in clients:
                client["tail"] = b""
                client["at"] = None
            t0 = time.monotonic()
            os.write(tfd, key)
            teacher_at = None
            end = t0 + args.interval

            def note(client, now):
                if client["at"] is None and target in client["tail"]:
                    client["at"] = now

            while time.monotonic() < end:
                left = max(0.0, end - time.monotonic())
                ready, _, _ = select.select([tfd] + list(by_fd), [], [], left)
                now = time.monotonic()
                for fd in ready:
                    data = read_some(fd)
                    if not data:
                        continue
                    if fd == tfd:
                        if teacher_at is None:
                            teacher_at = now
                        continue
                    client = by_fd[fd]
                    client["tail"] = (client["tail"] + ANSI.sub(b"", data))[-4000:]
                    note(client, now)
            if teacher_at is not None:
                teacher_times.append((teacher_at - t0) * 1000)
            for client in clients:
                if client["at"] is not None:
                    seen += 1
                    student_times.append((client["at"] - t0) * 1000)
        duration = time.monotonic() - step_start
        cpu_used = cpu_ms(teacher.pid) - cpu_start
        clients_cpu = sum(cpu_ms(p.pid) for p in processes[1:] if p.poll() is None)
        steps_done = len(teacher_times) or 1
        harness = resource.getrusage(resource.RUSAGE_SELF)
        result = {
            "harness_cpu_s": round(harness.ru_utime + harness.ru_stime, 2),
            "ssh_clients_cpu_s": round(clients_cpu / 1000, 2),
            "load_average_1min": os.getloadavg()[0],
            "clients": args.clients,
            "joined": joined,
            "steps": args.steps,
            "interval_ms": int(args.interval * 1000),
            "teacher_key_to_screen_ms": summary(teacher_times),
            "student_key_to_screen_ms": summary(student_times),
            "steps_seen": round(seen / float(max(1, args.clients * steps_done)), 4),
            "server_cpu_percent": round(cpu_used / (duration * 1000) * 100, 1),
            "server_cpu_ms_per_client_per_s": round(cpu_used / duration / max(1, joined), 3),
            "server_rss_kb_before_clients": rss_before,
            "server_rss_kb_with_clients": rss_with,
            "server_rss_kb_per_client": round((rss_with - rss_before) / float(max(1, joined)), 1),
        }
        print(json.dumps(result))
    finally:
        for process in reversed(processes):
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for process in processes:
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        subprocess.run(["rm", "-rf", state])


if __name__ == "__main__":
    main()
