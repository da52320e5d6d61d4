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
        guard let first = fields.first else {
            setMessage(words.nothingToEdit)
            return [.bell]
        }
        setAutoplay(nil)
        setInput(.edit(EditSession(fields: fields, selected: 0, text: first.current)))
        return []
    }

    mutating func handleEdit(_ key: PlayerKey, _ session: EditSession) -> [PlayerEffect] {
        var session = session
        switch key {
        case .escape:
            setInput(.none)
        case .tab, .down:
            session.selected = (session.selected + 1) % Swift.max(session.fields.count, 1)
            session.text = session.field?.current ?? ""
            setInput(.edit(session))
        case .backTab, .up:
            session.selected = (session.selected + session.fields.count - 1) % Swift.max(session.fields.count, 1)
            session.text = session.field?.current ?? ""
            setInput(.edit(session))
        case .backspace:
            session.text = String(session.text.dropLast())
            setInput(.edit(session))
        case .character(let c):
            if session.text.count < 200 { session.text.append(c) }
            setInput(.edit(session))
        case .enter:
            setInput(.none)
            guard let field = session.field else { return [] }
            return apply(session.text, to: field)
        default:
            break
        }
        return []
    }

    /// Writes `value` into the lesson and plays it again; on an error the lesson stays as it was.
    private mutating func apply(_ value: String, to field: EditField) -> [PlayerEffect] {
        let value = value.replacingOccurrences(of: "−", with: "-").trimmingCharacters(in: .whitespaces)
        guard let text, !value.isEmpty else { return [] }
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
        return startPlay(
            PlayRequest(text: text.setting(field.target, to: value), purpose: .edit(label: field.label, value: value)))
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
