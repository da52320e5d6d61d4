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

    /// `cblas_dgemm`, the library it came from and OpenBLAS's thread setting
    /// (nil in another BLAS), or nil when no BLAS library could be opened or
    /// `BACKSTEP_NO_BLAS` is set. Opening it changes nothing in the process;
    /// ``ProcessTuning`` does, when a program asks.
    static let loaded: (dgemm: DGEMM, library: String, setThreads: SetThreads?)? = load()

    static var dgemm: DGEMM? { loaded?.dgemm }

    private static func load() -> (dgemm: DGEMM, library: String, setThreads: SetThreads?)? {
        if getenv("BACKSTEP_NO_BLAS") != nil { return nil }
        let names = ["libopenblas.so.0", "libopenblas.so", "libcblas.so.3", "libblas.so.3", "libopenblas.dylib"]
        for name in names {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { continue }
            guard let symbol = dlsym(handle, "cblas_dgemm") else { continue }
            let threads = dlsym(handle, "openblas_set_num_threads").map { unsafeBitCast($0, to: SetThreads.self) }
            return (unsafeBitCast(symbol, to: DGEMM.self), name, threads)
        }
        return nil
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
