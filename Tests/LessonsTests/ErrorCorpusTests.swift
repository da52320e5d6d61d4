import Testing

@testable import Lessons

/// One malformed program or lesson and the errors `check` must report for it.
struct CorpusCase: CustomTestStringConvertible, Sendable {
    var name: String
    var file: String
    var source: String
    var errors: [(line: Int, column: Int, message: String)]

    var testDescription: String { name }

    init(_ name: String, file: String = "p.graph", _ source: String, _ errors: (Int, Int, String)...) {
        self.name = name
        self.file = file
        self.source = source
        self.errors = errors.map { (line: $0.0, column: $0.1, message: $0.2) }
    }
}

/// A lesson with one graph at lines 5-9 for directive errors: x, y (inputs), q = x * y, f = sum(q).
private func lesson(_ directives: String, graph: String = "x = [1, 2, 3]\ny = 2\nq = x * y\nf = sum(q)") -> String {
    "# Corpus\n\n## Step\n\n```graph\n\(graph)\n```\n\n\(directives)\n"
}

/// The malformed programs and lessons, each with the exact line, column and message expected.
let errorCorpus: [CorpusCase] = [
    // MARK: Names and functions
    CorpusCase(
        "unknown function", "x = 2\ny = sigmod(x)\n", (2, 5, "unknown function 'sigmod' — did you mean 'sigmoid'?")),
    CorpusCase("unknown name", "x = 1\ny = x + z\n", (2, 9, "unknown name 'z'")),
    CorpusCase(
        "misspelled name", "weight = 1\ny = wieght * 2\n", (2, 5, "unknown name 'wieght' — did you mean 'weight'?")),
    CorpusCase("used before assigned", "y = x * 2\nx = 1\n", (1, 5, "'x' is used before it is assigned (on line 2)")),
    CorpusCase(
        "reassignment", "x = 1\nx = 2\n",
        (2, 1, "'x' is already assigned on line 1; a graph program assigns each name once")),
    CorpusCase("reserved name", "sum = 1\n", (1, 1, "'sum' is a function of the graph language; choose another name")),
    CorpusCase("e is an ordinary name", "y = e ** 2\n", (1, 5, "unknown name 'e' (for Euler's number write exp(1))")),
    CorpusCase("function as value", "y = sin + 1\n", (1, 5, "'sin' is a function: call it, like sin(x)")),
    CorpusCase("variable called", "x = 1\ny = x(2)\n", (2, 5, "'x' is a variable, not a function")),
    CorpusCase(
        "module prefix", "x = 1\ny = F.sin(x)\n",
        (2, 5, "write sin(…) without 'F.': functions are called by their names alone")),
    CorpusCase(
        "unknown method", "x = [1, 2]\ny = x.transpos()\n",
        (2, 7, "'x' has no method 'transpos' — did you mean 'transpose'?")),
    CorpusCase(".grad outside @ask", "x = 1\ny = x.grad\n", (2, 7, "'.grad' can only be used in an @ask answer")),
    CorpusCase(
        "errors do not cascade", "y = sigmod(1)\nz = y * 2\nw = z + q\n",
        (1, 5, "unknown function 'sigmod' — did you mean 'sigmoid'?"), (3, 9, "unknown name 'q'")),

    // MARK: Shapes
    CorpusCase(
        "cannot broadcast", "a = [[1, 2, 3], [4, 5, 6]]\nb = [1, 2]\nc = a + b\n",
        (3, 7, "cannot add shapes (2, 3) and (2,) in a + b")),
    CorpusCase(
        "matmul does not align", "x = [[1, 2, 3], [4, 5, 6]]\nW = [[1, 2, 3], [4, 5, 6]]\ny = matmul(x, W)\n",
        (3, 5, "cannot matmul shapes (2, 3) and (2, 3) in matmul(x, W): 3 columns ≠ 2 rows")),
    CorpusCase(
        "@ does not align", "x = [[1, 2, 3], [4, 5, 6]]\nW = [1, 2]\ny = x @ W\n",
        (3, 7, "cannot matmul shapes (2, 3) and (2,) in x @ W: 3 columns ≠ 2 rows")),
    CorpusCase(
        "axis out of range", "x = [[1, 2], [3, 4]]\ns = sum(x, axis=2)\n",
        (2, 5, "sum: axis 2 is out of bounds for a tensor of rank 2")),
    CorpusCase(
        "reshape count", "x = [1, 2, 3]\nr = reshape(x, (2, 2))\n",
        (2, 5, "reshape: cannot reshape a tensor of shape (3,) (3 elements) into (2, 2)")),
    CorpusCase(
        "ragged literal", "x = [[1, 2], [3]]\n",
        (1, 14, "this item has shape (1,) but the first has (2,); tensor literals must be rectangular")),
    CorpusCase(
        "variable in a literal", "a = 1\nx = [a, 2]\n", (2, 6, "a tensor literal holds numbers only; 'a' is a variable")
    ),

    // MARK: Arguments and options
    CorpusCase("too many arguments", "x = 1\ny = sin(x, x)\n", (2, 12, "sin() takes 1 argument, got 2: sin(x)")),
    CorpusCase("missing argument", "x = 1\ny = matmul(x)\n", (2, 5, "matmul() needs 'W': it takes matmul(x, W)")),
    CorpusCase(
        "unknown option", "x = [1, 2]\ns = sum(x, axes=0)\n",
        (2, 12, "sum() has no option 'axes' — did you mean 'axis'?")),
    CorpusCase(
        "keepdims not a flag", "x = [1, 2]\ny = sum(x, keepdims=1)\n",
        (2, 21, "keepdims must be True or False, got '1'")),
    CorpusCase(
        "variable exponent", "x = 2\ny = 3\nz = x ** y\n",
        (3, 10, "the exponent of ** must be a constant number; 'y' is a variable")),
    CorpusCase(
        "tuple as a value", "x = (2, 3)\n",
        (1, 5, "'(2, 3)' is not a value: tuples, True, False and None are only shapes, axes or options")),
    CorpusCase(
        "True as an operand", "x = 1\ny = x + True\n", (2, 9, "'True' can only be an option value, like keepdims=True")),
    CorpusCase("negative dimension", "x = zeros(-1, 2)\n", (1, 5, "zeros(): dimensions cannot be negative, got -1")),
    CorpusCase("fractional dimension", "x = rand(2.5)\n", (1, 10, "a dimension must be a whole number, got 2.5")),
    CorpusCase("seed out of range", "seed(-1)\n", (1, 6, "seed must be between 0 and 4294967295, got -1")),
    CorpusCase("seed in an expression", "x = seed(1)\n", (1, 5, "seed(N) is a statement of its own, on its own line")),
    CorpusCase(
        "positional after keyword", "x = [1, 2]\ny = sum(x, axis=0, True)\n",
        (2, 20, "a positional argument cannot follow a keyword argument")),

    // MARK: Limits
    CorpusCase(
        "tensor element limit", "x = zeros(100000, 100000)\n",
        (1, 5, "zeros(100000, 100000) would have 10000000000 elements; the limit is 4000000 (tensor elements)")),
    CorpusCase(
        "broadcast element limit", "a = zeros(4000, 1)\nb = zeros(1, 4000)\nc = a + b\n",
        (3, 7, "the result of 'a + b' would have 16000000 elements; the limit is 4000000 (tensor elements)")),
    CorpusCase(
        "nesting limit", "x = " + String(repeating: "(", count: 150) + "1" + String(repeating: ")", count: 150) + "\n",
        (
            1, 105,
            "expression is nested too deeply (more than 100 levels, the nesting depth limit); split it into several statements"
        )),
    CorpusCase(
        "graph work limit", "a = zeros(2000, 2000)\nb = matmul(a, a)\n",
        (
            2, 5,
            "'matmul(a, a)' would cost about 24000000000 element operations, more than 1000000000 for the whole graph (the graph work limit)"
        )),
    CorpusCase(
        "node limit", "x = 1\n" + (0..<700).map { "y\($0) = x + \($0)" }.joined(separator: "\n") + "\n",
        (668, 1, "the graph has more than 2000 nodes (the node limit)")),

    // MARK: Syntax
    CorpusCase("missing operand", "x = 1 +\n", (1, 7, "expected an expression after '+'")),
    CorpusCase("missing expression", "x =\n", (1, 4, "expected an expression after '='")),
    CorpusCase(
        "unclosed parenthesis recovers", "x = sin(1\ny = 2 +\n", (1, 8, "'(' is never closed"),
        (2, 7, "expected an expression after '+'")),
    CorpusCase("lookalike operator", "x = 2 × 3\n", (1, 7, "unexpected '×' (U+D7) — use '*'")),
    CorpusCase("unicode minus", "x = −2\n", (1, 5, "unexpected '−' (U+2212) — use '-'")),
    CorpusCase(
        "comparison", "x = 1 == 2\n", (1, 7, "'==' is not part of the graph language (use '=' to assign a name)")),
    CorpusCase("string", "x = \"two\"\n", (1, 5, "strings are not part of the graph language")),
    CorpusCase("number glued to a name", "x = 2x\n", (1, 5, "'2x' is not a number or a name")),
    CorpusCase("bare expression", "x = 1\nsin(x)\n", (2, 1, "a statement must name its result, like 'y = sin(x)'")),
    CorpusCase("assign to attribute", "x.T = 1\n", (1, 1, "cannot assign to 'x.T': the left of '=' must be one name")),
    CorpusCase("chained assignment", "x = y = 1\n", (1, 7, "unexpected '=': one assignment per line")),
    CorpusCase(
        "index out of bounds", "x = [1, 2]\ny = x[5]\n",
        (2, 6, "get_item: index 5 is out of bounds for axis 0 with size 2")),
    CorpusCase("unclosed index", "x = [1, 2]\ny = x[0\n", (2, 6, "'[' is never closed")),
    CorpusCase("call on a value", "x = (1)(2)\n", (1, 8, "only a function name can be called, like sin(x)")),

    // MARK: Lesson structure and directives
    CorpusCase(
        "unknown directive", file: "l.md", "# T\n\n@foward\n",
        (3, 1, "unknown directive '@foward' — did you mean '@forward'?")),
    CorpusCase(
        "unknown option", file: "l.md", lesson("@train f lr=0.1 iter=100"),
        (12, 17, "unknown option 'iter' for @train — did you mean 'iters'?")),
    CorpusCase(
        "bad optimizer", file: "l.md", lesson("@train f optimizer=adma"),
        (12, 20, "optimizer must be sgd, momentum or adam, not 'adma' — did you mean 'adam'?")),
    CorpusCase("bad number", file: "l.md", lesson("@train f lr=fast"), (12, 13, "lr must be a number, not 'fast'")),
    CorpusCase(
        "iteration limit", file: "l.md", lesson("@train f iters=5000000"),
        (12, 16, "iters=5000000 is more than 1000000 (the iteration limit)")),
    CorpusCase(
        "training frame limit", file: "l.md", lesson("@train f iters=100000 every=1"),
        (
            12, 29,
            "iters=100000 every=1 makes 100001 training frames, more than 2000 (the training frame limit); raise every"
        )),
    CorpusCase(
        "question without quotes", file: "l.md", lesson("@ask What? answer=1"),
        (12, 6, "@ask needs its question in quotes first: @ask \"What is ∂f/∂x?\" answer=-4")),
    CorpusCase(
        "question without answer", file: "l.md", lesson("@ask \"What?\""),
        (12, 1, "@ask needs answer=VALUE, a number or an expression like x.grad")),
    CorpusCase(
        "unclosed question", file: "l.md", lesson("@ask \"What answer=1"),
        (12, 6, "this string is never closed: add a '\"' at its end")),
    CorpusCase(
        "unknown backward target", file: "l.md", lesson("@backward ff"),
        (12, 11, "'ff' is not a name in the current graph (@backward) — did you mean 'f'?")),
    CorpusCase(
        "directive without a graph", file: "l.md", "# T\n\n@forward\n",
        (3, 1, "@forward needs a graph: put a ```graph block in this step or an earlier one")),
    CorpusCase(
        "loss plot before training", file: "l.md", lesson("@plot loss"),
        (12, 1, "@plot loss needs a @train on the current graph before it")),
    CorpusCase(
        "plot what", file: "l.md", lesson("@plot lost"),
        (12, 7, "@plot shows 'loss', 'data' or 'regions', not 'lost' — did you mean 'loss'?")),
    CorpusCase(
        "loss not a scalar", file: "l.md", lesson("@train q"),
        (12, 8, "the loss must be one number; 'q' has shape (3,)")),
    CorpusCase(
        "nothing to train", file: "l.md", lesson("@train f"),
        (12, 1, "nothing to train: the graph has no param (declare one like 'param W = zeros(1, 1)')")),
    CorpusCase(
        "answer before backward", file: "l.md", lesson("@ask \"?\" answer=x.grad"),
        (12, 17, "x.grad is not known here: no @backward has reached 'x' by this step")),
    CorpusCase(
        "answer not one number", file: "l.md", lesson("@backward f\n@ask \"?\" answer=x.grad"),
        (13, 17, "the answer must be one number; 'x.grad' has shape (3,)")),
    CorpusCase(
        "check an intermediate", file: "l.md", lesson("@check q"),
        (12, 8, "@check compares the gradients of inputs and params; 'q' is computed by the graph")),
    CorpusCase(
        "plot data counts differ", file: "l.md", lesson("@plot data x q fit=f"),
        (12, 20, "cannot plot fit f with q: f has 1 values, q has 3")),
    CorpusCase(
        "graph errors at file lines", file: "l.md", lesson("@forward", graph: "x = 1\ny = x +* 2"),
        (7, 8, "expected an expression, found '*'")),
    CorpusCase(
        "unknown front matter key", file: "l.md", "---\ntitel: X\n---\n# T\n",
        (2, 1, "unknown front matter key 'titel' — did you mean 'title'?")),
    CorpusCase(
        "front matter never closed", file: "l.md", "---\ntitle: X\n\n# T\n",
        (1, 1, "the front matter starting here is never closed with a '---' line")),
    CorpusCase(
        "minutes not a number", file: "l.md", "---\nminutes: abc\n---\n# T\n",
        (2, 10, "minutes must be a whole number, not 'abc'")),
    CorpusCase(
        "graph block never closed", file: "l.md", "# T\n\n```graph\nx = 1\n",
        (3, 1, "this ``` block is never closed: add a line with ``` after it")),
    CorpusCase(
        "unclosed block: the rest of the file is not read as code", file: "l.md",
        "# T\n\n## S\n\n```graph\nx = 1\n\n@forward\n\n## S2\n\nSome prose here.\n\n@backward\n",
        (5, 1, "this ``` block is never closed: add a line with ``` after it")),
    CorpusCase(
        "a bare @backward is not blamed for @output's unknown name", file: "l.md", lesson("@backward\n\n@output z"),
        (14, 9, "'z' is not a name in the current graph (@output)")),
    CorpusCase(
        "a bare @backward from data is reported at @output", file: "l.md",
        lesson("@backward\n\n@output x", graph: "data x = [1, 2, 3]\ny = 2\nq = x * y\nf = sum(q)"),
        (
            14, 9,
            "'x' is data: the @backward on line 12 starts from the output @output names, and backward starts from a variable the graph computes"
        )),
    CorpusCase(
        "@backward naming data is reported at its name", file: "l.md",
        lesson("@backward x", graph: "data x = [1, 2, 3]\ny = 2\nq = x * y\nf = sum(q)"),
        (12, 11, "'x' is data: backward starts from a variable the graph computes")),
    CorpusCase(
        "second title", file: "l.md", "# T\n\n# U\n", (3, 1, "a lesson has one '# ' title; start a step with '## '")),
    CorpusCase("empty step title", file: "l.md", "# T\n\n##\n", (3, 1, "a step needs a title after '## '")),
    CorpusCase(
        "every error in a file", file: "l.md", "# T\n\n@foward\n\n```graph\nx = sigmod(1)\n```\n\n@train x lr=-1\n",
        (3, 1, "unknown directive '@foward' — did you mean '@forward'?"),
        (6, 5, "unknown function 'sigmod' — did you mean 'sigmoid'?"),
        (9, 13, "lr cannot be negative, got -1")),
    CorpusCase(
        "training work limit", file: "l.md",
        lesson(
            "@train loss iters=1000000 every=1000",
            graph: "param W = zeros(100, 100)\ndata x = ones(100, 100)\nloss = sum(matmul(x, W))"),
        (
            11, 19,
            "training would cost about 3030000000000 element operations (1000000 iterations × 3030000), more than 20000000000 (the training work limit)"
        )),
]

