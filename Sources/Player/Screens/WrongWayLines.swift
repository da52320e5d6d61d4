import Lessons
import Rendering

/// A backward run the wrong way (`mistake=`), beside the right one: for each input
/// of the frame, where the wrong run leaves its gradient and where the right one does.
enum WrongWayLines {
    static func lines(
        _ context: ScreenContext, _ b: BackwardFrame, names: (Int) -> String, width: Int
    ) -> [StyledLine] {
        guard let wrong = b.wrongWay else { return [] }
        // An overwriting run is compared where both runs stand after this frame; a run in the
        // wrong order, which visits the functions its own way, where it ends.
        let here = wrong.running.indices.contains(b.index) ? wrong.running[b.index] : nil
        let wrongGrads = here?.wrong ?? wrong.grads
        let rightGrads = here?.right ?? wrong.right
        var parts: [String] = []
        for input in b.inputs where input.receivesGradient {
            guard wrongGrads.indices.contains(input.node), rightGrads.indices.contains(input.node) else { continue }
            let w = wrongGrads[input.node]
            let r = rightGrads[input.node]
            guard w != r else { continue }
            let name = names(input.node)
            let (shownWrong, shownRight) = (context.value(w), context.value(r))
            parts.append(
                here == nil
                    ? context.words.endsNot(name, shownWrong, shownRight)
                    : context.words.nowNot(name, shownWrong, shownRight))
        }
        guard !parts.isEmpty else { return [] }
        return PredictLines.wrap(
            context, context.words.wrongWay(wrong.mistake) + parts.joined(separator: "; "),
            context.theme.error, width: width)
    }
}
