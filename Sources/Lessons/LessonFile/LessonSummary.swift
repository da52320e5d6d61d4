/// What `backstep list` shows of a lesson: read leniently, so a lesson with
/// errors is still listed (and flagged).
public struct LessonSummary: Equatable, Sendable {
    public let path: String
    public let title: String
    public let summary: String?
    public let minutes: Int?
    public let order: Int?
    public let language: String?
    /// Whether the file has syntax errors (`backstep check` gives them).
    public let hasErrors: Bool

    /// Reads the lesson at `path`.
    public init(path: String, limits: Limits = .standard) {
        self.path = path
        let (lesson, diagnostics) = LessonLoader.loadCollecting(path: path, limits: limits)
        let meta = lesson?.metadata ?? LessonMetadata()
        title = lesson?.title ?? fileStem(path)
        summary = meta.summary
        minutes = meta.minutes
        order = meta.order
        language = meta.language
        hasErrors = !diagnostics.isEmpty
    }
}
