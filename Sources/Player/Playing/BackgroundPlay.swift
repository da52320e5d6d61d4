import Foundation
import Lessons
import Synchronization

/// Plays a ``PlayRequest`` on its own thread so the screen never waits for
/// training: the app polls it between key presses for the steps played so
/// far and the result, and can stop a long training run part way.
public final class BackgroundPlay: Sendable {
    public let request: PlayRequest
    private let stopRequested = Atomic<Bool>(false)
    private let iterationCount = Atomic<Int>(0)
    private let handOver = Mutex<(partial: LessonTrace?, result: Result<LessonTrace, PlayerError>?)>((nil, nil))
    /// Signalled at each step played and at the end, for a caller that would rather wait than poll.
    private let news = DispatchSemaphore(value: 0)

    /// Starts playing `request` at once.
    public init(_ request: PlayRequest) {
        self.request = request
        let thread = Thread { [self] in
            let result = request.run(
                shouldStop: { [self] in
                    iterationCount.add(1, ordering: .relaxed)
                    return stopRequested.load(ordering: .relaxed)
                },
                onStep: { [self] partial in
                    // Only the newest partial trace matters: the player jumps to it.
                    handOver.withLock { $0.partial = partial }
                    news.signal()
                })
            handOver.withLock { $0.result = result }
            news.signal()
        }
        // Deeply nested lesson expressions are parsed recursively; give them room.
        thread.stackSize = 64 << 20
        thread.start()
    }

    /// Waits up to `milliseconds` for a step to be played or the play to end;
    /// false when nothing happened in that time.
    public func waitForNews(milliseconds: Int) -> Bool {
        news.wait(timeout: .now() + .milliseconds(milliseconds)) == .success
    }

    /// Ends training at the next iteration; the play then finishes with what it has.
    public func stop() { stopRequested.store(true, ordering: .relaxed) }

    /// Training iterations run so far (all `@train` steps together).
    public var iterations: Int { iterationCount.load(ordering: .relaxed) }

    /// The newest lesson-so-far not yet taken, if a step finished since the last call.
    public func takePartial() -> LessonTrace? {
        handOver.withLock { state in
            defer { state.partial = nil }
            return state.partial
        }
    }

    /// The result, once playing has finished.
    public var result: Result<LessonTrace, PlayerError>? { handOver.withLock { $0.result } }
}
