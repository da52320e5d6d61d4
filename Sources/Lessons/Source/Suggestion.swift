// "Did you mean …?" for unknown names, functions, directives and options.

/// The candidate closest to `word` by edit distance (a swap of two neighbours
/// counts as one edit), if it is close enough to be a likely typo.
func closestMatch(to word: String, in candidates: [String]) -> String? {
    let lowered = word.lowercased()
    if let same = candidates.first(where: { $0.lowercased() == lowered && $0 != word }) { return same }
    let length = word.count
    guard length >= 2 else { return nil }
    let allowed = length <= 3 ? 1 : (length <= 6 ? 2 : 3)
    var best: (String, Int)?
    for candidate in candidates where candidate != word {
        let distance = editDistance(lowered, candidate.lowercased(), limit: allowed)
        guard distance <= allowed && distance < length else { continue }
        if let current = best, current.1 <= distance { continue }
        best = (candidate, distance)
    }
    return best?.0
}

/// `" — did you mean 'x'?"` or an empty string.
func didYouMean(_ word: String, _ candidates: [String], quote: String = "'") -> String {
    guard let match = closestMatch(to: word, in: candidates) else { return "" }
    return " — did you mean \(quote)\(match)\(quote)?"
}

/// Optimal string alignment distance between `a` and `b`; stops early past `limit`.
func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
    let s = Array(a)
    let t = Array(b)
    if abs(s.count - t.count) > limit { return limit + 1 }
    if s.isEmpty { return t.count }
    if t.isEmpty { return s.count }
    var previous2 = [Int](repeating: 0, count: t.count + 1)
    var previous = Array(0...t.count)
    var current = [Int](repeating: 0, count: t.count + 1)
    for i in 1...s.count {
        current[0] = i
        var rowBest = current[0]
        for j in 1...t.count {
            let cost = s[i - 1] == t[j - 1] ? 0 : 1
            var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 && j > 1 && s[i - 1] == t[j - 2] && s[i - 2] == t[j - 1] {
                value = min(value, previous2[j - 2] + 1)
            }
            current[j] = value
            rowBest = min(rowBest, value)
        }
        if rowBest > limit { return limit + 1 }
        (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[t.count]
}
