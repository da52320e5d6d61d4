/// A parsed lesson: front matter, title, and steps of prose, graph programs and
/// directives. Made by ``LessonLoader``; played by ``LessonTrace``.
public struct Lesson: Equatable, Sendable {
    /// The file name diagnostics use.
    public let file: String
    public let metadata: LessonMetadata
    /// The front matter's title, else the `# ` heading, else the file name.
    public let title: String
    /// The steps in order; the first is the introduction under the `# ` title.
    public let steps: [Step]
    /// Whether the file is a bare `.graph` program (one step, forward and backward).
    public let isGraphFile: Bool
    /// The text, for quoting lines under errors found when the lesson runs.
    let sourceFile: SourceFile
    /// Likely mistakes that still make a lesson (an indented directive, say): `check` prints them.
    public internal(set) var warnings: [Diagnostic] = []

    /// Every graph block of the lesson, in order.
    public var graphBlocks: [GraphBlock] {
        steps.flatMap { $0.blocks.compactMap { if case .graph(let g) = $0 { return g } else { return nil } } }
    }
}

/// The front matter of a lesson.
public struct LessonMetadata: Equatable, Sendable {
    public var title: String?
    /// A language tag such as `en` or `ko`.
    public var language: String?
    /// One sentence for `backstep list`.
    public var summary: String?
    /// Estimated minutes to work through the lesson.
    public var minutes: Int?
    /// Where the lesson goes in `backstep list` (file name order otherwise).
    public var order: Int?
    public var author: String?
    /// Lessons to read first, by title or file name.
    public var prerequisites: [String] = []
    public var tags: [String] = []
    /// How layer and model calls are first drawn (`groups: closed`): open, as their
    /// linear and activation nodes in a frame, unless the lesson says closed.
    public var groups: GroupStart = .open

    public init() {}
}

/// How a lesson's layer and model calls start on screen; the student opens and closes them with `o`.
public enum GroupStart: String, Equatable, Sendable {
    /// Each call's nodes inside a frame labelled with the layer's path (`M.l0`).
    case open
    /// Each call as one box (`M`) listing its parameters.
    case closed
}

/// One screen of a lesson: a `## ` heading and what follows it.
public struct Step: Equatable, Sendable {
    public let title: String
    /// The line of the heading (1 for the introduction when it has no heading).
    public let line: Int
    /// Whether this is the text under the `# ` title, before the first `## `.
    public let isIntroduction: Bool
    /// Prose, graph blocks and directives in the order written.
    public let blocks: [StepBlock]
    /// Prose tied to a frame with `{frame=N}`: the frame number (from 1) by the block's index in ``prose``.
    /// The block stays hidden until that frame is shown (and answered, when it asks the student).
    public var proseFrames: [Int: Int] = [:]

    /// The prose blocks alone.
    public var prose: [ProseBlock] { blocks.compactMap { if case .prose(let p) = $0 { return p } else { return nil } } }
    /// The directives alone, in order.
    public var directives: [Directive] {
        blocks.compactMap { if case .directive(let d) = $0 { return d } else { return nil } }
    }
    /// Speaker notes from `@note` lines, for a presenter view.
    public var notes: [String] {
        directives.compactMap { if case .note(let text) = $0.kind { return text } else { return nil } }
    }
}

/// One part of a step.
public enum StepBlock: Equatable, Sendable {
    case prose(ProseBlock)
    case graph(GraphBlock)
    case directive(Directive)
}

/// A ```` ```graph ```` block: a graph program shown from its step on.
public struct GraphBlock: Equatable, Sendable {
    /// Its position among the lesson's graph blocks, from 0.
    public let index: Int
    /// The line of the first line of code (after the fence).
    public let line: Int
    /// The code as written.
    public let source: [String]
    let program: Program
}
