import Player
import Terminal

extension PlayerKey {
    /// The player's key for a terminal key; nil for keys the player has no use
    /// for and for the events the app handles itself (resize, signals, Ctrl-L).
    init?(_ key: Key) {
        switch key {
        case .character(let c): self = .character(c)
        case .enter: self = .enter
        case .escape: self = .escape
        case .backspace: self = .backspace
        case .tab: self = .tab
        case .backTab: self = .backTab
        case .delete: self = .delete
        case .up: self = .up
        case .down: self = .down
        case .left: self = .left
        case .right: self = .right
        case .pageUp: self = .pageUp
        case .pageDown: self = .pageDown
        case .home: self = .home
        case .end: self = .end
        case .ctrlC: self = .ctrlC
        // F1 is help in most programs.
        case .function(1): self = .character("?")
        case .insert, .function, .control, .resize, .signal: return nil
        }
    }
}
