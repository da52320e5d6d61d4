#if os(Linux)
    import Autodiff
    import Glibc
    import Testing

    /// A training step's large tensors are freed together when its graph goes; the
    /// next step must get that memory back from the process, not fault fresh pages in
    /// from the kernel (glibc's default, 360 page faults a step for this product).
    @Suite struct LargeBufferReuseTests {
        /// Page faults of the calling thread so far, so tests running beside it do not count.
        func threadPageFaults() -> Int {
            var usage = rusage()
            // RUSAGE_THREAD (1), which Glibc's Swift module does not name.
            guard getrusage(__rusage_who_t(1), &usage) == 0 else { return 0 }
            return usage.ru_minflt
        }

        func step(_ a: Tensor, _ b: Tensor) throws {
            let x = Variable(a)
            let w = Variable(b)
            try matmul(x, w).backward()
            #expect(x.grad?.data.shape == [256, 256] && w.grad?.data.shape == [256, 256])
        }

        /// The engine leaves malloc alone where the user tuned it with GLIBC_TUNABLES.
        static let mallocTunedByUser =
            getenv("GLIBC_TUNABLES").map { String(cString: $0).contains("glibc.malloc.") } ?? false

        @Test(.disabled(if: mallocTunedByUser, "GLIBC_TUNABLES sets malloc's behaviour"))
        func repeatedLargeProductsReuseFreedMemory() throws {
            // Opt-in, as the tool and the benchmarks opt in: the library alone leaves malloc alone.
            #expect(ProcessTuning.apply().keepsLargeFreedBlocks)
            var rng = SplitMix64(state: 7)
            let a = rng.tensor([256, 256])
            let b = rng.tensor([256, 256])
            try step(a, b)
            // Each step allocates four 512 KB tensors (the product, the gradient of ones,
            // two gradients): 512 pages. Kept in the process, they fault in only once.
            // Tests beside this one share the allocator (a large free there can trim
            // the heap), so the quietest of three rounds counts; without reuse every
            // round faults about 2,400 times.
            var fewest = Int.max
            for _ in 0..<3 {
                let before = threadPageFaults()
                for _ in 0..<5 { try step(a, b) }
                fewest = min(fewest, threadPageFaults() - before)
            }
            #expect(fewest < 300)
        }
    }
#endif
