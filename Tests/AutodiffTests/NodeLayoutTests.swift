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
            let x = Variable(1.0)
            let product = x * 1.0001
            let y = product + 0.0001
            guard let times = product.creator, let plus = y.creator else {
                Issue.record("the chain recorded no functions")
                return
            }
            #expect(heapBytes(times) == 80, "MulConstant: \(heapBytes(times)) bytes")
            #expect(heapBytes(product) == 80, "Variable: \(heapBytes(product)) bytes")
            let step = heapBytes(times) + heapBytes(plus) + heapBytes(product) + heapBytes(y)
            #expect(step == Function.bytesPerChainStep)
        }
    }
#endif
