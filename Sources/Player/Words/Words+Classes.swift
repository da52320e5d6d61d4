// Words of training by epochs and of the class charts (lesson 11).

extension Words {
    func epoch(_ i: Int, of count: Int) -> String { pick("epoch \(i)/\(count)", "에포크 \(i)/\(count)") }
    func epochLossSummary(_ name: String, count: Int, last: String) -> String {
        pick("\(name): \(count) epochs, last \(last)", "\(name): 에포크 \(count)회, 마지막 값 \(last)")
    }
    /// What a class chart shows, for the panel beside it.
    func classesSummary(t: String, x: String, regions: Bool) -> String {
        regions
            ? pick("\(x) by class \(t), decision regions", "점 \(x) (클래스 \(t)), 결정 영역")
            : pick("\(x) by class \(t)", "점 \(x) (클래스 \(t))")
    }
    /// `x by class t: * 0  + 1  # 2`, as the panel beside the chart names it.
    func classesTitle(t: String, x: String, legend: String) -> String {
        pick("\(x) by class \(t): \(legend)", "점 \(x) (클래스 \(t)): \(legend)")
    }
}
