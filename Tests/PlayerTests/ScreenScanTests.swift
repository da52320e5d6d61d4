import Foundation
import Lessons
import Rendering
import Testing

@testable import Player

/// Every screen of every shipped lesson, at the sizes a class uses (a zoomed
/// projector font, a laptop, a large terminal): no number or graph box is shown
/// cut, no preformatted line is split, and the node at work is in view.
@Suite struct ScreenScanTests {
    static let sizes = [(64, 20), (80, 24), (100, 30), (160, 45)]

    /// An exponent without its digits (`1.45017e`, `5.4e-`), at the end of a word.
    static let lostExponent = try! NSRegularExpression(pattern: #"\d[eE](?![+\-−]?\d)(?!\p{L})"#)

    /// What a number cut by the edge of its box or the screen looks like.
    static func cutNumbers(in screen: [String], width: Int) -> [String] {
        var found: [String] = []
        let borders: Set<Character> = ["│", "┃", "║"]
        for (row, line) in screen.enumerated() {
            let range = NSRange(line.startIndex..., in: line)
            if lostExponent.firstMatch(in: line, range: range) != nil { found.append("row \(row + 1): \(line)") }
            let chars = Array(line)
            for (i, c) in chars.enumerated() where c.isASCII && c.isNumber {
                // Digits run into a border, or off the right edge of the screen.
                if i + 1 < chars.count, borders.contains(chars[i + 1]) {
                    found.append("row \(row + 1) into a border: \(line)")
                } else if i + 1 == chars.count, displayWidth(line) >= width {
                    found.append("row \(row + 1) at the edge: \(line)")
                }
            }
        }
        return found
    }

    /// The nodes whose box the graph's edge cuts and that still show text: a box that fits
    /// the view but is only partly inside it keeps its outline (the wires that reach it end at
    /// a box) and none of its text, so no number shows cut or without its name.
    static func cutBoxes(_ state: PlayerState, _ buffer: Buffer, width: Int, height: Int) -> [Int] {
        guard let framing = Screen.graphFraming(state, width: width, height: height, glyphs: .unicode) else {
            return []
        }
        let target = framing.target
        let offset = framing.viewport.shown
        var cut: [Int] = []
        for node in framing.drawing.layout.nodes {
            let r = node.rect
            let shown = Rect(
                x: r.x - offset.x + target.x, y: r.y - offset.y + target.y, width: r.width, height: r.height)
            let inside = shown.intersection(target)
            guard !inside.isEmpty, inside != shown, r.width <= target.width, r.height <= target.height else { continue }
            let interior = Rect(x: shown.x + 1, y: shown.y + 1, width: shown.width - 2, height: shown.height - 2)
                .intersection(inside)
            let text =
                interior.isEmpty
                ? false
                : (interior.y..<interior.bottom).contains { y in
                    (interior.x..<interior.right).contains { x in buffer[x, y].symbol != " " }
                }
            if text { cut.append(node.id) }
        }
        return cut
    }

    @Test(arguments: Repo.shippedLessons)
    func noNumberIsCut(_ lesson: String) throws {
        var state = try PlayerState(path: Repo.lesson(lesson))
        var problems: [String] = []
        for step in 0..<state.stepCount {
            for frame in 0..<state.frameCount(ofStep: step) {
                try state.go(step: step, frame: frame)
                for (width, height) in Self.sizes {
                    let buffer = Screen.render(state, width: width, height: height, glyphs: .unicode)
                    let lines = buffer.lines()
                    for cut in Self.cutNumbers(in: lines, width: width) where problems.count < 20 {
                        problems.append("\(lesson) step \(step + 1) frame \(frame + 1) \(width)×\(height) \(cut)")
                    }
                    for node in Self.cutBoxes(state, buffer, width: width, height: height) where problems.count < 20 {
                        problems.append(
                            "\(lesson) step \(step + 1) frame \(frame + 1) \(width)×\(height) box \(node) cut")
                    }
                }
            }
        }
        #expect(problems.isEmpty, Comment(rawValue: problems.joined(separator: "\n")))
    }

    /// The step's code lines (tables of numbers) each appear on one screen row, never split.
    @Test(arguments: Repo.shippedLessons)
    func noPreformattedLineIsSplit(_ lesson: String) throws {
        var state = try PlayerState(path: Repo.lesson(lesson))
        var problems: [String] = []
        for step in 0..<state.stepCount {
            let code = state.trace.steps[step].step.prose.flatMap { block -> [String] in
                if case .code(let lines) = block {
                    return lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                }
                return []
            }
            guard !code.isEmpty else { continue }
            try state.go(step: step, frame: 0)
            for (width, height) in Self.sizes {
                let screen = Screen.render(state, width: width, height: height, glyphs: .unicode).lines()
                for line in code {
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    // Whole on a row, or clipped with a `›` saying it goes on, or not in view at all.
                    if screen.contains(where: { $0.contains(trimmed) }) { continue }
                    let start = String(trimmed.prefix(8))
                    if screen.contains(where: { $0.contains(start) && $0.contains("›") }) { continue }
                    let longer = String(trimmed.prefix(16))
                    if let row = screen.first(where: { $0.contains(longer) }), problems.count < 20 {
                        problems.append("\(lesson) step \(step + 1) \(width)×\(height): \(row)")
                    }
                }
            }
        }
        #expect(problems.isEmpty, Comment(rawValue: problems.joined(separator: "\n")))
    }

    /// At every size the function at work is wholly in view on every frame whenever its
    /// box fits the view, and with it the boxes it writes to whenever they fit the view together
    /// (else at least one of them, when one fits beside it).
    @Test(arguments: Repo.shippedLessons)
    func theActiveNodeIsInView(_ lesson: String) throws {
        var state = try PlayerState(path: Repo.lesson(lesson))
        var problems: [String] = []
        for step in 0..<state.stepCount {
            for frame in 0..<state.frameCount(ofStep: step) {
                try state.go(step: step, frame: frame)
                for (width, height) in Self.sizes {
                    guard let framing = Screen.graphFraming(state, width: width, height: height, glyphs: .unicode),
                        let key = framing.focus.key, let keyRect = framing.drawing.layout.rect(of: key)
                    else { continue }
                    let layout = framing.drawing.layout
                    let offset = framing.viewport.shown
                    let view = Rect(
                        x: offset.x, y: offset.y, width: framing.target.width, height: framing.target.height)
                    func inView(_ id: Int) -> Bool {
                        guard let r = layout.rect(of: id) else { return true }
                        return r.x >= view.x && r.y >= view.y && r.right <= view.right && r.bottom <= view.bottom
                    }
                    let place = "\(lesson) step \(step + 1) frame \(frame + 1) \(width)×\(height)"
                    if keyRect.width <= view.width, keyRect.height <= view.height, !inView(key), problems.count < 20 {
                        problems.append("\(place): node \(key) at \(keyRect) out of view \(view)")
                    }
                    let written = framing.focus.written.compactMap { layout.rect(of: $0) }
                    let all = written.reduce(keyRect) { $0.union($1) }
                    if all.width + 2 <= view.width, all.height <= view.height,
                        !framing.focus.written.allSatisfy(inView), problems.count < 20
                    {
                        problems.append("\(place): output of \(key) out of view")
                    }
                    // When they do not all fit, one of them at least, when one fits beside the key.
                    let pairs = written.filter {
                        keyRect.union($0).width <= view.width && keyRect.union($0).height <= view.height
                    }
                    if !pairs.isEmpty, !framing.focus.written.contains(where: inView), problems.count < 20 {
                        problems.append("\(place): no box \(key) writes is in view, though one fits beside it")
                    }
                }
            }
        }
        #expect(problems.isEmpty, Comment(rawValue: problems.joined(separator: "\n")))
    }
}
