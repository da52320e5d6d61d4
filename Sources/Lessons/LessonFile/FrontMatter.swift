/// Reads the `---` block at the top of a lesson: `key: value` lines.
struct FrontMatter {
    static let keys = ["title", "language", "summary", "minutes", "order", "author", "prerequisites", "tags", "groups"]

    /// The metadata, the index of the first body line, and any errors.
    static func parse(_ file: SourceFile) -> (LessonMetadata, Int, [Diagnostic]) {
        var metadata = LessonMetadata()
        guard let first = file.lines.first, first.trimmingCharacters(in: " \t") == "---" else {
            return (metadata, 0, [])
        }
        var diagnostics: [Diagnostic] = []
        var seen: [String: Int] = [:]
        var index = 1
        while index < file.lines.count {
            let text = file.lines[index]
            let lineNumber = index + 1
            index += 1
            let trimmed = text.trimmingCharacters(in: " \t")
            if trimmed == "---" { return (metadata, index, diagnostics) }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let colon = text.firstIndex(of: ":") else {
                diagnostics.append(
                    file.diagnostic(
                        SourceLocation(line: lineNumber, column: 1),
                        "expected 'key: value' in the front matter"))
                continue
            }
            let key = String(text[..<colon]).trimmingCharacters(in: " \t")
            var value = String(text[text.index(after: colon)...]).trimmingCharacters(in: " \t")
            if value.count >= 2, let f = value.first, let l = value.last,
                (f == "\"" && l == "\"") || (f == "'" && l == "'")
            {
                value = String(value.dropFirst().dropLast())
            }
            let valueColumn =
                text.distance(from: text.startIndex, to: colon) + 2 + leadingSpaces(text[text.index(after: colon)...])
            let valueLocation = SourceLocation(line: lineNumber, column: valueColumn)
            guard keys.contains(key) else {
                let suggestion =
                    closestMatch(to: key, in: keys).map { " — did you mean '\($0)'?" }
                    ?? "; known keys are " + keys.joined(separator: ", ")
                diagnostics.append(
                    file.diagnostic(
                        SourceLocation(line: lineNumber, column: 1 + leadingSpaces(Substring(text))),
                        "unknown front matter key '\(key)'\(suggestion)"))
                continue
            }
            if let earlier = seen[key] {
                diagnostics.append(
                    file.diagnostic(
                        SourceLocation(line: lineNumber, column: 1),
                        "'\(key)' is already set on line \(earlier)"))
                continue
            }
            seen[key] = lineNumber
            switch key {
            case "title": metadata.title = value
            case "language": metadata.language = value
            case "summary": metadata.summary = value
            case "author": metadata.author = value
            case "groups":
                guard let start = GroupStart(rawValue: value) else {
                    diagnostics.append(
                        file.diagnostic(valueLocation, "groups must be 'open' or 'closed', not '\(value)'"))
                    continue
                }
                metadata.groups = start
            case "minutes", "order":
                guard let n = Int(value), n >= 0 else {
                    diagnostics.append(file.diagnostic(valueLocation, "\(key) must be a whole number, not '\(value)'"))
                    continue
                }
                if key == "minutes" { metadata.minutes = n } else { metadata.order = n }
            default:
                let items = list(value)
                if key == "tags" { metadata.tags = items } else { metadata.prerequisites = items }
            }
        }
        diagnostics.append(
            file.diagnostic(
                SourceLocation(line: 1, column: 1),
                "the front matter starting here is never closed with a '---' line"))
        return (metadata, file.lines.count, diagnostics)
    }

    /// `a, b` or `[a, b]`.
    private static func list(_ value: String) -> [String] {
        var v = value
        if v.hasPrefix("[") && v.hasSuffix("]") { v = String(v.dropFirst().dropLast()) }
        return v.split(separator: ",").map { String($0).trimmingCharacters(in: " \t\"'") }.filter { !$0.isEmpty }
    }

    private static func leadingSpaces(_ s: Substring) -> Int { s.prefix(while: { $0 == " " || $0 == "\t" }).count }
}
