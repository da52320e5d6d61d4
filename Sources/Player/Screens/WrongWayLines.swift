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
            // Compared as the screen writes them: runs that agree to the digits shown agree here.
            let (shownWrong, shownRight) = (
                context.value(wrongGrads[input.node]), context.value(rightGrads[input.node])
            )
            guard shownWrong != shownRight else { continue }
            let name = names(input.node)
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
