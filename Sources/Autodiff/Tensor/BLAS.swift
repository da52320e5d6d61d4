#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A system BLAS found at run time, so the package builds and runs without one
/// and large matrix products use it when it is installed (e.g. Debian's libopenblas0).
enum BLAS {
    typealias DGEMM = @convention(c) (
        Int32, Int32, Int32, Int32, Int32, Int32, Double,
        UnsafePointer<Double>?, Int32, UnsafePointer<Double>?, Int32, Double,
        UnsafeMutablePointer<Double>?, Int32
    ) -> Void
    typealias SetThreads = @convention(c) (Int32) -> Void

    /// `cblas_dgemm`, or nil when no BLAS library could be opened or `BACKSTEP_NO_BLAS` is set.
    static let dgemm: DGEMM? = load()

    private static func load() -> DGEMM? {
        if getenv("BACKSTEP_NO_BLAS") != nil { return nil }
        let names = ["libopenblas.so.0", "libopenblas.so", "libcblas.so.3", "libblas.so.3", "libopenblas.dylib"]
        for name in names {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { continue }
            guard let symbol = dlsym(handle, "cblas_dgemm") else { continue }
            // One thread, like the NumPy run we compare against, and no oversubscription on small machines.
            if let threads = dlsym(handle, "openblas_set_num_threads") {
                unsafeBitCast(threads, to: SetThreads.self)(1)
            }
            return unsafeBitCast(symbol, to: DGEMM.self)
        }
        return nil
    }
}
