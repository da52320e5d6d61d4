import Autodiff
import Foundation
import Player
import Rendering
import Testing

/// Numbers, tensors and recordings as the screens and files write them.
@Suite struct TextTests {
    @Test func numbers() {
        #expect(TensorText.number(-4) == "−4")
        #expect(TensorText.number(-4, ascii: true) == "-4")
        #expect(TensorText.number(0.512144, digits: 4) == "0.5121")
        #expect(TensorText.number(-0.0) == "0")
        #expect(TensorText.number(.nan) == "nan")
        #expect(TensorText.number(-.infinity) == "−inf")
    }

    @Test func inlineTensors() throws {
        #expect(TensorText.inline(nil) == "?")
        #expect(TensorText.inline(Tensor(2)) == "2")
        #expect(TensorText.inline(try Tensor(shape: [3], scalars: [5, 7, 9])) == "[5 7 9]")
        #expect(TensorText.inline(try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])) == "[[1 2 3] [4 5 6]]")
        #expect(
            TensorText.inline(try Tensor(shape: [2, 4], scalars: [1, 2, 3, 4, 5, 6, 7, 8]))
                == "(2, 4) [[1 2 3 …] [5 6 7 …]]")
        #expect(TensorText.inline(Tensor.ones([2, 3])) == "[[1 1 1] [1 1 1]]")
        #expect(TensorText.inline(Tensor.ones([2, 5])) == "ones(2, 5)")
        #expect(TensorText.inline(try Tensor(shape: [1, 1], scalars: [21])) == "[[21]]")
    }

    @Test func matrices() throws {
        let m = try Tensor(shape: [2, 3], scalars: [1, -2, 3, 40, 5, 6])
        #expect(TensorText.matrix(m) == ["[[ 1 −2 3]", " [40  5 6]]"])
        let tall = Tensor.arange(10)
        #expect(TensorText.matrix(try tall.reshaped([10, 1]), maxRows: 3) == ["[[0]", " [1]", "  …"])
        #expect(TensorText.matrix(tall, maxColumns: 4, ascii: true) == ["[0 1 2 ...]"])
        #expect(TensorText.matrix(Tensor(3.5)) == ["3.5"])
    }

    @Test func sizes() throws {
        #expect(try ScreenText.size("80x24") == (80, 24))
        #expect(try ScreenText.size("100×30") == (100, 30))
        #expect(throws: ScreenSizeError(text: "0x3")) { try ScreenText.size("0x3") }
        #expect(throws: ScreenSizeError(text: "80")) { try ScreenText.size("80") }
    }

    @Test func asciicastIsValidAndOneScreenPerKey() throws {
        let state = try PlayerState(path: Repo.lesson("01-chain-rule.md"))
        let cast = Asciicast.record(state, width: 80, height: 24, delay: 0.5)
        let lines = cast.split(separator: "\n").map(String.init)
        let header = try #require(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2 && header["width"] as? Int == 80 && header["height"] as? Int == 24)
        let frames = (0..<state.stepCount).map { state.frameCount(ofStep: $0) }.reduce(0, +)
        let asks = state.trace.allFrames.filter { if case .ask = $0.frame { return true } else { return false } }.count
        #expect(lines.count - 1 == frames + asks)
        for (i, line) in lines.dropFirst().enumerated() {
            let event = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            #expect(event.count == 3 && event[1] as? String == "o")
            #expect(abs((event[0] as? Double ?? -1) - Double(i) * 0.5) < 1e-9)
            let data = try #require(event[2] as? String)
            #expect(data.components(separatedBy: "\r\n").count == 24)
        }
        #expect(cast.contains("\\u001b[0;1;38;5;178m"), "colour escapes")
    }
}
