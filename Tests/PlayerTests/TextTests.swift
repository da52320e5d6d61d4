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
            TensorText.inline(try Tensor(shape: [2, 5], scalars: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))
                == "(2, 5) [[1 2 3 4 …] [6 7 8 9 …]]")
        #expect(TensorText.inline(Tensor.ones([2, 3])) == "[[1 1 1] [1 1 1]]")
        #expect(TensorText.inline(Tensor.ones([2, 5])) == "ones(2, 5)")
        #expect(TensorText.inline(try Tensor(shape: [1, 1], scalars: [21])) == "[[21]]")
    }

    @Test func matrices() throws {
        let m = try Tensor(shape: [2, 3], scalars: [1, -2, 3, 40, 5, 6])
        #expect(TensorText.matrix(m) == ["[[ 1 −2 3]", " [40  5 6]]"])
        let tall = Tensor.arange(10)
        #expect(TensorText.matrix(try tall.reshaped([10, 1]), maxRows: 3) == ["[[0]", " [1]", " …]"])
        #expect(TensorText.matrix(tall, maxColumns: 4, ascii: true) == ["[0 1 2 ...]"])
        #expect(TensorText.matrix(Tensor(3.5)) == ["3.5"])
    }

    @Test func sizes() throws {
        #expect(try ScreenText.size("80x24") == (80, 24))
        #expect(try ScreenText.size("100×30") == (100, 30))
        #expect(throws: ScreenSizeError(text: "0x3")) { try ScreenText.size("0x3") }
        #expect(throws: ScreenSizeError(text: "80")) { try ScreenText.size("80") }
    }

    /// Events of a recording: time and data, after checking the header and each event's form.
    static func castEvents(_ cast: String, width: Int, height: Int) throws -> [(time: Double, data: String)] {
        let lines = cast.split(separator: "\n").map(String.init)
        let header = try #require(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(
            header["version"] as? Int == 2 && header["width"] as? Int == width && header["height"] as? Int == height)
        return try lines.dropFirst().map { line in
            let event = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            #expect(event.count == 3 && event[1] as? String == "o")
            let data = try #require(event[2] as? String)
            #expect(data.components(separatedBy: "\r\n").count == height)
            return (try #require(event[0] as? Double), data)
        }
    }

    @Test func asciicastHasAScreenPerKeyAndHoldsQuestionsLonger() throws {
        let state = try PlayerState(path: Repo.lesson("01-chain-rule.md"))
        let cast = Asciicast.record(state, width: 80, height: 24, delay: 0.5)
        let events = try Self.castEvents(cast, width: 80, height: 24)
        let frames = (0..<state.stepCount).map { state.frameCount(ofStep: $0) }.reduce(0, +)
        let asks = state.trace.allFrames.filter { if case .ask = $0.frame { return true } else { return false } }.count
        #expect(asks > 0 && events.count == frames + asks)
        #expect(events.first?.time == 0)
        // A question shows three key delays before its answer, the answer two; every other screen one.
        let holds = zip(events.dropFirst(), events).map { (($0.time - $1.time) * 1000).rounded() / 1000 }
        let asked = holds.filter { $0 == 1.5 }.count
        let answered = holds.filter { $0 == 1.0 }.count
        #expect(asked == asks && (asks - 1...asks).contains(answered), "\(holds)")
        #expect(holds.allSatisfy { [0.5, 1.0, 1.5].contains($0) }, "\(holds)")
        // The question's screen comes before the held time, the revealed answer after it.
        for (i, hold) in holds.enumerated() where hold == 1.5 {
            #expect(events[i].data.contains("v shows it"))
            #expect(!events[i + 1].data.contains("v shows it"))
        }
        #expect(cast.contains("\\u001b[0;1;38;5;178m"), "colour escapes")
    }

    /// A training run plays as in the player: a screen per tick, the first iterations one at a
    /// time at the player's training pace, not the handful of frames the lesson recorded.
    @Test func asciicastAnimatesTraining() throws {
        let state = try PlayerState(path: Repo.lesson("05-linear-regression.md"))
        let cast = Asciicast.record(state, width: 100, height: 30, colors: nil, delay: 1)
        let events = try Self.castEvents(cast, width: 100, height: 30)
        let regex = try NSRegularExpression(pattern: "iteration ([0-9]+)/100")
        var shown: [(iteration: Int, time: Double)] = []
        for event in events {
            let range = NSRange(event.data.startIndex..., in: event.data)
            guard let match = regex.firstMatch(in: event.data, range: range),
                let r = Range(match.range(at: 1), in: event.data), let i = Int(event.data[r])
            else { continue }
            shown.append((i, event.time))
        }
        let recorded = state.trace.allFrames.filter {
            if case .training = $0.frame { return true } else { return false }
        }
        #expect(recorded.count == 11)
        // Every iteration of the 100 is on screen at some moment, in order.
        #expect(Set(shown.map(\.iteration)) == Set(0...100), "\(shown.map(\.iteration))")
        #expect(shown.map(\.iteration) == shown.map(\.iteration).sorted())
        // While it runs, a screen every 50 ms (the player's default training speed).
        let ticks = zip(shown.dropFirst(), shown).filter { $0.iteration != $1.iteration }.map {
            (($0.time - $1.time) * 1000).rounded()
        }
        #expect(ticks.filter { $0 == 50 }.count >= 95, "\(ticks)")
    }
}
