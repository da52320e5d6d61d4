import Player
import Rendering

/// Sees every screen a lesson run is about to draw, and may draw over it:
/// `backstep class` publishes the teacher's place to the students this way and
/// draws the class (who is here, who answered) over the teacher's screen.
public protocol LessonRunObserver: AnyObject {
    /// Changes when what the observer draws changed: the screen is drawn again.
    var revision: Int { get }
    /// Called with every screen before it is shown.
    func willDraw(_ state: PlayerState, on screen: inout Buffer)
}
