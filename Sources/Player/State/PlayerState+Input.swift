import Lessons

extension PlayerState {
    // MARK: - Editing values

    /// `e`: the fields of this step (its training options, the graph's inputs).
    mutating func startEdit() -> [PlayerEffect] {
        guard let text else {
            setMessage(words.editNeedsFile)
            return [.bell]
        }
        if let playing {
            setMessage(words.stillPlaying(words.activity(playing)))
            return [.bell]
        }
        let fields = EditField.fields(step: step, trace: trace, text: text, graph: graphOnScreen)
        guard !fields.isEmpty else {
            setMessage(words.nothingToEdit)
            return [.bell]
        }
        setAutoplay(nil)
        setInput(.edit(EditSession(fields: fields)))
        return []
    }

    mutating func handleEdit(_ key: PlayerKey, _ session: EditSession) -> [PlayerEffect] {
        var session = session
        switch key {
        case .escape:
            setInput(.none)
        case .tab, .down:
            session.selected = (session.selected + 1) % Swift.max(session.fields.count, 1)
            setInput(.edit(session))
        case .backTab, .up:
            session.selected = (session.selected + session.fields.count - 1) % Swift.max(session.fields.count, 1)
            setInput(.edit(session))
        case .backspace:
            session.text = String(session.text.dropLast())
            setInput(.edit(session))
        case .character(let c):
            if session.text.count < 200 { session.text.append(c) }
            setInput(.edit(session))
        case .enter:
            setInput(.none)
            return apply(session.changes)
        default:
            break
        }
        return []
    }

    /// Writes every changed field into the lesson and plays it again; on an error the lesson stays as it was.
    private mutating func apply(_ changes: [(field: EditField, value: String)]) -> [PlayerEffect] {
        guard var edited = text, !changes.isEmpty else { return [] }
        for (field, value) in changes {
            switch field.target {
            case .learningRate:
                guard let lr = Double(value), lr > 0, lr.isFinite else {
                    setMessage(words.lrMustBePositive)
                    return [.bell]
                }
            case .iterations:
                guard let n = Int(value), n >= 1 else {
                    setMessage(words.itersMustBeWhole)
                    return [.bell]
                }
            case .leaf: break
            }
            edited = edited.setting(field.target, to: value)
        }
        // The status line names every change, `lr = 10, iters = 50`: the last as label = value, the ones before it in the label.
        let earlier = changes.dropLast().map { "\($0.field.label) = \($0.value), " }.joined()
        let label = earlier + (changes.last?.field.label ?? "")
        let value = changes.last?.value ?? ""
        return startPlay(PlayRequest(text: edited, purpose: .edit(label: label, value: value)))
    }

    /// `r`: the lesson's own values again.
    mutating func resetValues() -> [PlayerEffect] {
        guard let text, text.isEdited else {
            clearAnswers()
            setMessage(words.valuesAreOwn)
            return []
        }
        return startPlay(PlayRequest(text: text.reset(), purpose: .reset))
    }

    /// The graph the screen shows now: the frame's, else the last one before it.
    var graphOnScreen: Int? {
        if let snapshot = currentFrame?.snapshot { return snapshot.graph }
        for s in stride(from: step, through: 0, by: -1) {
            if let g = trace.steps[s].graph { return g }
        }
        return nil
    }
}
