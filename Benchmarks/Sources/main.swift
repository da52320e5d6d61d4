import Autodiff

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Release-build benchmarks: one JSON line per workload, the same workloads as
// Benchmarks/python/*.py, so Benchmarks/compare.sh can print the ratios.
// Run: swift run -c release backstep-bench [W1 W2 ...]

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

func report(_ workload: String, seconds: Double, iterations: Int, extra: [String: String] = [:]) {
    var fields = [
        "\"impl\": \"backstep\"", "\"workload\": \"\(workload)\"",
        "\"seconds\": \(seconds)", "\"per_iter_us\": \(seconds / Double(iterations) * 1e6)",
    ]
    for (k, v) in extra.sorted(by: { $0.key < $1.key }) { fields.append("\"\(k)\": \(v)") }
    print("{" + fields.joined(separator: ", ") + "}")
}

/// Runs `body` once to warm up, then `repeats` times, and keeps the fastest run.
func best(repeats: Int = 3, _ body: () throws -> Void) rethrows -> Double {
    try body()
    var fastest = Double.infinity
    for _ in 0..<repeats { fastest = Swift.min(fastest, try timed(body)) }
    return fastest
}

/// The seconds `body` takes, everything it made freed included.
func timed(_ body: () throws -> Void) rethrows -> Double {
    let start = now()
    try body()
    return now() - start
}

// Tuned as the `backstep` tool tunes itself (BLAS kernels and threads, malloc).
ProcessTuning.apply()

let selected = Set(CommandLine.arguments.dropFirst())
func wanted(_ name: String) -> Bool { selected.isEmpty || selected.contains(name) }

do {
    if wanted("W1") { try benchmarkW1() }
    if wanted("W4") || wanted("W4-1M") { try benchmarkW4() }  // one run times both
    if wanted("W5") { try benchmarkW5() }
    try benchmarkTraining(wanted)
    try benchmarkPlayer(wanted)
} catch {
    print("{\"error\": \"\(error)\"}")
    exit(1)
}
