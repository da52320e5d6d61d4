import Autodiff
import Foundation
import Lessons
import Testing

@testable import Player

/// No shipped lesson's text gives away a number while the student is asked for
/// it: walking every frame of every lesson (English and Korean), with predict
/// mode on and off, the text on screen never states the number a question or a
/// prediction waits for.
@Suite struct GiveAwayTests {
    @Test(arguments: Repo.shippedLessons)
    func noTextStatesTheNumberBeingAsked(_ name: String) throws {
        for predict in [false, true] {
            var state = try PlayerState(path: Repo.lesson(name))
            state.setPredictMode(predict)
            var seen = Set<FrameRef>()
            while seen.insert(state.place).inserted {
                let text = Self.shownText(state)
                let onGraph = Set(Self.numbersOnGraph(state).flatMap(Self.forms))
                for answer in Self.asked(state) {
                    // A number the graph shows already (an upstream gradient passed on by a
                    // sum) gives nothing away when the text says it too.
                    for form in Self.forms(of: answer) where Self.states(text, form) && !onGraph.contains(form) {
                        Issue.record(
                            "\(name) step \(state.step + 1) frame \(state.frame + 1) (predict \(predict)): the text says \(form) while it is asked"
                        )
                    }
                }
                state.press([.right])
            }
        }
    }

    /// The numbers the frame on screen waits for: an unanswered question's answer, the predictions still open.
    static func asked(_ state: PlayerState) -> [Double] {
        guard state.isAsking else { return [] }
        if case .ask(let a)? = state.currentFrame { return [a.answer] }
        return state.blanks(at: state.place).enumerated()
            .filter { !state.blankState(state.place, $0.offset).revealed }
            .map(\.element.answer)
    }

    /// The single numbers the graph on screen shows (values and gradients not hidden).
    static func numbersOnGraph(_ state: PlayerState) -> [Double] {
        guard let played = state.playedStep,
            let snapshot = StepContent(ScreenContext(state: state, glyphs: .unicode), played: played).snapshot
        else { return [] }
        return (snapshot.values + snapshot.grads).compactMap { t in t.flatMap { $0.count == 1 ? $0.scalars.first : nil }
        }
    }

    /// The step's text a student can read now (blocks tied to a later frame wait), and the question.
    static func shownText(_ state: PlayerState) -> String {
        guard let played = state.playedStep else { return "" }
        var parts: [String] = []
        for (i, block) in played.step.prose.enumerated() where state.showsProse(i) {
            switch block {
            case .paragraph(let runs), .listItem(_, _, let runs), .heading(_, let runs): parts += runs.map(text)
            case .code(let lines): parts += lines
            }
        }
        if case .ask(let a)? = state.currentFrame { parts.append(a.question.text) }
        return parts.joined(separator: " ")
    }

    private static func text(_ inline: Inline) -> String {
        switch inline {
        case .text(let s), .code(let s), .strong(let s), .emphasis(let s): return s
        }
    }

    /// How a text would write `value` closely enough to give it away: rounded to 1–4
    /// decimals, keeping only forms with three significant digits or more (a bare `3`
    /// or `0.5` is said for many reasons; `1.295` or `2.06` is the answer).
    static func forms(of value: Double) -> [String] {
        guard value.isFinite, abs(value - value.rounded()) > 1e-9 else { return [] }
        var forms: [String] = []
        for decimals in 1...4 {
            let form = String(format: "%.\(decimals)f", abs(value))
            let significant = form.filter(\.isNumber).drop { $0 == "0" }.count
            if significant >= 3, !forms.contains(form) { forms.append(form) }
        }
        return forms
    }

    /// Whether `text` has `form` as a whole number (not inside a longer one).
    static func states(_ text: String, _ form: String) -> Bool {
        var rest = text[...]
        while let r = rest.range(of: form) {
            let before = rest[..<r.lowerBound].last
            let after = rest[r.upperBound...].first
            let isNumberPart: (Character?) -> Bool = { $0.map { $0.isNumber || $0 == "." } ?? false }
            if !isNumberPart(before), !(after?.isNumber ?? false) { return true }
            rest = rest[r.upperBound...]
        }
        return false
    }
}
