import Testing

@testable import Rendering

/// One number formatter for every screen and output: whole where it fits,
/// shorter (never cut) where it does not, and big digits that keep the exponent.
@Suite struct NumberTextTests {
    @Test func formatsWithAWholeExponent() {
        #expect(NumberText.format(1e-7) == "1e-7")
        #expect(NumberText.format(0.0769868, digits: 6) == "0.0769868")
        #expect(NumberText.format(544916) == "544916")
        #expect(NumberText.format(7.1e10) == "7.1e10")
        #expect(NumberText.format(2.4e256) == "2.4e256")
        #expect(NumberText.format(-1.45017e-6, digits: 6) == "−1.45017e-6")
        #expect(NumberText.format(-1.45017e-6, digits: 6, ascii: true) == "-1.45017e-6")
        #expect(NumberText.format(.infinity) == "inf")
        #expect(NumberText.format(-.infinity, ascii: true) == "-inf")
        #expect(NumberText.format(.nan) == "nan")
        #expect(NumberText.format(-0.0) == "0")
    }

    /// A value read back from what is shown is the value, to the digits shown.
    static func agrees(_ text: String, _ value: Double) -> Bool {
        if value.isNaN { return text == "nan" }
        guard let shown = Double(text.replacingOccurrences(of: "−", with: "-")) else { return false }
        if value.isInfinite { return shown == value }
        let mantissa = text.split(separator: "e").first.map(String.init) ?? text
        let digits = mantissa.filter(\.isNumber).drop { $0 == "0" }.count
        return abs(shown - value) <= abs(value) * 0.5 * pow10(1 - Swift.max(digits, 1)) * 1.0001
    }

    static func pow10(_ k: Int) -> Double { (0..<abs(k)).reduce(1.0) { v, _ in k < 0 ? v / 10 : v * 10 } }

    static let cases: [Double] = [1e-7, 0.0769868, 544916, 7.1e10, 2.4e256, .infinity, .nan, -3.25e-12, 123.456]

    @Test(arguments: cases)
    func fittingNeverCutsANumber(_ value: Double) {
        for width in 3...12 {
            guard let text = NumberText.fitting(value, width: width) else {
                #expect(width < 6, "\(value) has no form in \(width) columns")
                continue
            }
            #expect(displayWidth(text) <= width)
            #expect(Self.agrees(text, value), "\(text) is not \(value)")
        }
    }

    /// The projector's loss in big digits: the whole value or a scientific form
    /// with its whole exponent, in the size that fits (544916 was `5.449E+0`).
    @Test(arguments: cases)
    func bigDigitsKeepTheMagnitude(_ value: Double) {
        for width in [24, 30, 36, 60] {
            guard let (text, size) = BigDigits.fitting(value, width: width) else {
                Issue.record("\(value) does not fit \(width) columns")
                continue
            }
            #expect(BigDigits.width(of: text, size: size) <= width)
            #expect(Self.agrees(text, value), "\(text) is not \(value)")
            #expect(text.allSatisfy { BigDigits.bitmap($0) != BigDigits.bitmap("?") || $0 == " " }, "\(text)")
        }
        #expect(BigDigits.fitting(544916, width: 60)?.text == "544916")
        #expect(BigDigits.fitting(7.1e10, width: 36)?.text == "7.1e10")
        #expect(BigDigits.fitting(544916, width: 36).map { "\($0.text) \($0.size)" } == "544916 small")
    }
}
