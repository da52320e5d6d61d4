import Foundation

extension LessonText {
    /// This text (a translation of `other`) with the values `other` was edited to.
    ///
    /// Edits name lines, and a translation's lines are numbered differently;
    /// but its graph programs and directives are the same lines (a test holds
    /// the bundled translations to that), so each edited line is found by its
    /// text: the n-th line reading as the edited one did is the n-th such line here.
    /// - Returns: nil when an edited line has no counterpart here.
    public func carryingEdits(of other: LessonText) -> LessonText? {
        let theirs = other.original.components(separatedBy: "\n")
        let ours = original.components(separatedBy: "\n")
        var result = reset()
        for (target, value) in other.edits {
            guard let line = Self.counterpart(of: target.line, in: theirs, among: ours) else { return nil }
            result = result.setting(target.moved(to: line), to: value)
        }
        return result
    }

    /// The line (from 1) of `ours` that is to `ours` what `line` is to `theirs`.
    private static func counterpart(of line: Int, in theirs: [String], among ours: [String]) -> Int? {
        guard theirs.indices.contains(line - 1) else { return nil }
        let text = theirs[line - 1].trimmingCharacters(in: .whitespaces)
        let nth = theirs[..<(line - 1)].filter { $0.trimmingCharacters(in: .whitespaces) == text }.count
        let matches = ours.indices.filter { ours[$0].trimmingCharacters(in: .whitespaces) == text }
        return matches.indices.contains(nth) ? matches[nth] + 1 : nil
    }
}

extension EditField.Target {
    /// The line the edited text is on.
    var line: Int {
        switch self {
        case .leaf(_, let line), .learningRate(let line), .iterations(let line): return line
        }
    }

    /// The same field on another line.
    func moved(to line: Int) -> EditField.Target {
        switch self {
        case .leaf(let name, _): return .leaf(name: name, line: line)
        case .learningRate: return .learningRate(line: line)
        case .iterations: return .iterations(line: line)
        }
    }
}
