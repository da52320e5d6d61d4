import Autodiff
import Lessons

/// The lines of text inside a variable box: its name (with a marker for
/// data and params, so they differ without colour), its value, and its
/// gradient once backward has reached it.
enum NodeText {
    /// How much room a box may take.
    enum Level: Equatable {
        /// Matrices as a few aligned rows.
        case rich
        /// Every value on one line.
        case compact
        /// Tensors by their shape alone (scalars and one-element tensors still as numbers, `[[−6.443]]` being
        /// hardly wider than `(1, 1)`): for graphs too big for more.
        case minimal
    }

    enum Role { case name, value, gradient }

    struct Line {
        var text: String
        var role: Role
    }

    /// `(param)`, `(data)` or nothing, after the name.
    static func tag(_ kind: NodeKind, _ words: Words) -> String {
        switch kind {
        case .param: return words.paramTag
        case .data: return words.dataTag
        default: return ""
        }
    }

    /// The lines of a variable box.
    /// - Parameter mark: `▶` or `◀` before the name on the node in focus.
    static func variable(
        name: String, node: GraphNode, value: Tensor?, grad: Tensor?, detail: Detail, level: Level,
        ascii: Bool, mark: String? = nil, words: Words = Language.en.words, gradHidden: Bool = false,
        valueHidden: Bool = false
    ) -> [Line] {
        // A gradient the student is asked to predict shows as `grad ?`.
        let grad = gradHidden ? nil : grad
        let hiddenLine = gradHidden ? [Line(text: "grad ?", role: .gradient)] : []
        var lines = [Line(text: (mark.map { $0 + " " } ?? "") + name + tag(node.kind, words), role: .name)]
        let receives = node.kind == .input || node.kind == .param || node.kind == .intermediate
        switch detail {
        case .shapes:
            lines.append(Line(text: node.shape.isEmpty ? words.scalar : formatShape(node.shape), role: .value))
        case .gradients where receives:
            if let grad { lines += gradientLines(grad, level: level, ascii: ascii) }
            lines += hiddenLine
        case .values, .gradients:
            lines += valueLines(value, level: level, ascii: ascii, hidden: valueHidden)
            if let grad, receives { lines += gradientLines(grad, level: level, ascii: ascii) }
            lines += hiddenLine
        }
        return lines
    }

    static func valueLines(_ value: Tensor?, level: Level, ascii: Bool, hidden: Bool = false) -> [Line] {
        // `?` is only ever what the student is asked; a value not computed yet is `…`.
        guard let value else { return [Line(text: hidden ? "?" : notComputed(ascii), role: .value)] }
        if value.rank == 0 || level != .rich {
            let text =
                level == .minimal && value.rank > 0 && value.count > 1
                ? formatShape(value.shape)
                : TensorText.inline(value, digits: level == .rich ? 4 : 3, ascii: ascii)
            return [Line(text: text, role: .value)]
        }
        // Beyond two axes the matrix lines start with the shape themselves.
        let matrix = TensorText.matrix(value, maxRows: 4, maxColumns: 4, ascii: ascii)
        return block(value.rank > 2 ? matrix : [formatShape(value.shape)] + matrix, .value)
    }

    /// The mark of a value the forward pass has not reached yet.
    static func notComputed(_ ascii: Bool) -> String { ascii ? "..." : "…" }

    static func gradientLines(_ grad: Tensor, level: Level, ascii: Bool) -> [Line] {
        if grad.rank == 0 || level != .rich {
            let text =
                level == .minimal && grad.rank > 0 && grad.count > 1
                ? formatShape(grad.shape)
                : TensorText.inline(grad, digits: level == .rich ? 4 : 3, ascii: ascii)
            return [Line(text: "grad " + text, role: .gradient)]
        }
        return block(["grad"] + TensorText.matrix(grad, maxRows: 4, maxColumns: 4, ascii: ascii), .gradient)
    }

    /// Matrix rows padded to one width, so the box centres them as a block and their columns line up.
    private static func block(_ texts: [String], _ role: Role) -> [Line] {
        let rows = texts.dropFirst()
        let widest = rows.map(\.count).max() ?? 0
        return [Line(text: texts.first ?? "", role: role)]
            + rows.map { Line(text: $0 + String(repeating: " ", count: widest - $0.count), role: role) }
    }
}