/// Likely mistakes `check` warns about (a lesson with them still opens), with the exact place and message.
let warningCorpus: [CorpusCase] = [
    CorpusCase(
        "indented directive", file: "l.md", lesson("  @forward"),
        (
            12, 3,
            "this @forward is indented, so it is shown as text and never run; start it at the beginning of the line"
        )),
    CorpusCase("indented text that is no directive", file: "l.md", lesson("  @someone wrote this")),
    CorpusCase(
        "every past iters", file: "l.md",
        lesson("@train loss iters=5 every=10", graph: "param w = 1\nloss = w * w"),
        (10, 27, "every=10 is more than iters=5: the training shows only its first and last frames")),
    CorpusCase(
        "every past epochs", file: "l.md",
        lesson("@train loss epochs=3 every=4", graph: "param w = 1\nloss = w * w"),
        (10, 28, "every=4 is more than epochs=3: the training shows only its first and last frames")),
    CorpusCase(
        "every equal to iters", file: "l.md", lesson("@train loss iters=5 every=5", graph: "param w = 1\nloss = w * w")),
]

@Suite struct ErrorCorpusTests {
    @Test(arguments: warningCorpus)
    func warnsWithLineColumnAndMessage(_ c: CorpusCase) throws {
        let found = checkErrors(c.source, file: c.file)
        #expect(
            found.map { "\($0.line):\($0.column): \($0.message)" }
                == c.errors.map { "\($0.line):\($0.column): \($0.message)" })
        for d in found {
            #expect(d.severity == .warning)
            #expect(d.rendered.hasPrefix("\(c.file):\(d.line):\(d.column): warning: "))
        }
        // A warning never stops the lesson from opening.
        _ = try LessonLoader.parse(text: c.source, file: c.file)
    }

    @Test func corpusIsLargeEnough() {
        #expect(errorCorpus.count >= 40)
    }

    @Test(arguments: errorCorpus)
    func reportsLineColumnAndMessage(_ c: CorpusCase) {
        let found = checkErrors(c.source, file: c.file)
        let actual = found.map { "\($0.line):\($0.column): \($0.message)" }
        let expected = c.errors.map { "\($0.line):\($0.column): \($0.message)" }
        #expect(actual == expected)
        for d in found {
            #expect(d.file == c.file)
            #expect(d.rendered.hasPrefix("\(c.file):\(d.line):\(d.column): error: "))
        }
    }

    @Test func fileSizeLimit() {
        var limits = Limits()
        limits.fileBytes = 100
        let errors = LessonChecker.check(
            Array(repeating: UInt8(ascii: "a"), count: 101), file: "big.md", limits: limits)
        #expect(errors.map(\.message) == ["the file has 101 bytes, more than 100 (the file size limit)"])
    }

    @Test func graphBlockLimit() {
        var limits = Limits()
        limits.graphs = 2
        let text = "# T\n\n## S\n\n" + (1...4).map { "```graph\nx = \($0)\n```\n\n" }.joined()
        let errors = LessonChecker.check(Array(text.utf8), file: "g.md", limits: limits)
        // Reported once, at the first block past the limit (line 13), not once per extra block.
        #expect(
            errors.map { "\($0.line):\($0.column): \($0.message)" }
                == ["13:1: the lesson has more than 2 graph blocks (the graph limit)"])
    }

    @Test func graphWorkAddsUpOverTheWholeGraph() {
        var limits = Limits()
        limits.graphWork = 1_000
        // Each product alone is cheap; the fourth takes the graph past the limit.
        let source = "x = zeros(10, 10)\n" + (1...6).map { "y\($0) = x * x" }.joined(separator: "\n") + "\n"
        let errors = LessonChecker.check(Array(source.utf8), file: "w.graph", limits: limits)
        // 300 operations each (the product and its two gradients): y4 on line 5 would take the graph
        // to 1200; a refused statement adds nothing, so y5 and y6 are refused the same way.
        let expected = (5...7).map {
            "\($0): 'x * x' (about 300 element operations) would take the graph to about 1200, more than 1000 (the graph work limit); split the work over several graphs"
        }
        #expect(errors.map { "\($0.line): \($0.message)" } == expected)
    }

    @Test func stepLimit() {
        var limits = Limits()
        limits.steps = 3
        let text = "# T\n" + (1...5).map { "## S\($0)\n" }.joined()
        let errors = LessonChecker.check(Array(text.utf8), file: "s.md", limits: limits)
        #expect(errors.map { "\($0.line):\($0.message)" } == ["4:the lesson has more than 3 steps (the step limit)"])
    }
}
