/// A function's inputs. Nearly every function has one or two, so those are held
/// inline: an array per node would cost an allocation and its reference counting
/// in every graph built.
struct InputSlots: RandomAccessCollection {
    var x0: Variable?
    var x1: Variable?
    /// The inputs after the second (Linear's bias).
    var rest: [Variable] = []

    init() {}

    @inline(__always)
    init(_ x0: Variable) { self.x0 = x0 }

    @inline(__always)
    init(_ x0: Variable, _ x1: Variable) {
        self.x0 = x0
        self.x1 = x1
    }

    init(_ variables: [Variable]) {
        if variables.count <= 2 {
            x0 = variables.first
            x1 = variables.count == 2 ? variables[1] : nil
        } else {
            x0 = variables[0]
            x1 = variables[1]
            rest = Array(variables.dropFirst(2))
        }
    }

    /// The largest generation among the inputs (0 for none).
    var generation: Int {
        var g = Swift.max(x0?.generation ?? 0, x1?.generation ?? 0)
        for x in rest where x.generation > g { g = x.generation }
        return g
    }

    var startIndex: Int { 0 }
    var endIndex: Int { x0 == nil ? 0 : x1 == nil ? 1 : 2 + rest.count }

    @inline(__always)
    subscript(i: Int) -> Variable {
        if i == 0, let x0 { return x0 }
        if i == 1, let x1 { return x1 }
        // Past the inline two, or out of range: an array's bounds check decides.
        return rest[i - 2]
    }
}
