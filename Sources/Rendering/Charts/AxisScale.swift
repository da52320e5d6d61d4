/// One axis of a chart: its range, where the ticks go and what they say.
///
/// For a log axis every number (range and ticks) is already log10 of the data.
/// All arithmetic halves before subtracting, so ranges near ±1.8e308 do not
/// overflow.
struct AxisScale: Equatable {
    var low: Double
    var high: Double
    var ticks: [Double]
    var labels: [String]

    /// Where `t` falls between `low` (0) and `high` (1).
    func fraction(_ t: Double) -> Double {
        let span = high / 2 - low / 2
        guard span > 0, span.isFinite else { return 0.5 }
        return (t / 2 - low / 2) / span
    }

    /// A linear axis covering `minimum...maximum` with about `maxTicks` ticks.
    ///
    /// - Parameters:
    ///   - integer: ticks only at whole numbers (iterations).
    ///   - extend: widen the range to the outer ticks (values), or keep it (iterations).
    static func linear(_ minimum: Double, _ maximum: Double, maxTicks: Int, integer: Bool, extend: Bool) -> AxisScale {
        var lo = minimum
        var hi = maximum
        if !(lo < hi) {
            // A constant: open a window around it so it sits mid-axis.
            let v = lo
            if integer {
                lo = v
                hi = v + 1
            } else {
                let half = v == 0 ? 1 : max(abs(v) * 0.1, Double.leastNormalMagnitude * 8)
                lo = v - half
                hi = v + half
                if !lo.isFinite || !hi.isFinite {
                    lo = v * 0.9
                    hi = v * 1.1
                    if lo > hi { swap(&lo, &hi) }
                }
            }
        }
        let n = Double(max(2, maxTicks))
        var step = niceStep(hi / n - lo / n)
        if integer { step = max(1, step.rounded(.up)) }
        if extend {
            let lower = (lo / step).rounded(.down) * step
            let upper = (hi / step).rounded(.up) * step
            if lower.isFinite { lo = lower }
            if upper.isFinite { hi = upper }
        }
        var ticks: [Double] = []
        var k = (lo / step).rounded(.up)
        while ticks.count < 100 {
            let t = k * step
            if !t.isFinite || t / 2 - hi / 2 > step * 1e-9 { break }
            if ticks.last.map({ t > $0 }) ?? true { ticks.append(t) }
            k += 1
        }
        let labels = ticks.map { TickFormat.label($0, step: step) }
        return AxisScale(low: lo, high: hi, ticks: ticks, labels: labels)
    }

    /// A log10 axis over decades; `minimum` and `maximum` are already log10 values.
    static func log(_ minimum: Double, _ maximum: Double, maxTicks: Int) -> AxisScale {
        var lo = minimum.rounded(.down)
        var hi = maximum.rounded(.up)
        if !(lo < hi) { hi = lo + 1 }
        lo = max(lo, -400)
        hi = min(hi, 400)
        let decades = hi - lo
        var every = 1.0
        for candidate in [1.0, 2, 5, 10, 20, 50, 100] {
            every = candidate
            if decades / candidate <= Double(max(1, maxTicks)) { break }
        }
        var ticks: [Double] = []
        var k = (lo / every).rounded(.up) * every
        while k <= hi, ticks.count < 100 {
            ticks.append(k)
            k += every
        }
        return AxisScale(low: lo, high: hi, ticks: ticks, labels: ticks.map { TickFormat.decade(Int($0)) })
    }

    /// 1, 2 or 5 × 10^k nearest to `raw` (Heckbert's nice numbers), finite whenever possible.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return raw.isFinite ? 1 : Double.greatestFiniteMagnitude / 8 }
        let magnitude = ChartMath.pow10(ChartMath.log10(raw).rounded(.down))
        guard magnitude > 0 else { return raw }
        let normalized = raw / magnitude
        let factor: Double = normalized < 1.5 ? 1 : normalized < 3 ? 2 : normalized < 7 ? 5 : 10
        let step = factor * magnitude
        return step.isFinite ? step : 5 * magnitude
    }
}
