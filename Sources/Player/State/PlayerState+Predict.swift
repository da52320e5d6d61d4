import Lessons

extension PlayerState {
    // MARK: - Predict mode

    /// Whether `frame` asks the student for its numbers: predict mode is on (by `P`
    /// or the lesson) and the frame is not worked (by `worked=`, else every
    /// backward frame but the first). A wrong-way run (`mistake=`) is shown, not
    /// asked, unless its directive names what is worked: its numbers were asked
    /// in the right run before it.
    func predicts(_ frame: Frame) -> Bool {
        guard let practice = Self.practice(of: frame), predictMode ?? practice.lessonPredicts else { return false }
        if let worked = practice.worked { return !worked }
        if case .backward(let b) = frame { return b.index > 0 && b.wrongWay == nil }
        return true
    }

    /// Whether predict mode is on for the frame on screen (for the status line): `P`'s
    /// choice, else the pass's own, else, between passes, whether the lesson predicts anywhere.
    public var isPredicting: Bool {
        if let predictMode { return predictMode }
        switch currentFrame {
        case .forward(let f)?: return f.practice.lessonPredicts
        case .backward(let b)?: return b.practice.lessonPredicts
        default: return lessonPredicts
        }
    }

    /// Whether frame `ref` belongs to a pass in predict mode (asked or worked).
    public func inPredictedPass(_ ref: FrameRef) -> Bool {
        guard trace.steps.indices.contains(ref.step), trace.steps[ref.step].frames.indices.contains(ref.frame),
            let practice = Self.practice(of: trace.steps[ref.step].frames[ref.frame])
        else { return false }
        if case .backward(let b) = trace.steps[ref.step].frames[ref.frame], b.wrongWay != nil, practice.worked == nil {
            return false
        }
        return predictMode ?? practice.lessonPredicts
    }

    /// Whether the frame after `ref` in its step asks for numbers (a worked frame says the next are the student's).
    func nextFrameAsks(after ref: FrameRef) -> Bool {
        !blanks(at: FrameRef(step: ref.step, frame: ref.frame + 1)).isEmpty
    }

    static func practice(of frame: Frame) -> FramePractice? {
        switch frame {
        case .forward(let f): return f.practice
        case .backward(let b): return b.practice
        default: return nil
        }
    }

    /// Whether any pass of the lesson is practice by default (`predict`).
    var lessonPredicts: Bool {
        trace.lesson.steps.contains { $0.directives.contains { $0.practice.predict } }
    }

    /// The numbers the student predicts on frame `ref`; empty when it does not ask.
    public func blanks(at ref: FrameRef) -> [Blank] {
        guard trace.steps.indices.contains(ref.step), trace.steps[ref.step].frames.indices.contains(ref.frame) else {
            return []
        }
        let frame = trace.steps[ref.step].frames[ref.frame]
        return predicts(frame) ? Blank.blanks(of: frame) : []
    }

    /// Where the student's answer to blank `index` of `ref` stands.
    public func blankState(_ ref: FrameRef, _ index: Int) -> AnswerState {
        blankAnswers[BlankRef(frame: ref, index: index)] ?? AnswerState()
    }

    /// The first number of the frame on screen still to predict: typed answers go to it.
    public var openBlank: Int? {
        blanks(at: place).indices.first { !blankState(place, $0).revealed }
    }

    /// Whether the frame on screen waits for a typed answer (a question or a number to predict).
    public var isAsking: Bool {
        if let answer = currentAnswer { return !answer.revealed }
        return openBlank != nil
    }

    /// Whether the frame on screen asks something (a question, or numbers to
    /// predict), answered or not: digits typed here are never a step number.
    var asksOnThisFrame: Bool {
        currentAnswer != nil || !blanks(at: place).isEmpty
    }

