import Lessons

extension PlayerState {
    // MARK: - Typing an answer

    /// Keys while an answer is typed: every character is part of it (even `-`, `v`, `q`
    /// once something is typed), Enter checks it, Esc drops it, arrows leave it.
    mutating func handleAnswer(_ key: PlayerKey, _ typed: String) -> [PlayerEffect] {
        guard isAsking else {
            setInput(.none)
            return handleNavigation(key)
        }
        switch key {
        case .character(let c) where !typed.isEmpty || Self.answerStarts.contains(c):
            if typed.count < 32 { setInput(.answer(typed + String(c))) }
        case .backspace:
            setInput(typed.isEmpty ? .none : .answer(String(typed.dropLast())))
        case .escape:
            setInput(.none)
        case .enter:
            setInput(.none)
            return check(typed)
        default:
            // Moving away leaves the half-typed answer; a command key on an empty answer does its job.
            setInput(.none)
            setMessage(nil)
            return handleNavigation(key)
        }
        return []
    }

    /// Characters that start an answer on a frame that asks: digits, signs, a point, a parenthesis.
    static let answerStarts = Set("0123456789.,-−+(")

    /// Checks `typed` against the open blank of the frame, else its question.
    private mutating func check(_ typed: String) -> [PlayerEffect] {
        let blankIndex = openBlank
        let blank = blankIndex.map { blanks(at: place)[$0] }
        var state: AnswerState
        if let blankIndex {
            state = blankState(place, blankIndex)
        } else if let answer = currentAnswer {
            state = answer
        } else {
            return [.bell]
        }
        state.unreadable = nil
        state.notANumber = false
        switch AnswerReader.read(typed) {
        case .failure(.empty):
            return []
        case .failure(let failure):
            state.notANumber = true
            state.unreadable = failure == .ambiguousComma ? words.ambiguous(typed) : words.couldNotRead(typed)
        case .success(let value):
            state.attempts += 1
            state.lastValue = value
            let decimals = Blank.decimals(typed)
            if let blank {
                state.lastWasRight = blank.accepts(value, decimals: decimals)
                state.mistake = state.lastWasRight ? nil : Self.mistake(value, blank, decimals: decimals)
            } else if case .ask(let a)? = currentFrame {
                state.lastWasRight = a.accepts(value)
                state.mistake = state.lastWasRight ? nil : askMistake(value, a)
            }
            if state.attempts == 1 { state.firstTryRight = state.lastWasRight }
            // Right, or wrong twice: the number shows and the student goes on.
            if state.lastWasRight || state.attempts >= 2 { state.revealed = true }
        }
        store(state, blank: blankIndex)
        return state.notANumber ? [.bell] : [.scored(score)]
    }

    private mutating func store(_ state: AnswerState, blank: Int?) {
        if let blank {
            setBlankAnswer(state, at: BlankRef(frame: place, index: blank))
        } else {
            setAnswer(state, at: place)
        }
    }

    /// `v`: shows the number the student is asked for (the open blank, else the question's answer).
    mutating func reveal() -> [PlayerEffect] {
        if let index = openBlank {
            var state = blankState(place, index)
            state.revealed = true
            store(state, blank: index)
            return [.scored(score)]
        }
        guard var state = currentAnswer, !state.revealed else { return [.bell] }
        state.revealed = true
        store(state, blank: nil)
        return [.scored(score)]
    }

    // MARK: - What a wrong answer got wrong

    static func mistake(_ typed: Double, _ blank: Blank, decimals: Int? = nil) -> AnswerMistake {
        // Looser than a right answer: a rounded number still tells which mistake it is.
        func near(_ x: Double?) -> Bool {
            x.map { Blank.close(typed, $0, decimals: decimals) || abs(typed - $0) <= 0.01 * abs($0) + 1e-9 } ?? false
        }
        if blank.answer != 0, near(-blank.answer) { return .signFlipped }
        switch blank.kind {
        case .value:
            return .unknown
        case .share:
            if let local = blank.local, local != 1, near(blank.upstream) { return .upstreamAlone }
            if blank.upstream != 1, near(blank.local) { return .localAlone }
            if let upstream = blank.upstream, blank.otherLocals.contains(where: { near(upstream * $0) }) {
                return .wrongPair
            }
        case .total:
            if near(blank.share) { return .shareNotAdded }
            if near(blank.previous) { return .oldTotal }
        }
        return .unknown
    }

    /// For a question about a gradient (`x.grad`): a sign flipped, or one share of several.
    private func askMistake(_ typed: Double, _ a: AskFrame) -> AnswerMistake {
        if a.answer != 0, Blank.close(typed, -a.answer, decimals: nil) { return .signFlipped }
        if shares(for: a).count > 1, shares(for: a).contains(where: { Blank.close(typed, $0, decimals: nil) }) {
            return .oneShare
        }
        return .unknown
    }

    /// The shares backward sent the node a question asks the gradient of (`answer=x.grad`),
    /// from the last backward pass over its graph before the question.
    public func shares(for a: AskFrame) -> [Double] {
        guard let graph = a.snapshot?.graph, trace.graphs.indices.contains(graph),
            let (name, _) = Self.references(a.question.answerText).first(where: { $0.1 }),
            let node = trace.graphs[graph].names.first(where: { $0.name == name })?.node
        else { return [] }
        var shares: [Double] = []
        for s in stride(from: step, through: 0, by: -1) {
            let frames = trace.steps[s].frames.prefix(s == step ? frame : Int.max)
            let backward: [BackwardFrame] = frames.compactMap {
                if case .backward(let b) = $0, b.snapshot.graph == graph { return b } else { return nil }
            }
            guard !backward.isEmpty else { continue }
            // The frames of the last run only: it starts at the frame whose index is 0.
            let run = backward.suffix(from: backward.lastIndex { $0.index == 0 } ?? 0)
            for b in run {
                for input in b.inputs where input.node == node {
                    if let g = input.gradient.scalar, input.gradient.rank == 0 { shares.append(g) }
                }
            }
            return shares
        }
        return shares
    }
}
