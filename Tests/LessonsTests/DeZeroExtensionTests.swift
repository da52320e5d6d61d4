import Autodiff
import Foundation
import Testing

@testable import Lessons

/// The graph-language extension against DeZero 0.0.13 in float64: the programs
/// below are Tests/Reference/dezero_extension.py written in the graph language.
/// The script runs when dezero can be imported; otherwise its recorded output
/// (Tests/Reference/dezero-extension.json) stands in.
@Suite struct DeZeroExtensionTests {
    static let indexing = """
        x = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
        a = x[1]
        b = x[:, 0]
        c = x[[0, 0, 1], [2, 2, 0]]
        d = x[::-1, 1:]
        e = get_item(x, [1, 1])
        g = x[0, [2, 0, 2]]
        f = sum(a) + sum(b * b) + sum(c * c) + sum(d ** 3) + sum(e * 2) + sum(g * x[1, 1])
        """

    static let classify = """
        data x, t = spiral(train=True)
        model M = MLP((10, 3))
        y = M(x)
        p = log_softmax(y)
        q = p[arange(300), t]
        s = softmax(y)
        data acc = accuracy(y, t)
        data a = argmax(y, axis=1)
        loss = -sum(q) / 300 + softmax_cross_entropy(y, t) * 0.5 + sum(s[:5, 1])
        """

    static let layers = """
        seed(0)
        x = rand(4, 3)
        layer L1 = Linear(5)
        layer L2 = Linear(2, nobias=True, in_size=5)
        h = tanh(L1(x))
        y = L2(h)
        loss = sum(y * y)
        """

    static let step48 = """
        # Step 48

        ## Train

        ```graph
        data x, t = spiral(train=True)
        model M = MLP((10, 3))
        y = M(x)
        loss = softmax_cross_entropy(y, t)
        ```

        @train loss lr=1 epochs=300 batch=30 every=30
        """

    /// The reference numbers: DeZero's when it is installed, else the recorded ones.
    nonisolated(unsafe) static let reference: [String: Any] = {
        let script = repositoryPath("Tests/Reference/dezero_extension.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        var data: Data?
        if (try? process.run()) != nil {
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            if process.terminationStatus == 0 { data = output }
        }
        let recorded = repositoryPath("Tests/Reference/dezero-extension.json")
        let bytes = data ?? FileManager.default.contents(atPath: recorded) ?? Data()
        return (try? JSONSerialization.jsonObject(with: bytes)) as? [String: Any] ?? [:]
    }()

    private func flat(_ any: Any?) -> [Double]? {
        if let n = any as? NSNumber { return [n.doubleValue] }
        if let list = any as? [Any] {
            var out: [Double] = []
            for item in list {
                guard let part = flat(item) else { return nil }
                out += part
            }
            return out
        }
        return nil
    }

    /// Every name DeZero reports agrees in value and gradient (null where DeZero has none).
    private func compare(_ program: String, _ name: String, rel: Double = 1e-12) throws {
        let graph = try evaluateProgram(program)
        let expected = try #require(Self.reference[name] as? [String: Any], "no reference for \(name)")
        #expect(!expected.isEmpty)
        for (variable, entry) in expected {
            let entry = try #require(entry as? [String: Any])
            let ours = try #require(graph[variable], "\(name): no variable \(variable)")
            let value = try #require(flat(entry["value"]))
            #expect(close(ours.value, value, rel: rel), "\(name).\(variable) value")
            if entry["grad"] is NSNull {
                #expect(ours.grad == nil, "\(name).\(variable) has a gradient; DeZero has none")
            } else {
                let grad = try #require(flat(entry["grad"]))
                #expect(close(ours.grad, grad, rel: rel), "\(name).\(variable) grad")
            }
        }
    }

    @Test func indexingAgreesWithDeZero() throws { try compare(Self.indexing, "indexing") }

    @Test func classificationFunctionsAgreeWithDeZero() throws { try compare(Self.classify, "classify") }

    @Test func layersAgreeWithDeZero() throws { try compare(Self.layers, "layers") }

    @Test func step48EpochLossesAgreeWithDeZero() throws {
        let evaluation = try evaluateLesson(Self.step48)
        let training = try #require(evaluation.graphs.first?.training)
        let expected = try #require(Self.reference["step48"] as? [String: Any])
        let epochs = try #require(flat(expected["epoch_losses"]))
        let losses = try #require(flat(expected["losses"]))
        let ours = try #require(training.epochLosses)
        #expect(ours.count == 300 && epochs.count == 300)
        #expect(zip(ours, epochs).allSatisfy { abs($0 - $1) <= 1e-9 })
        #expect(training.losses.count == 3000)
        #expect(zip(training.losses, losses).allSatisfy { abs($0 - $1) <= 1e-9 })
        let params = try #require(expected["params"] as? [String: Any])
        for (name, value) in params {
            let mine = training.parameters.first { $0.0 == name }?.1
            #expect(close(mine, try #require(flat(value)), rel: 1e-9), "\(name)")
        }
    }
}
