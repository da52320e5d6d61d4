/// A token bucket: `rate` tokens a second, at most `burst` saved up.
///
/// Each student's input goes through one, so a client that floods its
/// connection (a paste, a script, garbage) costs the server a bounded amount of
/// work; what is over the limit is dropped.
struct RateLimiter {
    let rate: Double
    let burst: Double
    private var tokens: Double
    private var last: UInt64

    init(rate: Double, burst: Double, now: UInt64) {
        self.rate = rate
        self.burst = burst
        tokens = burst
        last = now
    }

    /// How many of `wanted` may pass at `now` (nanoseconds, monotonic); they are spent.
    mutating func take(_ wanted: Int, now: UInt64) -> Int {
        if now > last {
            tokens = Swift.min(burst, tokens + Double(now - last) / 1e9 * rate)
            last = now
        }
        let granted = Swift.min(wanted, Int(tokens))
        tokens -= Double(granted)
        return Swift.max(granted, 0)
    }
}
