import Lessons
import Rendering

/// A backward run the wrong way (`mistake=`), beside the right one: for each input
/// of the frame, where the wrong run leaves its gradient and where the right one does.
enum WrongWayLines {
    static func lines(
        _ context: ScreenContext, _ b: BackwardFrame, names: (Int) -> String, width: Int
    ) -> [StyledLine] {
        guard let wrong = b.wrongWay else { return [] }
        var parts: [String] = []
        for input in b.inputs where input.receivesGradient {
            guard wrong.grads.indices.contains(input.node), wrong.right.indices.contains(input.node) else { continue }
            let w = wrong.grads[input.node]
            let r = wrong.right[input.node]
            guard w != r else { continue }
            parts.append(context.words.endsNot(names(input.node), context.value(w), context.value(r)))
        }
        guard !parts.isEmpty else { return [] }
        return PredictLines.wrap(
            context, context.words.wrongWay(wrong.mistake) + parts.joined(separator: "; "),
            context.theme.error, width: width)
    }
}
