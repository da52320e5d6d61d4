import Autodiff
import Testing

@testable import Lessons

/// A small seeded generator so fuzz inputs are random but repeatable.
struct SplitMix64: Sendable {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Random bytes, token soups and random programs through the parser, the
/// interpreter, the frames and the JSON: nothing may crash or hang. Bounded by
/// count, with small limits so that whatever parses also runs quickly.
@Suite struct FuzzTests {
    static var limits: Limits {
        var l = Limits()
        l.tensorElements = 5_000
        l.iterations = 200
        l.trainingWork = 2_000_000
        l.nodes = 300
        l.checkElements = 50
        l.nestingDepth = 40
        return l
    }

    static let graphTokens = [
        "x", "y", "W", "b", "q", "loss", "=", "=", "+", "-", "*", "/", "**", "@", "(", ")", "[", "]", ",", ".",
        "T", "reshape", "transpose", "sum", "axis=", "keepdims=", "True", "None", "0", "1", "2", "2.5", "-3", "1e300",
        "pi", "sin", "exp", "log", "tanh", "sigmoid", "relu", "square", "max", "min", "clip", "softmax",
        "matmul", "linear", "broadcast_to", "sum_to", "softmax_cross_entropy", "mean_squared_error",
        "zeros", "ones", "full", "arange", "rand", "randn", "seed", "data ", "param ", "\n", "\n", "\n", "#", "\"",
        "(2, 3)", "(3,)", "()", "[[1, 2], [3, 4]]", "[1, 2, 3]", "−", "é", "한글", "\\", "\t", " ", " ", " ",
    ]

    static let lessonTokens = [
        "---\n", "title: T\n", "# Title\n", "## Step\n", "```graph\n", "```\n", "@forward\n", "@backward ", "@train ",
        "loss ", "lr=0.1 ", "iters=5 ", "every=2 ", "optimizer=adam ", "@ask ", "\"q?\" ", "answer=", "x.grad ",
        "@plot loss\n", "@plot data x y fit=q\n", "@check ", "@note hi\n", "@output ", "tolerance=0.1 ", "\r\n",
        "- item\n", "    code\n", "**bold** ", "`code` ", "\n",
    ]

    /// Checks, and when the check passes, plays and evaluates `bytes`.
    static func exercise(_ bytes: [UInt8], file: String) {
        let errors = LessonChecker.check(bytes, file: file, limits: limits)
        for e in errors { _ = e.rendered }
        guard errors.isEmpty, let lesson = try? LessonLoader.parse(bytes, file: file, limits: limits) else { return }
        if let trace = try? LessonTrace(lesson: lesson, limits: limits) { _ = trace.json.rendered() }
        if let evaluation = try? Evaluation(lesson: lesson, limits: limits) { _ = evaluation.json.rendered() }
    }

    @Test func randomBytes() {
        var rng = SplitMix64(state: 1)
        for i in 0..<1500 {
            let count = rng.below(200)
            let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            Self.exercise(bytes, file: i % 2 == 0 ? "f.graph" : "f.md")
        }
    }

    @Test func graphTokenSoup() {
        var rng = SplitMix64(state: 2)
        for _ in 0..<1500 {
            let text = (0..<rng.below(40)).map { _ in rng.pick(Self.graphTokens) + (rng.below(3) == 0 ? " " : "") }
                .joined()
            Self.exercise(Array(text.utf8), file: "soup.graph")
        }
    }

    @Test func lessonTokenSoup() {
        var rng = SplitMix64(state: 3)
        for _ in 0..<1000 {
            var text = ""
            for _ in 0..<rng.below(30) {
                text += rng.below(3) == 0 ? rng.pick(Self.graphTokens) + " " : rng.pick(Self.lessonTokens)
            }
            Self.exercise(Array(text.utf8), file: "soup.md")
        }
    }

    /// Programs from a small grammar, so most of them parse and reach the engine.
    @Test func randomPrograms() {
        var rng = SplitMix64(state: 4)
        var ran = 0
        for _ in 0..<600 {
            var names: [String] = []
            var lines: [String] = []
            if rng.below(2) == 0 { lines.append("seed(\(rng.below(5)))") }
            for k in 0..<(1 + rng.below(8)) {
                let name = "v\(k)"
                let expression =
                    names.isEmpty || rng.below(4) == 0
                    ? Self.leaf(&rng)
                    : Self.expression(&rng, names, depth: 0)
                let prefix = rng.below(6) == 0 ? "param " : (rng.below(8) == 0 ? "data " : "")
                lines.append(prefix + name + " = " + expression)
                names.append(name)
            }
            let last = names.last ?? "v0"
            // A scalar loss that reaches a param, so @train and @ask have something to do.
            lines.insert("param p0 = randn(2)", at: 0)
            lines.append("loss = sum(\(last)) + sum(p0 * p0)")
            let program = lines.joined(separator: "\n")
            let lesson =
                "# R\n\n## S\n\n```graph\n\(program)\n```\n\n@forward\n@backward\n@check\n@ask \"?\" answer=loss tolerance=1\n@train loss iters=\(1 + rng.below(20)) every=\(1 + rng.below(5)) optimizer=\(rng.pick(["sgd", "momentum", "adam"]))\n@plot loss\n"
            let errors = LessonChecker.check(Array(lesson.utf8), file: "r.md", limits: Self.limits)
            if errors.isEmpty { ran += 1 }
            Self.exercise(Array(lesson.utf8), file: "r.md")
            Self.exercise(Array(program.utf8), file: "r.graph")
        }
        // Most random programs are wrong somewhere; enough of them must run to mean something.
        #expect(ran > 20)
    }

