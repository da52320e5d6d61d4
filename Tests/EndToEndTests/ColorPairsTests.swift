import Rendering
import Testing

@testable import Terminal

/// Colour numbers per mode and the pair cache, with `init_pair` recorded instead of called.
@Suite struct ColorPairsTests {
    final class Defined {
        var calls: [[Int16]] = []
    }

    func pairs(_ mode: ColorMode, colors: Int = 256, limit: Int = 256, defaultColors: Bool = true)
        -> (ColorPairs, Defined)
    {
        let defined = Defined()
        let pairs = ColorPairs(mode: mode, colorCount: colors, pairLimit: limit, defaultColors: defaultColors) {
            defined.calls.append([$0, $1, $2])
        }
        return (pairs, defined)
    }

    @Test func definesEachPairOnceAndReusesIt() {
        var (pairs, defined) = pairs(.ansi256)
        let a = pairs.pair(fg: .orange, bg: .default)
        let b = pairs.pair(fg: .skyBlue, bg: .black)
        #expect(a == 1 && b == 2)
        #expect(pairs.pair(fg: .orange, bg: .default) == 1)
        #expect(defined.calls == [[1, 178, -1], [2, 74, 0]])
    }

    @Test func defaultOnDefaultIsPairZero() {
        var (pairs, defined) = pairs(.ansi256)
        #expect(pairs.pair(fg: .default, bg: .default) == 0)
        #expect(defined.calls.isEmpty)
    }

    @Test func noColourModeNeverDefinesPairs() {
        var (pairs, defined) = pairs(.none)
        #expect(pairs.pair(fg: .orange, bg: .blue) == 0)
        #expect(defined.calls.isEmpty)
    }

    @Test func sixteenAndEightColourTerminals() {
        var (sixteen, defined16) = pairs(.ansi16, colors: 16)
        _ = sixteen.pair(fg: .yellow, bg: .default)  // 16-colour fallback 11
        #expect(defined16.calls == [[1, 11, -1]])
        var (eight, defined8) = pairs(.ansi16, colors: 8)
        _ = eight.pair(fg: .yellow, bg: .default)  // bright bit dropped
        #expect(defined8.calls == [[1, 3, -1]])
    }

    @Test func colourBeyondTheTerminalFallsBackToDefault() {
        let (pairs, _) = pairs(.ansi256, colors: 88)
        #expect(pairs.number(.indexed(200)) == -1)
        #expect(pairs.number(.indexed(40)) == 40)
    }

    @Test func withoutDefaultColoursDefaultsBecomeWhiteOnBlack() {
        var (pairs, defined) = pairs(.ansi256, defaultColors: false)
        _ = pairs.pair(fg: .orange, bg: .default)
        _ = pairs.pair(fg: .default, bg: .blue)
        #expect(defined.calls == [[1, 178, 0], [2, 7, 25]])
    }

    @Test func runningOutOfPairsGivesTheDefaultPair() {
        var (pairs, defined) = pairs(.ansi256, limit: 3)
        #expect(pairs.pair(fg: .indexed(1), bg: .default) == 1)
        #expect(pairs.pair(fg: .indexed(2), bg: .default) == 2)
        #expect(pairs.pair(fg: .indexed(3), bg: .default) == 0)
        #expect(defined.calls.count == 2)
    }
}
