#if canImport(Glibc)
    import CKernels
    import Testing

    @testable import Autodiff

    /// The chain speed in docs/performance.md rests on node sizes: one step of
    /// `y = y * a + b` (two functions, two variables) fills 320 bytes of heap,
    /// which the backward and teardown prefetch (`bytesPerChainStep`). A field
    /// added to `Function` or `Variable` that grows them fails here.
    @Suite struct NodeLayoutTests {
        /// The heap bytes an object takes, its allocator header included.
        func heapBytes(_ object: AnyObject) -> Int {
            backstep_heap_block_bytes(UnsafeRawPointer(Unmanaged.passUnretained(object).toOpaque()))
        }

        @Test func aChainStepFillsWhatThePrefetchAssumes() {
            // glibc hands out a larger free chunk whole when splitting it would leave
            // less than its minimum (tests running beside this one free such chunks),
            // so the smallest of several steps is the size each node asks for.
            var sizes = [Int.max, Int.max, Int.max, Int.max]
            var kept: [Variable] = []
            for _ in 0..<16 {
                let x = Variable(1.0)
                let product = x * 1.0001
                let y = product + 0.0001
                guard let times = product.creator, let plus = y.creator else {
                    Issue.record("the chain recorded no functions")
                    return
                }
                let step = [heapBytes(times), heapBytes(plus), heapBytes(product), heapBytes(y)]
                sizes = zip(sizes, step).map { min($0, $1) }
                kept.append(y)
            }
            #expect(sizes[0] == 80, "MulConstant: \(sizes[0]) bytes")
            #expect(sizes[2] == 80, "Variable: \(sizes[2]) bytes")
            #expect(sizes.reduce(0, +) == Function.bytesPerChainStep)
            #expect(kept.count == 16)
        }
    }
#endif
