/// Frames advancing by themselves: `f` and `b` play the forward or backward
/// pass, `a` plays the step (a training run) or pauses and resumes.
public struct Autoplay: Equatable, Sendable {
    /// Which frames the animation walks through before it stops.
    public enum Scope: Equatable, Sendable {
        /// The forward frames of the current step.
        case forward
        /// The backward frames of the current step.
        case backward
        /// Every frame of the current step (a training run, a mixed step).
        case step
    }

    public var scope: Scope
    /// Paused animations keep their place and scope; `a` resumes them.
    public var isPaused = false

    public init(scope: Scope, isPaused: Bool = false) {
        self.scope = scope
        self.isPaused = isPaused
    }

    /// Delays between frames, slowest first (milliseconds); `+` and `-` move along it.
    /// The fastest is 20 frames a second, as training needs.
    public static let speeds = [2000, 1200, 800, 500, 300, 150, 50]
    /// Delays between training frames, slowest first: the default is 20 frames a second.
    public static let trainingSpeeds = [400, 200, 100, 50, 30, 20, 10]
    /// The speed a new player starts at (an index into `speeds`).
    public static let defaultSpeed = 3
}

/// Where a training step's run stands, as the screen names it.
public enum TrainingRun: Equatable, Sendable {
    /// At the first frame, not playing.
    case ready
    case running
    case paused
    /// At the last frame (finished, diverged or stopped).
    case done
}
