import Lessons

/// Limits small enough that one input runs in milliseconds; the real limits are
/// checked by the tests, here we want many executions.
let fuzzLimits: Limits = {
    var limits = Limits.standard
    limits.fileBytes = 64_000
    limits.tensorElements = 20_000
    limits.graphWork = 5_000_000
    limits.iterations = 2_000
    limits.trainingFrames = 50
    limits.trainingWork = 50_000_000
    limits.checkElements = 500
    return limits
}()

/// libFuzzer's entry point: parse the bytes as a lesson, run every step
/// (forward, backward, training, checks), draw every frame, then press keys
/// (taken from the input's end) in the player and draw after each. Only a
/// crash, a hang or a leak counts as a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = LessonChecker.check(bytes, file: "fuzz.md", limits: fuzzLimits)
    guard let lesson = try? LessonLoader.parse(bytes, file: "fuzz.md", limits: fuzzLimits),
        let trace = try? LessonTrace(lesson: lesson, limits: fuzzLimits)
    else { return 0 }
    let size = FuzzSize(seed: bytes.reduce(0) { $0 &* 31 &+ Int($1) })
    drawEveryFrame(of: trace, size: size)
    pressKeys(trace: trace, bytes: bytes, size: size)
    return 0
}
