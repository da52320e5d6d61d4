import CKernels

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Settings of the whole process that make the engine fastest, for a program
/// that owns its process: the `backstep` tool and the benchmarks call
/// ``apply()`` first thing. The library never changes them on its own;
/// importing Autodiff leaves the environment, the BLAS's threads and malloc as
/// they were.
public enum ProcessTuning {
    /// What ``apply()`` set.
    public struct Applied: Sendable, Equatable {
        /// The `OPENBLAS_CORETYPE` it chose, or nil when it was set already or the CPU needs none.
        public let openBLASCoreType: String?
        /// Whether OpenBLAS was opened and set to one thread.
        public let singleThreadedBLAS: Bool
        /// Whether malloc now keeps large freed blocks in the process.
        public let keepsLargeFreedBlocks: Bool
    }

    /// Tunes the process once; later calls return what the first did.
    ///
    /// - `OPENBLAS_CORETYPE`, unless set, names the best kernels the CPU runs:
    ///   Debian's OpenBLAS 0.3.21 does not recognise some virtual CPUs and falls
    ///   back to its slowest (Prescott) kernels, while SkylakeX (AVX-512) is 1.7×
    ///   the Haswell (AVX2) ones on a 256×256 product. OpenBLAS reads it when it
    ///   opens, so this must run before the first large matrix product.
    /// - OpenBLAS runs on one thread, like the NumPy runs the performance figures
    ///   compare against, without oversubscribing small machines.
    /// - glibc's malloc keeps large freed blocks in the process (mmap threshold
    ///   32 MB, trim threshold 64 MB, the ceilings of its own adaptive rule), so a
    ///   training step reuses the previous step's large tensors instead of
    ///   faulting fresh zeroed pages in from the kernel (a quarter of a 256×256
    ///   step's time; see docs/performance.md). Whoever sets malloc tunables in
    ///   `GLIBC_TUNABLES` keeps their settings.
    @discardableResult
    public static func apply() -> Applied { applied }

    private static let applied: Applied = {
        let coreType = chooseOpenBLASCoreType()
        var oneThread = false
        if let setThreads = BLAS.loaded?.setThreads {
            setThreads(1)
            oneThread = true
        }
        return Applied(
            openBLASCoreType: coreType, singleThreadedBLAS: oneThread, keepsLargeFreedBlocks: keepFreedBlocks())
    }()

    private static func chooseOpenBLASCoreType() -> String? {
        guard getenv("OPENBLAS_CORETYPE") == nil else { return nil }
        let flags = BLAS.cpuFlags()
        let name: String
        if ["avx512f", "avx512dq", "avx512cd", "avx512bw", "avx512vl"].allSatisfy(flags.contains) {
            name = "SkylakeX"
        } else if flags.contains("avx2") && flags.contains("fma") {
            name = "Haswell"
        } else {
            return nil
        }
        setenv("OPENBLAS_CORETYPE", name, 0)
        return name
    }

    private static func keepFreedBlocks() -> Bool {
        if let tunables = getenv("GLIBC_TUNABLES"), String(cString: tunables).contains("glibc.malloc.") {
            return false
        }
        return backstep_keep_freed_blocks(32 << 20, 64 << 20) == 1
    }
}
