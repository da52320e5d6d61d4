/// `s` cut to at most `width` columns, ending in `ellipsis` when something was cut.
///
/// Cuts between graphemes, never inside a wide one; when even the ellipsis
/// does not fit, the text is cut without it.
public func truncate(_ s: String, toWidth width: Int, ellipsis: String = "…") -> String {
    guard width > 0 else { return "" }
    if displayWidth(s) <= width { return s }
    let ellipsisWidth = displayWidth(ellipsis)
    let room = ellipsisWidth < width ? width - ellipsisWidth : width
    var out = ""
    var used = 0
    for character in s {
        let w = displayWidth(character)
        if used + w > room { break }
        out.append(character)
        used += w
    }
    return ellipsisWidth < width ? out + ellipsis : out
}

/// `s` padded with spaces (or cut) to exactly `width` columns, aligned as asked.
public func pad(_ s: String, toWidth width: Int, alignment: Alignment = .left) -> String {
    let text = truncate(s, toWidth: width, ellipsis: "")
    let gap = max(0, width - displayWidth(text))
    switch alignment {
    case .left: return text + String(repeating: " ", count: gap)
    case .right: return String(repeating: " ", count: gap) + text
    case .center:
        let left = gap / 2
        return String(repeating: " ", count: left) + text + String(repeating: " ", count: gap - left)
    }
}

/// Horizontal placement of text in its area.
public enum Alignment: String, Equatable, Sendable, CaseIterable {
    case left, center, right
}