    /// `P`: predict mode on or off for the whole lesson.
    mutating func togglePredict() -> [PlayerEffect] {
        let on = !isPredicting
        setPredictMode(on)
        setMessage(on ? words.predictOn : words.predictOff)
        return []
    }

    // MARK: - What the screen hides

    /// Nodes whose value or gradient the frame on screen keeps hidden: numbers still to
    /// predict, and what an unanswered question asks for.
    public var hidden: (values: Set<Int>, grads: Set<Int>) {
        var values = Set<Int>()
        var grads = Set<Int>()
        for (i, blank) in blanks(at: place).enumerated() where !blankState(place, i).revealed {
            if blank.kind == .value { values.insert(blank.node) } else { grads.insert(blank.node) }
        }
        // On a question, what answers it and the step's questions still to come stay hidden.
        guard case .ask? = currentFrame, let played = playedStep else { return (values, grads) }
        for (i, frame) in played.frames.enumerated() where i >= self.frame {
            guard case .ask(let a) = frame, !(answers[FrameRef(step: step, frame: i)]?.revealed ?? false),
                let graph = a.snapshot?.graph, trace.graphs.indices.contains(graph)
            else { continue }
            for (name, isGrad) in Self.references(a.question.answerText) {
                guard let node = trace.graphs[graph].names.first(where: { $0.name == name })?.node else { continue }
                if isGrad { grads.insert(node) } else { values.insert(node) }
            }
        }
        return (values, grads)
    }

    /// The names an answer expression reads, and whether it reads their `.grad`.
    static func references(_ text: String) -> [(String, Bool)] {
        var result: [(String, Bool)] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            guard chars[i].isLetter || chars[i] == "_" else {
                i += 1
                continue
            }
            var j = i
            // A layer's parameter is a dotted path (`M.l1.b.grad` reads `M.l1.b`), up to `.grad`.
            while j < chars.count {
                if chars[j].isLetter || chars[j].isNumber || chars[j] == "_" {
                    j += 1
                } else if chars[j] == ".", j + 1 < chars.count, chars[j + 1].isLetter || chars[j + 1] == "_",
                    !(j + 5 <= chars.count && String(chars[j..<(j + 5)]) == ".grad"
                        && !(j + 5 < chars.count && (chars[j + 5].isLetter || chars[j + 5].isNumber)))
                {
                    j += 1
                } else {
                    break
                }
            }
            let name = String(chars[i..<j])
            let isGrad = j + 5 <= chars.count && String(chars[j..<(j + 5)]) == ".grad"
            result.append((name, isGrad))
            i = isGrad ? j + 5 : j
        }
        return result
    }

    /// Whether prose block `index` of the step on screen shows: a block tied to a
    /// frame (`{frame=N}`) waits for that frame, and for its answer when it asks.
    public func showsProse(_ index: Int) -> Bool {
        guard let played = playedStep, let tied = played.step.proseFrames[index] else { return true }
        let target = tied - 1
        if frame != target { return frame > target }
        if case .ask? = currentFrame { return currentAnswer?.revealed ?? true }
        return openBlank == nil
    }

    /// The newest block of the step's text a frame has revealed (`{frame=N}`, the latest N
    /// shown), which the text panel keeps in view until the student scrolls away from it.
    public var followedProse: Int? {
        guard let played = playedStep else { return nil }
        var newest: (block: Int, frame: Int)?
        for (block, tied) in played.step.proseFrames where showsProse(block) {
            if let n = newest, (n.frame, n.block) > (tied, block) { continue }
            newest = (block, tied)
        }
        guard let newest, newest.block != proseScrolledFrom else { return nil }
        return newest.block
    }

    // MARK: - Score

    /// Predictions and answers right at the first try, out of those answered or revealed.
    public var score: Score {
        var score = earlierScore
        for state in Array(answers.values) + Array(blankAnswers.values) where state.attempts > 0 || state.revealed {
            score.asked += 1
            if state.firstTryRight { score.right += 1 }
        }
        return score
    }
}
