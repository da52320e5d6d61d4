#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A system BLAS found at run time, so the package builds and runs without one
/// and large matrix products use it when it is installed (e.g. Debian's libopenblas0).
enum BLAS {
    typealias DGEMM =
        @convention(c) (
            Int32, Int32, Int32, Int32, Int32, Int32, Double,
            UnsafePointer<Double>?, Int32, UnsafePointer<Double>?, Int32, Double,
            UnsafeMutablePointer<Double>?, Int32
        ) -> Void
    typealias SetThreads = @convention(c) (Int32) -> Void

    /// `cblas_dgemm` and the library it came from, or nil when no BLAS library
    /// could be opened or `BACKSTEP_NO_BLAS` is set. Opened by the first large
    /// product, never before: OpenBLAS starts its threads when it opens (unless
    /// ``ProcessTuning`` asked for one), and the engine sets nothing in the process.
    static let loaded: (dgemm: DGEMM, library: String)? = load()

    static var dgemm: DGEMM? { loaded?.dgemm }

    private static let names = [
        "libopenblas.so.0", "libopenblas.so", "libcblas.so.3", "libblas.so.3", "libopenblas.dylib",
    ]

    private static func load() -> (dgemm: DGEMM, library: String)? {
        if getenv("BACKSTEP_NO_BLAS") != nil { return nil }
        for name in names {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { continue }
            guard let symbol = dlsym(handle, "cblas_dgemm") else { continue }
            return (unsafeBitCast(symbol, to: DGEMM.self), name)
        }
        return nil
    }

    /// Sets OpenBLAS's threads if it is open already, without opening it.
    static func setThreadsIfOpen(_ n: Int32) {
        for name in names {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_NOLOAD) else { continue }
            defer { dlclose(handle) }
            if let setThreads = dlsym(handle, "openblas_set_num_threads") {
                unsafeBitCast(setThreads, to: SetThreads.self)(n)
            }
        }
    }

    /// The first CPU's feature flags from `/proc/cpuinfo` (empty where there is none).
    static func cpuFlags() -> Set<Substring> {
        guard let file = fopen("/proc/cpuinfo", "r") else { return [] }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 4096)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            guard text.hasPrefix("flags") else { continue }
            return Set(text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }))
        }
        return []
    }
}
