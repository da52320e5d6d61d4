import Lessons
import Rendering

/// A whole lesson laid out for paper: each step's text in full, every frame's
/// screen drawn in the screen's handout mode (no key prompts, a blank line for
/// each answer), questions numbered in order, and an answer key. Written out by
/// ``HandoutMarkdown`` and ``HandoutHTML`` (`backstep handout`).
public struct Handout: Sendable {
    /// One frame on paper: its screen, and the text the player shows from it on.
    public struct Page: Sendable {
        /// From 1, within its step.
        public let frame: Int
        /// The frame panel's title (`forward 1/3`, `your turn`), if it has one.
        public let caption: String?
        /// The question's number in the lesson, on an `@ask` frame.
        public let question: Int?
        /// The question's text, on an `@ask` frame.
        public let questionText: String?
        public let screen: Buffer
        /// Prose tied to this frame with `{frame=N}`: it follows the screen.
        public let prose: [ProseBlock]
    }

    /// One step: its title, its text that is not tied to a frame, its pages.
    public struct Section: Sendable {
        /// From 1.
        public let number: Int
        public let title: String
        public let prose: [ProseBlock]
        public let pages: [Page]
    }

    /// A line of the answer key.
    public struct Answer: Sendable {
        public let question: Int
        public let step: Int
        public let frame: Int
        public let text: String
        /// The answer as the screens write numbers.
        public let answer: String
        /// The author's `why=`, else the shares backward sent.
        public let reason: String?
    }

    public let title: String
    public let summary: String?
    public let minutes: Int?
    /// The language of the document's own words.
    public let words: Words
    public let width: Int
    public let height: Int
    public let sections: [Section]
    public let answers: [Answer]

    /// The handout of the lesson `state` holds (played in full), with screens of `width`×`height`.
    /// - Parameters:
    ///   - words: the document's own words (default: the lesson's language).
    ///   - wideAmbiguous: draw ambiguous-width characters as wide, as `render --ambiguous wide`.
    public init(
        _ state: PlayerState, width: Int, height: Int, glyphs: GlyphSet = .unicode, words: Words? = nil,
        wideAmbiguous: Bool = false
    ) {
        var state = state
        // Paper shows every number: no blanks to predict, no answers typed or revealed.
        state.setPredictMode(false)
        state.clearAnswers()
        state.setOverlay(.none)
        state.setInput(.none)
        state.setMessage(nil)
        let lesson = state.trace.lesson
        title = lesson.title
        summary = lesson.metadata.summary
        minutes = lesson.metadata.minutes
        self.words = words ?? state.words
        self.width = width
        self.height = height
        var sections: [Section] = []
        var answers: [Answer] = []
        for s in 0..<state.stepCount {
            var pages: [Page] = []
            for f in 0..<state.frameCount(ofStep: s) {
                // Every place is in the lesson: enumerated from it.
                guard (try? state.go(step: s, frame: f)) != nil else { continue }
                let context = ScreenContext(state: state, glyphs: glyphs)
                var screen = Screen.render(state, width: width, height: height, glyphs: glyphs, handout: true)
                if wideAmbiguous { screen = screen.withAmbiguousStandIns() }
                var number: Int?
                var text: String?
                if case .ask(let a)? = state.currentFrame {
                    number = answers.count + 1
                    text = a.question.text
                    answers.append(
                        Answer(
                            question: answers.count + 1, step: s + 1, frame: f + 1, text: a.question.text,
                            answer: context.number(a.answer), reason: AskLines.reason(context, a)))
                }
                let caption = FramePanel(context: context, frame: state.currentFrame, index: f, width: width).title
                // Text tied to a frame the step does not reach follows its last screen.
                let last = f == state.frameCount(ofStep: s) - 1
                let tied = Self.prose(of: state.trace.steps[s].step, matching: { last ? $0 >= f + 1 : $0 == f + 1 })
                pages.append(
                    Page(
                        frame: f + 1, caption: caption, question: number, questionText: text, screen: screen,
                        prose: tied))
            }
            let step = state.trace.steps[s].step
            sections.append(
                Section(number: s + 1, title: step.title, prose: Self.untiedProse(of: step), pages: pages))
        }
        self.sections = sections
        self.answers = answers
    }

    /// The step's prose blocks tied to no frame.
    private static func untiedProse(of step: Step) -> [ProseBlock] {
        step.prose.indices.filter { step.proseFrames[$0] == nil }.map { step.prose[$0] }
    }

    /// The step's prose blocks tied to a frame (from 1) that `matches`.
    private static func prose(of step: Step, matching: (Int) -> Bool) -> [ProseBlock] {
        step.prose.indices.filter { step.proseFrames[$0].map(matching) ?? false }.map { step.prose[$0] }
    }

    /// How many frames step `number` (from 1) has.
    func frameCount(ofSection number: Int) -> Int {
        sections.indices.contains(number - 1) ? sections[number - 1].pages.count : 0
    }
}