    static func leaf(_ rng: inout SplitMix64) -> String {
        let shapes = ["", "3", "2, 3", "3, 2", "1, 3", "2, 1"]
        switch rng.below(6) {
        case 0: return String(rng.below(7) - 3)
        case 1: return "[1, -2, 3]"
        case 2: return "[[1, 2, 3], [4, 5, 6]]"
        case 3: return "\(rng.pick(["rand", "randn", "zeros", "ones"]))(\(rng.pick(shapes)))"
        case 4: return "0.5 * randn(\(rng.pick(shapes)))"
        default: return "arange(\(rng.below(4) + 1))"
        }
    }

    static func expression(_ rng: inout SplitMix64, _ names: [String], depth: Int) -> String {
        if depth > 3 || rng.below(3) == 0 { return rng.below(5) == 0 ? leaf(&rng) : rng.pick(names) }
        let a = expression(&rng, names, depth: depth + 1)
        let b = expression(&rng, names, depth: depth + 1)
        switch rng.below(10) {
        case 0: return "\(a) \(rng.pick(["+", "-", "*", "/"])) \(b)"
        case 1: return "(\(a)) @ (\(b))"
        case 2: return "\(rng.pick(["exp", "sin", "cos", "tanh", "sigmoid", "relu", "square", "log"]))(\(a))"
        case 3: return "sum(\(a)\(rng.pick(["", ", axis=0", ", axis=1", ", keepdims=True", ", axis=(0, 1)"])))"
        case 4: return "(\(a)).\(rng.pick(["T", "reshape(-1)", "transpose()", "sum()", "reshape(3, 2)"]))"
        case 5: return "(\(a)) ** \(rng.pick(["2", "0.5", "-1", "3"]))"
        case 6: return "\(rng.pick(["max", "min", "softmax"]))(\(a)\(rng.pick(["", ", axis=0", ", axis=1"])))"
        case 7:
            return
                "\(rng.pick(["broadcast_to", "sum_to", "reshape"]))(\(a), \(rng.pick(["(2, 3)", "(3,)", "(1, 3)", "()", "(6,)"])))"
        case 8: return "\(rng.pick(["matmul", "mean_squared_error", "linear"]))(\(a), \(b))"
        default: return "clip(\(a), -1, 1) - \(b)"
        }
    }
}

/// Inputs built to hurt: huge, deep, long. Each must end with errors, quickly.
@Suite struct AdversarialTests {
    static let cases: [(String, String)] = [
        ("long chain", "x = 1\ny = " + String(repeating: "x + ", count: 50_000) + "x\n"),
        ("deep brackets", "x = " + String(repeating: "[", count: 100_000) + "\n"),
        ("unary chain", "x = " + String(repeating: "-", count: 100_000) + "1\n"),
        ("power tower", "x = 2\ny = " + String(repeating: "x ** ", count: 10_000) + "2\n"),
        ("many statements", (0..<20_000).map { "x\($0) = \($0)" }.joined(separator: "\n")),
        ("open bracket forever", "x = (" + String(repeating: "\n1,", count: 20_000)),
        ("huge literal", "x = [" + (0..<100_000).map { _ in "1" }.joined(separator: ",") + "]\n"),
        (
            "huge shapes",
            "x = rand(10 ** 10)\ny = arange(1e300)\nz = zeros((1e14, 1e14))\nw = [1, 2]\nv = reshape(w, (1e14, 1e14))\n"
        ),
        ("huge broadcast", "a = ones(2000, 1)\nb = ones(1, 2000)\nc = a * b\nd = c @ c.T\n"),
        ("nan everywhere", "x = [0, 1]\ny = log(x) * 0\nz = sum(y / y)\n"),
        (
            "odd options",
            "x = [[1, 2], [3, 4]]\na = sum(x, axis=(0, 0))\nb = transpose(x, axes=(1e14, 0))\nc = softmax(x, axis=-7)\nd = clip(x, 0 / 0, 1)\ne = max(x, axis=(0, 1))\n"
        ),
        ("labels", "t = [0.5, 7]\nx = [[1, 2], [3, 4]]\nl = softmax_cross_entropy(x, t)\n"),
    ]

    @Test(arguments: cases.map(\.0))
    func endsWithErrorsOrResults(_ name: String) throws {
        let source = try #require(Self.cases.first { $0.0 == name }?.1)
        let errors = LessonChecker.check(Array(source.utf8), file: "a.graph")
        for e in errors { _ = e.rendered }
        if errors.isEmpty, let lesson = try? LessonLoader.parse(text: source, file: "a.graph") {
            _ = try? Evaluation(lesson: lesson).json.rendered()
        }
    }

    @Test func trainingWorkIsBoundedBeforeItStarts() {
        let lesson = """
            # T

            ```graph
            param W = zeros(200, 100)
            data x = ones(10, 200)
            loss = sum(matmul(x, W))
            ```

            @check
            """
        let errors = LessonChecker.check(Array(lesson.utf8), file: "w.md")
        #expect(
            errors.map(\.message) == [
                "@check would probe 20000 elements, more than 10000 (the check limit); name fewer variables, like @check x"
            ])
    }
}
