import Autodiff
import Testing

@testable import Lessons

/// Evaluates a graph program (as a `.graph` file) and returns its one graph.
func evaluateProgram(_ source: String, file: String = "test.graph") throws -> GraphEvaluation {
    let lesson = try LessonLoader.parse(text: source, file: file)
    let evaluation = try Evaluation(lesson: lesson)
    return try #require(evaluation.graphs.first)
}

/// Evaluates a lesson given as text.
func evaluateLesson(_ source: String, file: String = "test.md") throws -> Evaluation {
    try Evaluation(lesson: try LessonLoader.parse(text: source, file: file))
}

/// The errors `backstep check` reports for `source`.
func checkErrors(_ source: String, file: String = "test.md") -> [Diagnostic] {
    LessonChecker.check(Array(source.utf8), file: file)
}

extension GraphEvaluation {
    subscript(_ name: String) -> VariableEvaluation? { variables.first { $0.name == name } }
}

/// |a − b| within `rel` of |b| (or of 1 near zero).
func close(_ a: Double?, _ b: Double, rel: Double = 1e-12) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= rel * Swift.max(1, abs(b))
}

func close(_ a: Tensor?, _ b: [Double], shape: [Int]? = nil, rel: Double = 1e-12) -> Bool {
    guard let a, a.count == b.count else { return false }
    if let shape, a.shape != shape { return false }
    return zip(a.scalars, b).allSatisfy { close($0, $1, rel: rel) }
}

/// The value of a scalar variable.
func scalar(_ v: VariableEvaluation?) -> Double? { v?.value.scalar }
/// The gradient of a scalar variable.
func gradScalar(_ v: VariableEvaluation?) -> Double? { v?.grad?.scalar }

/// The path of a file in the repository.
func repositoryPath(_ relative: String) -> String {
    let here = #filePath
    var parts = here.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/LessonsTests/Support.swift
    return parts.joined(separator: "/") + "/" + relative
}
