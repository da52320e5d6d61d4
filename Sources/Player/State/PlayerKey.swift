/// A key press as the player understands it, independent of any terminal.
///
/// The terminal app maps its own key codes onto these (one case each); tests
/// script sessions with them. Printable keys arrive as `.character`, so `l`,
/// space, digits, `?`, `[` and `+` are all `.character(…)`.
public enum PlayerKey: Hashable, Sendable {
    case character(Character)
    case left, right, up, down
    case pageUp, pageDown, home, end
    case enter, escape, backspace, tab, backTab, delete
    /// Ctrl-C: quits, like `q`, from any mode.
    case ctrlC

    /// The keys a string types, one `.character` per character (`"12"` → `1`, `2`).
    public static func typing(_ text: String) -> [PlayerKey] { text.map { .character($0) } }
}
