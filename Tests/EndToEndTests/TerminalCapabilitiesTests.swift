import Rendering
import Testing

@testable import Terminal

/// The refusals, the codeset test and the colour choice, without a terminal.
@Suite struct TerminalCapabilitiesTests {
    @Test func refusals() {
        #expect(TerminalCapabilities.refusal(term: "", probe: 0) == .termUnset)
        #expect(TerminalCapabilities.refusal(term: "dumb", probe: 2) == .noCursorAddressing(term: "dumb"))
        #expect(TerminalCapabilities.refusal(term: "dumb", probe: 1) == .noCursorAddressing(term: "dumb"))
        #expect(TerminalCapabilities.refusal(term: "vt52x", probe: 0) == .unknownTerminal(term: "vt52x"))
        #expect(TerminalCapabilities.refusal(term: "xterm", probe: -1) == .noTerminfoDatabase(term: "xterm"))
        #expect(TerminalCapabilities.refusal(term: "xterm-256color", probe: 1) == nil)
    }

    @Test func everyRefusalSuggestsRender() {
        let errors: [TerminalError] = [
            .notATerminal(stream: "standard output"), .termUnset, .unknownTerminal(term: "x"),
            .noTerminfoDatabase(term: "x"), .noCursorAddressing(term: "dumb"), .startFailed(term: "x"),
        ]
        for error in errors { #expect(error.description.contains("backstep render"), "\(error)") }
    }

    @Test func utf8Codesets() {
        #expect(TerminalCapabilities.isUTF8Codeset("UTF-8"))
        #expect(TerminalCapabilities.isUTF8Codeset("utf8"))
        #expect(!TerminalCapabilities.isUTF8Codeset("ANSI_X3.4-1968"))
        #expect(!TerminalCapabilities.isUTF8Codeset("EUC-KR"))
    }

    @Test func colourChoice() {
        func mode(_ p: ColorPreference, _ noColor: String?, _ colors: Int) -> ColorMode {
            TerminalCapabilities.colorMode(preference: p, noColor: noColor, colorCount: colors)
        }
        #expect(mode(.auto, nil, 256) == .ansi256)
        #expect(mode(.auto, nil, 16) == .ansi16)
        #expect(mode(.auto, nil, 8) == .ansi16)
        #expect(mode(.auto, nil, 0) == ColorMode.none)
        #expect(mode(.auto, "1", 256) == ColorMode.none)
        #expect(mode(.auto, "", 256) == .ansi256)  // NO_COLOR set but empty does not count
        #expect(mode(.always, "1", 256) == .ansi256)
        #expect(mode(.always, nil, 0) == ColorMode.none)
        #expect(mode(.never, nil, 256) == ColorMode.none)
    }

    @Test func paddingIsStrippedFromRestoreStrings() {
        let bytes = Array("\u{1B}[?1049l$<5>\u{1B}[?25h".utf8)
        #expect(CrashRestore.strippingPadding(bytes) == Array("\u{1B}[?1049l\u{1B}[?25h".utf8))
        #expect(CrashRestore.strippingPadding(Array("$5<".utf8)) == Array("$5<".utf8))
    }
}
