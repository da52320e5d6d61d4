"""Reads the benchmark JSON lines (every implementation) on stdin and prints
how many times faster Backstep is than each other implementation, next to
the targets of issue 2, and how far the final losses are apart.

Usage: cat results.jsonl | python3 ratios.py
"""
import json
import sys

# workload -> [(other implementation, least speed-up that issue 2 asks for)]
TARGETS = {
    "W1": [("dezero", 40), ("torch", 20)],
    "W2": [("dezero", 20), ("torch", 10)],
    "W3": [("dezero", 8), ("torch", 6), ("numpy", 1)],
    "W4": [("dezero", 20), ("torch", None)],
    "W4-1M": [("dezero", None), ("torch", None)],
    "W5": [("numpy", 0.8), ("dezero", None), ("torch", None)],
    "W6": [("dezero", 6), ("torch", None)],
}
LONG_CHAIN_LIMIT = 120  # W4-1M may take at most this many times W4


def load(stream):
    results = {}
    for line in stream:
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            continue
        if "impl" in row and "workload" in row and "seconds" in row:
            results[(row["impl"], row["workload"])] = row
    return results


def verdict(value, target, at_most=False):
    if target is None:
        return ""
    ok = value <= target if at_most else value >= target
    sign = "≤" if at_most else "≥"
    return f"  target {sign} {target:g}×: {'ok' if ok else 'BELOW TARGET'}"


def main():
    results = load(sys.stdin)
    for workload, others in TARGETS.items():
        ours = results.get(("backstep", workload))
        if ours is None:
            print(f"{workload:6} backstep: no result")
            continue
        print(f"{workload:6} backstep {ours['per_iter_us']:.3f} µs/iter, {ours['seconds']:.4f} s")
        if "blas" in ours and ours["blas"] is None:
            print(f"{workload:6}   (no system BLAS was found: Backstep ran its own loop; apt-get install libopenblas0)")
        for impl, target in others:
            theirs = results.get((impl, workload))
            if theirs is None:
                continue
            ratio = theirs["seconds"] / ours["seconds"]
            print(f"{workload:6}   vs {impl:7} {theirs['seconds']:.4f} s  → backstep speed-up {ratio:.2f}×{verdict(ratio, target)}")
            a, b = ours.get("final_loss"), theirs.get("final_loss")
            if a is not None and b is not None:
                rel = abs(a - b) / max(abs(b), 1e-300)
                print(f"{workload:6}   final loss backstep {a!r} {impl} {b!r} (relative difference {rel:.1e})")
    for impl in ("backstep", "dezero", "torch"):
        short, long = results.get((impl, "W4")), results.get((impl, "W4-1M"))
        if not (short and long):
            continue
        limit = LONG_CHAIN_LIMIT if impl == "backstep" else None
        # Backstep also times 10k-step chains in the same rounds as the 1M one
        # (see benchmarkW4): that pair is the one held to the limit.
        in_rounds = long.get("chain_10k_in_rounds")
        if in_rounds is not None:
            growth = long["seconds"] / float(in_rounds)
            print(f"W4-1M  {impl:8} 1,000,000 steps take {growth:.1f}× a 10,000-step chain timed in the same rounds"
                  f" (100× is linear){verdict(growth, limit, at_most=True)}")
            limit = None
        growth = long["seconds"] / short["seconds"]
        print(f"W4-1M  {impl:8} 1,000,000 steps take {growth:.1f}× the fastest lone 10,000-step chain"
              f" (100× is linear){verdict(growth, limit, at_most=True)}")


if __name__ == "__main__":
    main()
