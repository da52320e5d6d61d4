#if os(Linux)
    import Autodiff
    import Foundation
    import Glibc
    import Testing

    /// `ProcessTuning.apply()` is opt-in: a program that imports Autodiff and
    /// computes with it keeps its environment and malloc as they were until it
    /// makes the call. The test process has made it already (other suites do), so
    /// the check runs in a fresh copy of this test binary with a clean environment.
    @Suite struct ProcessTuningTests {
        static let childVariable = "BACKSTEP_PROCESS_TUNING_CHILD"
        static let isChild = ProcessInfo.processInfo.environment[childVariable] == "1"

        /// Whether glibc serves a block of `size` bytes with its own mmap (the
        /// IS_MMAPPED bit of the chunk's size word), which a freed block gives back
        /// to the kernel at once.
        static func mapsOwnPages(_ size: Int) -> Bool {
            guard let p = malloc(size) else { return false }
            defer { free(p) }
            return (UnsafeRawPointer(p) - MemoryLayout<UInt>.size).load(as: UInt.self) & 2 != 0
        }

        @Test(.disabled(if: isChild))
        func importingChangesNothingUntilTheCall() throws {
            // Both the test binary and its own test list are this process's.
            let binary = try #require(try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            var environment = ProcessInfo.processInfo.environment.filter {
                !$0.key.hasPrefix("OPENBLAS_") && $0.key != "GLIBC_TUNABLES"
            }
            environment[Self.childVariable] = "1"
            let child = Process()
            child.executableURL = URL(fileURLWithPath: binary)
            child.arguments = ["--testing-library", "swift-testing", "--filter", "ProcessTuningTests/inAFreshProcess"]
            child.environment = environment
            let output = Pipe()
            child.standardOutput = output
            child.standardError = output
            try child.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            child.waitUntilExit()
            #expect(child.terminationStatus == 0, "\(text)")
            // The child's test ran (a filter that matched nothing would pass too).
            #expect(text.contains("inAFreshProcess()") && text.contains("passed"), "\(text)")
        }

        /// Runs only in the child started above.
        @Test(.enabled(if: isChild))
        func inAFreshProcess() throws {
            // The library in use, large product included: nothing set yet.
            let x = Variable(Tensor.ones([128, 128]))
            try matmul(x, x).sum().backward()
            #expect(x.grad?.data.shape == [128, 128])
            #expect(getenv("OPENBLAS_NUM_THREADS") == nil)
            #expect(getenv("OPENBLAS_CORETYPE") == nil)
            #expect(Self.mapsOwnPages(1 << 20), "glibc's default: a 1 MB block is mapped on its own")

            let applied = ProcessTuning.apply()
            #expect(applied.singleThreadedBLAS)
            #expect(getenv("OPENBLAS_NUM_THREADS").map { String(cString: $0) } == "1")
            #expect(getenv("OPENBLAS_CORETYPE").map { String(cString: $0) } == applied.openBLASCoreType)
            #expect(applied.keepsLargeFreedBlocks)
            #expect(!Self.mapsOwnPages(1 << 20), "kept in the heap below the 32 MB threshold")
            #expect(Self.mapsOwnPages(64 << 20), "above it, mapped as before")
            // Once per process: a second call reports the first.
            #expect(ProcessTuning.apply() == applied)
        }
    }
#endif
