import Autodiff
import Foundation
import Testing

/// Gradients of gradients (DeZero steps 33–36).
@Suite struct HigherOrderTests {
    func quartic(_ x: Variable) throws -> Variable { try pow(x, 4) - (try 2.0 * pow(x, 2)) }

    @Test func secondDerivativeOfQuartic() throws {
        let x = Variable(2.0)
        let y = try quartic(x)
        try y.backward(createGraph: true)
        let gx = try #require(x.grad)
        #expect(gx.data.scalar == 24)
        x.cleargrad()
        try gx.backward()
        #expect(x.grad?.data.scalar == 44)
    }

    @Test func newtonsMethodConvergesToOne() throws {
        let x = Variable(2.0)
        var seen: [Double] = []
        for _ in 0..<10 {
            x.cleargrad()
            let y = try quartic(x)
            try y.backward(createGraph: true)
            let gx = try #require(x.grad)
            x.cleargrad()
            try gx.backward()
            let gx2 = try #require(x.grad)
            x.data = try x.data - (try gx.data / gx2.data)
            seen.append(x.data.scalar ?? .nan)
        }
        // DeZero step 33 prints 2, 1.4545…, 1.1510…, 1.0253…, then 1.
        #expect(close(seen[0], 1.4545454545454546))
        #expect(close(seen[9], 1.0))
    }

    @Test func thirdDerivativeOfSin() throws {
        let x = Variable(1.0)
        var g = try sin(x)
        for _ in 0..<3 {
            x.cleargrad()
            try g.backward(createGraph: true)
            g = try #require(x.grad)
        }
        #expect(close(g.data.scalar ?? .nan, -Foundation.cos(1.0)))
    }
}
