import Lessons

/// The node inspector's words (`i`) and the groups' (`o` `O`).
extension Words {
    func inspectTitle(_ name: String) -> String { pick("inspect: \(name)", "노드 보기: \(name)") }
    var inspectNothing: String { pick("no graph on this frame to inspect", "이 장면에는 살펴볼 그래프가 없습니다") }
    func madeBy(_ formula: String) -> String { pick("made by \(formula)", "\(formula)의 결과") }
    func leaf(_ kind: NodeKind) -> String {
        switch kind {
        case .param: return pick("a parameter: a leaf that training updates", "매개변수: 학습이 갱신하는 말단 노드")
        case .data: return pick("data: a leaf that keeps no gradient", "데이터: 기울기를 구하지 않는 말단 노드")
        case .constant: return pick("a constant", "상수")
        default: return pick("an input: a leaf that receives a gradient", "입력: 기울기를 받는 말단 노드")
        }
    }
    func shapeLine(_ shape: String) -> String { pick("shape \(shape)", "형상 \(shape)") }
    func columnsShown(_ first: Int, _ last: Int, of count: Int) -> String {
        pick("columns \(first)–\(last) of \(count)", "열 \(first)–\(last) / \(count)")
    }
    var valueHeading: String { pick("value", "값") }
    var gradHeading: String { pick("grad", "기울기") }
    var notComputed: String { pick("not computed yet", "아직 계산되지 않음") }
    var notReached: String { pick("not reached by backward yet", "역전파가 아직 도달하지 않음") }
    var noGradKept: String { pick("none: no gradient is kept", "없음: 기울기를 구하지 않음") }
    var toPredict: String { pick("? (yours to answer first)", "? (먼저 직접 답해 보세요)") }
    func inspectKeys(scroll: String?, columns: Bool, groups: Bool) -> String {
        var keys = [pick("← → node", "← → 노드")]
        if let scroll { keys.append(pick("↑ ↓ scroll ", "↑ ↓ 스크롤 ") + scroll) }
        if columns { keys.append(pick("< > columns", "< > 열")) }
        if groups { keys.append(pick("o group", "o 묶음")) }
        keys.append(pick("Esc close", "Esc 닫기"))
        return keys.joined(separator: " · ")
    }

    // MARK: - Groups

    func groupTag(model: Bool) -> String { model ? pick(" (model)", " (모델)") : pick(" (layer)", " (계층)") }
    func groupOutput(_ name: String) -> String { pick("output \(name)", "출력 \(name)") }
    var groupParameters: String { pick("parameters", "매개변수") }
    var noGroups: String { pick("this graph has no layer or model calls", "이 그래프에는 계층이나 모델 호출이 없습니다") }
    var notInGroup: String { pick("the node selected is in no layer or model", "고른 노드는 계층이나 모델에 속하지 않습니다") }
    /// `key` is the one the student pressed (`o` without a selection acts on every group, as `O` does).
    func groupsClosed(key: String) -> String {
        pick("layers and models closed: \(key) opens them", "계층과 모델을 닫았습니다: \(key)로 엽니다")
    }
    func groupsOpened(key: String) -> String {
        pick("layers and models opened: \(key) closes them", "계층과 모델을 열었습니다: \(key)로 닫습니다")
    }
    func groupClosed(_ name: String) -> String { pick("\(name) closed: o opens it", "\(name)을(를) 닫았습니다: o로 엽니다") }
    func groupOpened(_ name: String) -> String { pick("\(name) opened", "\(name)을(를) 열었습니다") }
}
