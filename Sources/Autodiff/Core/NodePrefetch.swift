import CKernels

extension Function {
    /// Starts loading the memory of the nodes made a few steps before this
    /// function, which backward and teardown visit next in a long chain.
    ///
    /// A chain's nodes are allocated one after another, about 320 bytes per step,
    /// and both passes walk them from the last to the first. The CPU's own
    /// prefetchers stop at each 4 KB page and follow a falling stream late, so a
    /// chain of a million steps, far larger than the caches, would wait on memory
    /// at every node; asking for the step three to four behind keeps it ahead.
    /// A hint only: wherever the nodes really lie, results are the same.
    @inline(__always)
    static func prefetchEarlierNodes(of function: Unmanaged<Function>) {
        backstep_prefetch_before(UnsafeRawPointer(function.toOpaque()) - 3 * bytesPerChainStep, bytesPerChainStep)
    }

    /// What one step of `y = y * a + b` allocates: two functions and two variables.
    static var bytesPerChainStep: Int { 320 }
}
