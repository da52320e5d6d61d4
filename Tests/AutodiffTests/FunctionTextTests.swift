import Autodiff
import Testing

/// What each function says of itself for the screens: a short label and its
/// local derivative as text, found from the function that made a variable.
@Suite struct FunctionTextTests {
    func creator(_ make: (Variable, Variable) throws -> Variable) throws -> Function {
        let y = try make(Variable(2.0), Variable(3.0))
        return try #require(y.creator)
    }

    @Test func arithmetic() throws {
        let add = try creator { try $0 + $1 }
        #expect(add.label == "+" && add.derivativeTexts == ["∂y/∂a = 1", "∂y/∂b = 1"])
        let mul = try creator { try $0 * $1 }
        #expect(mul.label == "×" && mul.derivativeTexts == ["∂y/∂a = b", "∂y/∂b = a"])
        let div = try creator { try $0 / $1 }
        #expect(div.label == "÷" && div.derivativeTexts == ["∂y/∂a = 1/b", "∂y/∂b = −a/b²"])
        #expect(try creator { x, _ in try sin(x) }.derivativeTexts == ["∂y/∂x = cos(x)"])
        #expect(try creator { x, _ in try sigmoid(x) }.label == "σ")
    }

    @Test(arguments: [
        (3.0, "**3", "∂y/∂x = 3·x^2"), (2.0, "**2", "∂y/∂x = 2·x"), (1.0, "**1", "∂y/∂x = 1"),
        (-1.0, "**-1", "∂y/∂x = -1·x^-2"), (0.5, "**0.5", "∂y/∂x = 0.5·x^-0.5"),
    ])
    func powerWritesItsExponentPlainly(_ c: Double, _ label: String, _ text: String) throws {
        let f = try creator { x, _ in try pow(x, c) }
        #expect(f.label == label)
        #expect(f.derivativeTexts == [text])
    }

    @Test func matmulNamesItsTwoProducts() throws {
        let f = try creator { _, _ in try matmul(Variable(Tensor.ones([2, 3])), Variable(Tensor.ones([3, 4]))) }
        #expect(f.label == "matmul")
        #expect(f.derivativeTexts.contains { $0.contains("gy · Wᵀ") })
        #expect(f.derivativeTexts.contains { $0.contains("xᵀ · gy") })
    }
}
