import ArgumentParser
import Foundation
import Player
import Rendering
import Terminal

// The values of `--color`, `--theme` and `--lang`, parsed the same way by every
// command: a typo is refused before anything runs, and the message lists the
// values that would have worked (ArgumentParser's "Please provide one of …").

/// When to use colour: one of `ColorPreference`'s cases.
struct ColorOption: ExpressibleByArgument {
    let preference: ColorPreference

    init(_ preference: ColorPreference) { self.preference = preference }

    init?(argument: String) {
        guard let preference = ColorPreference(rawValue: argument) else { return nil }
        self.preference = preference
    }

    static var allValueStrings: [String] { ColorPreference.allCases.map(\.rawValue) }
    var defaultValueDescription: String { preference.rawValue }

    /// Whether text written to standard output gets colour escapes: `auto`
    /// colours a terminal unless `NO_COLOR` is set.
    func colorsText(outputIsTerminal: Bool) -> Bool {
        switch preference {
        case .always: return true
        case .never: return false
        case .auto:
            let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
            return outputIsTerminal && !noColor
        }
    }
}

/// A theme named on the command line: one of `Theme.names`.
struct ThemeOption: ExpressibleByArgument {
    let theme: Theme

    init(_ theme: Theme) { self.theme = theme }

    init?(argument: String) {
        guard let theme = Theme.named(argument) else { return nil }
        self.theme = theme
    }

    static var allValueStrings: [String] { Theme.names }
    var defaultValueDescription: String { theme.name }
}

/// `--lang`: en or ko.
extension Language: ExpressibleByArgument {}

/// `--ambiguous`: narrow or wide.
extension AmbiguousWidth: ExpressibleByArgument {}
