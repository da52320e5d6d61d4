// Words of training by epochs and of the class charts (lesson 11).

extension Words {
    func epoch(_ i: Int, of count: Int) -> String { pick("epoch \(i)/\(count)", "에포크 \(i)/\(count)") }
    func epochLossSummary(_ name: String, count: Int, last: String) -> String {
        pick("\(name): \(count) epochs, last \(last)", "\(name): 에포크 \(count)회, 마지막 값 \(last)")
    }
    /// `t by x: o 0  + 1  x 2`.
    func classesTitle(t: String, x: String, legend: String) -> String {
        pick("\(t) by \(x): \(legend)", "\(x)의 클래스 \(t): \(legend)")
    }
}
