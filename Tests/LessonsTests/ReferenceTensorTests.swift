import Autodiff
import Testing

@testable import Lessons

/// The tensor numbers of reference-numbers.md, through graph programs.
@Suite struct ReferenceTensorTests {
    @Test func sumOfSum() throws {
        let g = try evaluateProgram(
            """
            x = [[1, 2, 3], [4, 5, 6]]
            c = [[10, 20, 30], [40, 50, 60]]
            t = x + c
            y = sum(t)
            """)
        #expect(scalar(g["y"]) == 231)
        for name in ["x", "c", "t"] {
            #expect(g[name]?.grad == Tensor.ones([2, 3]), "\(name)")
        }
        #expect(g["y"]?.grad == Tensor(1))
    }

    @Test func sineElementwise() throws {
        let g = try evaluateProgram("x = [[1, 2, 3], [4, 5, 6]]\ny = sin(x)\n")
        #expect(
            close(
                g["y"]?.value,
                [
                    0.8414709848078965, 0.9092974268256817, 0.1411200080598672,
                    -0.7568024953079282, -0.9589242746631385, -0.27941549819892586,
                ], shape: [2, 3]))
    }

    @Test func reshapeAndTransposeGradients() throws {
        let r = try evaluateProgram("x = [[1, 2, 3], [4, 5, 6]]\ny = reshape(x, (6,))\n")
        #expect(r["y"]?.value.shape == [6])
        #expect(r["x"]?.grad == Tensor.ones([2, 3]))
        let t = try evaluateProgram("x = [[1, 2, 3], [4, 5, 6]]\ny = transpose(x)\n")
        #expect(t["y"]?.value.shape == [3, 2])
        #expect(t["x"]?.grad == Tensor.ones([2, 3]))
        let m = try evaluateProgram(
            "x = [[1, 2, 3], [4, 5, 6]]\ny = x.T\nz = x.reshape(3, 2)\nw = x.transpose()\nv = y + z + w\n")
        #expect(m["x"]?.grad == Tensor.full([2, 3], 3))
    }

    @Test func sumWithAxisAndKeepdims() throws {
        let g = try evaluateProgram("x = [[1, 2, 3], [4, 5, 6]]\ny = sum(x, axis=0)\n")
        #expect(g["y"]?.value == Tensor([5, 7, 9]))
        let k = try evaluateProgram("x = [[1, 2, 3], [4, 5, 6]]\ny = sum(x, keepdims=True)\n")
        #expect(k["y"]?.value.shape == [1, 1])
        #expect(k["y"]?.value.scalars == [21])
        let method = try evaluateProgram("x = [[1, 2, 3], [4, 5, 6]]\ny = x.sum(axis=0)\n")
        #expect(method["y"]?.value == Tensor([5, 7, 9]))
    }

    @Test func sumTo() throws {
        let a = try evaluateProgram("x = [[1, 2, 3], [4, 5, 6]]\ny = sum_to(x, (1, 3))\n")
        #expect(close(a["y"]?.value, [5, 7, 9], shape: [1, 3]))
        let b = try evaluateProgram("x = [[1, 2, 3], [4, 5, 6]]\ny = sum_to(x, (2, 1))\n")
        #expect(close(b["y"]?.value, [6, 15], shape: [2, 1]))
        #expect(b["x"]?.grad == Tensor.ones([2, 3]))
    }

    @Test func broadcastingGradientIsSummed() throws {
        let g = try evaluateProgram("x0 = [1, 2, 3]\nx1 = [10]\ny = x0 + x1\n")
        #expect(g["y"]?.value == Tensor([11, 12, 13]))
        #expect(g["x1"]?.grad == Tensor([3]))
        let b = try evaluateProgram("x = [1, 2, 3]\nb = broadcast_to(x, (2, 3))\n")
        #expect(b["x"]?.grad == Tensor([2, 2, 2]))
    }

    @Test func matmulShapes() throws {
        let g = try evaluateProgram(
            """
            seed(0)
            x = randn(2, 3)
            W = randn(3, 4)
            y = matmul(x, W)
            z = x @ W
            """, file: "m.graph")
        #expect(g.output == "z")
        #expect(g["x"]?.grad?.shape == [2, 3])
        #expect(g["W"]?.grad?.shape == [3, 4])
        // gx = gy · Wᵀ with gy all ones: each row is W's row sums.
        let w = try #require(g["W"]?.value)
        let rowSums = (0..<3).map { r in (0..<4).reduce(0.0) { $0 + w.scalars[r * 4 + $1] } }
        #expect(close(g["x"]?.grad, rowSums + rowSums, rel: 1e-12))
    }

    @Test func seedMatchesNumPy() throws {
        // np.random.seed(0); np.random.rand(3)
        let g = try evaluateProgram("seed(0)\ndata x = rand(3)\ny = x * 1\n")
        #expect(g["x"]?.value.scalars == [0.5488135039273248, 0.7151893663724195, 0.6027633760716439])
        #expect(g["x"]?.kind == .data)
        #expect(g["x"]?.grad == nil)
    }

    @Test func jsonFollowsTheContract() throws {
        let lesson = try LessonLoader.parse(
            text: "data t = [1, 2, 3]\nparam W = [[1, 2], [3, 4]]\nx = -2.0\ny = sum(W) * x + sum(t) * 0.1\n",
            file: "j.graph")
        let text = try Evaluation(lesson: lesson).json.rendered()
        #expect(text.contains("\"step\": null"))
        #expect(
            text.contains(
                "\"t\": {\n          \"kind\": \"data\",\n          \"shape\": [3],\n          \"value\": [1.0, 2.0, 3.0],\n          \"grad\": null"
            ))
        #expect(text.contains("\"value\": [[1.0, 2.0], [3.0, 4.0]]"))
        #expect(text.contains("\"grad\": [[-2.0, -2.0], [-2.0, -2.0]]"))
        #expect(text.contains("\"train\": null"))
    }

    @Test func nanAndInfinityAreStrings() throws {
        let lesson = try LessonLoader.parse(text: "x = [0, -1, 1]\ny = log(x)\n", file: "n.graph")
        let text = try Evaluation(lesson: lesson).json.rendered()
        #expect(text.contains("\"value\": [\"-inf\", \"nan\", 0.0]"))
        #expect(text.contains("\"grad\": [\"inf\", -1.0, 1.0]"))
    }
}
