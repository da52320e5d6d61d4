import Foundation
import Lessons

/// The text of a lesson file and the values a student changed in it.
///
/// Edits are applied to the text and the lesson is parsed and played again,
/// so an edited lesson is exactly the lesson the student would get by
/// changing the file: the same checks, the same numbers.
public struct LessonText: Equatable, Sendable {
    /// The name diagnostics use (the path).
    public let file: String
    /// The text as loaded.
    public let original: String
    /// New text per edited field.
    public private(set) var edits: [EditField.Target: String] = [:]

    public init(file: String, text: String) {
        self.file = file
        original = text
    }

    /// Reads the file at `path`.
    /// - Throws: ``PlayerError/missing(path:)`` when there is no such file,
    ///   ``PlayerError/unreadable(path:)`` when it cannot be read as UTF-8.
    public init(path: String) throws(PlayerError) {
        guard FileManager.default.fileExists(atPath: path) else { throw .missing(path: path) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw .unreadable(path: path)
        }
        self.init(file: path, text: text)
    }

    public var isEdited: Bool { !edits.isEmpty }

    /// These edits plus `value` for `target`.
    func setting(_ target: EditField.Target, to value: String) -> LessonText {
        var copy = self
        copy.edits[target] = value
        return copy
    }

    /// The text with no edits.
    func reset() -> LessonText { LessonText(file: file, text: original) }

    /// The lesson text with every edit written in.
    public var edited: String {
        guard !edits.isEmpty else { return original }
        var lines = original.components(separatedBy: "\n")
        for (target, value) in edits.sorted(by: { "\($0.key)" < "\($1.key)" }) {
            switch target {
            case .leaf(let name, let line):
                guard lines.indices.contains(line - 1) else { continue }
                lines[line - 1] = Self.replacingRightHandSide(of: name, in: lines[line - 1], with: value)
            case .learningRate(let line):
                guard lines.indices.contains(line - 1) else { continue }
                lines[line - 1] = Self.settingOption("lr", to: value, in: lines[line - 1])
            case .iterations(let line):
                guard lines.indices.contains(line - 1) else { continue }
                var text = Self.settingOption("iters", to: value, in: lines[line - 1])
                // `every` larger than the iterations is an error, and so is one that makes more
                // frames than the limit: give such an `every` the default (about ten frames) instead.
                if let iterations = Int(value), iterations > 0,
                    let every = Self.option("every", in: text).flatMap(Int.init),
                    every > iterations || iterations / Swift.max(every, 1) >= Limits.standard.trainingFrames
                {
                    text = Self.settingOption("every", to: String(Swift.max(1, (iterations + 9) / 10)), in: text)
                }
                lines[line - 1] = text
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Parses and plays the edited text.
    /// - Parameters: `shouldStop` and `onStep` as in `LessonTrace`.
    /// - Throws: ``LessonError`` naming what the edit broke.
    public func trace(
        shouldStop: @escaping () -> Bool = { false },
        onStep: ((LessonTrace) -> Void)? = nil
    ) throws(LessonError) -> LessonTrace {
        let lesson = try LessonLoader.parse(text: edited, file: file)
        return try LessonTrace(lesson: lesson, shouldStop: shouldStop, onStep: onStep)
    }

    /// What `name = …` on `line` assigns, as written (comment left out).
    func rightHandSide(of name: String, line: Int) -> String? {
        let lines = original.components(separatedBy: "\n")
        guard lines.indices.contains(line - 1), let split = Self.split(lines[line - 1], name: name) else { return nil }
        return split.rhs.trimmingCharacters(in: .whitespaces)
    }

    // MARK: - Line surgery

    /// `line` as (text up to and including `=`, the expression, a trailing comment).
    private static func split(_ line: String, name: String) -> (head: String, rhs: String, comment: String)? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix(name) else { return nil }
        let afterName = trimmed.dropFirst(name.count)
        let spaces = afterName.prefix { $0 == " " || $0 == "\t" }
        guard afterName.dropFirst(spaces.count).first == "=" else { return nil }
        let headEnd = line.index(afterName.startIndex, offsetBy: spaces.count + 1)
        let rest = line[headEnd...]
        let hash = rest.firstIndex(of: "#") ?? rest.endIndex
        return (String(line[..<headEnd]), String(rest[..<hash]), String(rest[hash...]))
    }

    static func replacingRightHandSide(of name: String, in line: String, with value: String) -> String {
        guard let parts = split(line, name: name) else { return line }
        return parts.head + " " + value + (parts.comment.isEmpty ? "" : "  " + parts.comment)
    }

    /// The value of `name=…` among a directive's words.
    static func option(_ name: String, in line: String) -> String? {
        for word in line.split(separator: " ") where word.hasPrefix(name + "=") {
            return String(word.dropFirst(name.count + 1))
        }
        return nil
    }

    static func settingOption(_ name: String, to value: String, in line: String) -> String {
        var words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if let i = words.firstIndex(where: { $0.hasPrefix(name + "=") }) {
            words[i] = name + "=" + value
            return words.joined(separator: " ")
        }
        return line + " " + name + "=" + value
    }
}
