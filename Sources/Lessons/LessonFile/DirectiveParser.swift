/// Parses one `@name args…` line into a ``Directive``, checking every option
/// and value it can check without the graph.
struct DirectiveParser {
    /// One argument as written: a word, a quoted string, or `key=value`.
    struct Word {
        var key: String?
        var value: String
        var quoted: Bool
        var location: SourceLocation
        var valueLocation: SourceLocation
    }

    static let names = ["forward", "backward", "train", "plot", "ask", "check", "note", "output"]

    let file: SourceFile
    let limits: Limits
    private(set) var diagnostics: [Diagnostic] = []

    init(file: SourceFile, limits: Limits) {
        self.file = file
        self.limits = limits
    }

    private struct Failure: Error {
        var location: SourceLocation
        var message: String
    }

    /// The directive on `line` (whose text starts with `@`), or nil after reporting an error.
    mutating func parse(_ text: String, line: Int) -> Directive? {
        do {
            return try parseOrThrow(Array(text), line: line)
        } catch let failure as Failure {
            diagnostics.append(file.diagnostic(failure.location, failure.message))
        } catch let failure as DirectiveFailure {
            diagnostics.append(file.diagnostic(failure.location, failure.message))
        } catch {}
        return nil
    }

    private func parseOrThrow(_ chars: [Character], line: Int) throws -> Directive {
        let at = SourceLocation(line: line, column: 1)
        var i = 1
        while i < chars.count && (chars[i].isLetter || chars[i] == "_") { i += 1 }
        let name = String(chars[1..<i])
        guard !name.isEmpty else {
            throw Failure(location: at, message: "expected a directive name after '@', like @forward")
        }
        guard DirectiveParser.names.contains(name) else {
            let hint =
                closestMatch(to: name, in: DirectiveParser.names).map { " — did you mean '@\($0)'?" }
                ?? "; directives are " + DirectiveParser.names.map { "@" + $0 }.joined(separator: ", ")
            throw Failure(location: at, message: "unknown directive '@\(name)'\(hint)")
        }
        if name == "note" {
            let text = String(chars[i...]).trimmingCharacters(in: " \t")
            return Directive(kind: .note(text), location: at, argumentLocations: [:], answer: nil)
        }
        if i < chars.count && chars[i] != " " && chars[i] != "\t" {
            throw Failure(location: at.advanced(by: i), message: "expected a space after '@\(name)'")
        }
        let words = try split(chars, from: i, line: line)
        return try build(name, words, at: at)
    }

    /// Splits the arguments, keeping quoted strings whole.
    private func split(_ chars: [Character], from start: Int, line: Int) throws -> [Word] {
        var words: [Word] = []
        var i = start
        func location(_ index: Int) -> SourceLocation { SourceLocation(line: line, column: index + 1) }
        while i < chars.count {
            if chars[i] == " " || chars[i] == "\t" {
                i += 1
                continue
            }
            let wordStart = i
            var key: String?
            var valueStart = i
            if chars[i] != "\"" {
                var j = i
                while j < chars.count && chars[j] != "=" && chars[j] != " " && chars[j] != "\t" && chars[j] != "\"" {
                    j += 1
                }
                if j < chars.count && chars[j] == "=" {
                    key = String(chars[i..<j])
                    if key?.isEmpty ?? true {
                        throw Failure(location: location(i), message: "expected an option name before '='")
                    }
                    valueStart = j + 1
                }
            }
            i = valueStart
            if i < chars.count && chars[i] == "\"" {
                var value = ""
                var j = i + 1
                var closed = false
                while j < chars.count {
                    if chars[j] == "\\" && j + 1 < chars.count {
                        value.append(chars[j + 1])
                        j += 2
                        continue
                    }
                    if chars[j] == "\"" {
                        closed = true
                        break
                    }
                    value.append(chars[j])
                    j += 1
                }
                guard closed else {
                    throw Failure(location: location(i), message: "this string is never closed: add a '\"' at its end")
                }
                words.append(
                    Word(
                        key: key, value: value, quoted: true, location: location(wordStart), valueLocation: location(i))
                )
                i = j + 1
                if i < chars.count && chars[i] != " " && chars[i] != "\t" {
                    throw Failure(location: location(i), message: "expected a space after the closing '\"'")
                }
            } else {
                var j = i
                while j < chars.count && chars[j] != " " && chars[j] != "\t" { j += 1 }
                let value = String(chars[i..<j])
                if value.isEmpty, let key {
                    throw Failure(location: location(i), message: "expected a value after '\(key)='")
                }
                if let quote = value.firstIndex(where: { "“”\"".contains($0) }) {
                    throw Failure(
                        location: location(i + value.distance(from: value.startIndex, to: quote)),
                        message: "put quotes around a whole value, with straight quotes: \"like this\"")
                }
                words.append(
                    Word(
                        key: key, value: value, quoted: false, location: location(wordStart), valueLocation: location(i)
                    ))
                i = j
            }
        }
        return words
    }
}

extension String {
    /// The string without `set`'s characters at either end.
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
