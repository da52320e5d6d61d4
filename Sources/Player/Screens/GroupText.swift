import Autodiff
import Lessons
import Rendering

/// The lines of a closed group's box: its name, each parameter with its shape
/// (and value when the box has room for values), the gradients the backward
/// left on them, and the call's output.
enum GroupText {
    struct Numbers {
        let value: (Int) -> Tensor?
        let grad: (Int) -> Tensor?
        /// Gradients the student is still to predict or answer: `grad ?`.
        var hiddenGrads: Set<Int> = []
    }

    static func lines(
        _ group: NodeGroup, in graph: GraphStructure, names: NodeNames, numbers: Numbers, detail: Detail,
        level: NodeText.Level, ascii: Bool,
        mark: String?, words: Words
    ) -> [NodeText.Line] {
        var lines = [
            NodeText.Line(
                text: (mark.map { $0 + " " } ?? "") + group.name + words.groupTag(model: group.isModel), role: .name)
        ]
        func tensor(_ t: Tensor) -> String {
            switch level {
            case .rich: return TensorText.inline(t, limit: 2, digits: 4, ascii: ascii, shape: false)
            case .compact: return TensorText.inline(t, limit: 1, digits: 3, ascii: ascii, shape: false)
            case .minimal: return ""
            }
        }
        func entry(_ id: Int, prefix: String) {
            let shape = formatShape(graph.nodes.indices.contains(id) ? graph.nodes[id].shape : [])
            var head = prefix + names[id] + " " + shape
            if detail == .values, level != .minimal, let v = numbers.value(id) {
                head += " " + (v.rank == 0 ? TensorText.number(v.scalar ?? .nan, digits: 4, ascii: ascii) : tensor(v))
            }
            lines.append(NodeText.Line(text: head, role: .value))
            guard detail != .shapes else { return }
            if numbers.hiddenGrads.contains(id) {
                lines.append(NodeText.Line(text: "  grad ?", role: .gradient))
            } else if let g = numbers.grad(id) {
                let text =
                    g.rank == 0
                    ? TensorText.number(g.scalar ?? .nan, digits: 4, ascii: ascii)
                    : level == .minimal ? formatShape(g.shape) : tensor(g)
                lines.append(NodeText.Line(text: "  grad " + text, role: .gradient))
            }
        }
        for p in group.parameters { entry(p, prefix: "") }
        entry(group.output, prefix: "→ ")
        // One width for the lines under the name, so the box lines them up on the left.
        let widest = lines.dropFirst().map { displayWidth($0.text) }.max() ?? 0
        for i in lines.indices.dropFirst() {
            lines[i].text += String(repeating: " ", count: widest - displayWidth(lines[i].text))
        }
        return lines
    }
}
