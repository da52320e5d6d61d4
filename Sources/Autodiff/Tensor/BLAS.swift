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
    /// could be opened or `BACKSTEP_NO_BLAS` is set.
    static let loaded: (dgemm: DGEMM, library: String)? = load()

    static var dgemm: DGEMM? { loaded?.dgemm }

    private static func load() -> (dgemm: DGEMM, library: String)? {
        if getenv("BACKSTEP_NO_BLAS") != nil { return nil }
        // Debian's OpenBLAS 0.3.21 does not recognise some virtual CPUs and falls back
        // to its slowest (Prescott) kernels. Name the best kernels the CPU can run:
        // SkylakeX (AVX-512) is 1.7× the Haswell (AVX2) ones on a 256×256 product.
        if getenv("OPENBLAS_CORETYPE") == nil {
            let flags = cpuFlags()
            if ["avx512f", "avx512dq", "avx512cd", "avx512bw", "avx512vl"].allSatisfy(flags.contains) {
                setenv("OPENBLAS_CORETYPE", "SkylakeX", 0)
            } else if flags.contains("avx2") && flags.contains("fma") {
                setenv("OPENBLAS_CORETYPE", "Haswell", 0)
            }
        }
        let names = ["libopenblas.so.0", "libopenblas.so", "libcblas.so.3", "libblas.so.3", "libopenblas.dylib"]
        for name in names {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { continue }
            guard let symbol = dlsym(handle, "cblas_dgemm") else { continue }
            // One thread, like the NumPy run we compare against, and no oversubscription on small machines.
            if let threads = dlsym(handle, "openblas_set_num_threads") {
                unsafeBitCast(threads, to: SetThreads.self)(1)
            }
            return (unsafeBitCast(symbol, to: DGEMM.self), name)
        }
        return nil
    }

    /// The first CPU's feature flags from `/proc/cpuinfo` (empty where there is none).
    private static func cpuFlags() -> Set<Substring> {
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
