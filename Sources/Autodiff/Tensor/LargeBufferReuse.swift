import CKernels

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps the memory of large tensors in the process from one training step to
/// the next, instead of glibc handing it back to the kernel after every step.
///
/// A step allocates its large tensors (a 256×256 product, the gradient of ones
/// that starts backward, the two gradients) and frees them all when its graph
/// goes. glibc serves such blocks with `mmap`, or trims them off the top of the
/// heap as soon as about twice the largest freed block is free; either way the
/// next step faults every page in again and the kernel zeroes it: 360 faults a
/// step, a quarter of W5's time. NumPy, which frees each array as the next is made,
/// does not meet this. The thresholds are raised to the ceilings of glibc's own
/// adaptive rule (32 MB, and twice that for trimming), so at most 64 MB stays
/// free in the process. Whoever sets malloc tunables in `GLIBC_TUNABLES` keeps
/// their settings.
enum LargeBufferReuse {
    /// Evaluated once, by the first product large enough to allocate such blocks.
    static let configured: Bool = {
        if let tunables = getenv("GLIBC_TUNABLES"), String(cString: tunables).contains("glibc.malloc.") {
            return false
        }
        return backstep_keep_freed_blocks(32 << 20, 64 << 20) == 1
    }()
}
