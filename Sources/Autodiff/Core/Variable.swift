/// A node that holds data in a define-by-run graph, like DeZero's `Variable`.
///
/// Calling a function on variables records the function as the output's
/// `creator`; ``backward(retainGrad:createGraph:observe:)`` walks those records
/// back and fills in `grad` on every variable that leads to the output.
public class Variable {
    /// The value.
    @exclusivity(unchecked) public var data: Tensor
    /// The gradient of the last backward's output with respect to this variable, once known.
    @exclusivity(unchecked) public var grad: Variable?
    /// A name for printing and for the screens.
    public var name: String? {
        get { nameBox?.text }
        set { nameBox = newValue.map(NameBox.init) }
    }
    // Boxed: most variables have no name, and a 16-byte String would push every
    // variable into a larger allocation.
    @exclusivity(unchecked) private var nameBox: NameBox?
    /// The function that made this variable, or nil for a leaf.
    @exclusivity(unchecked) public internal(set) var creator: Function?
    /// One more than the creator's generation; orders backward like DeZero.
    @exclusivity(unchecked) public internal(set) var generation = 0

    /// A leaf variable holding `data`.
    public init(_ data: Tensor, name: String? = nil) {
        self.data = data
        self.name = name
    }

    /// A 0-d leaf variable holding `value`.
    public convenience init(_ value: Double, name: String? = nil) {
        self.init(Tensor(value), name: name)
    }

    public var shape: [Int] { data.shape }
    public var rank: Int { data.rank }
    public var count: Int { data.count }

    /// Forgets the gradient, so the next backward starts from zero.
    public func cleargrad() { grad = nil }

    // Freeing a long chain by ordinary release would recurse once per node and
    // overflow the stack; take the chain apart here with an explicit stack instead.
    // Its first functions wait in stack memory, so a small graph's teardown
    // allocates nothing; a deep or wide one spills into an array.
    deinit {
        guard creator != nil else { return }
        withUnsafeTemporaryAllocation(of: Function.self, capacity: 32) { buffer in
            var pending = FunctionStack(buffer)
            if let c = creator.take() {
                c.outputAlive = false
                pending.push(c)
            }
            while var f = pending.pop() {
                Function.prefetchEarlierNodes(of: Unmanaged.passUnretained(f))
                guard isKnownUniquelyReferenced(&f) else { continue }
                var x0 = f.slots.x0.take()
                var x1 = f.slots.x1.take()
                var rest = f.slots.rest
                f.slots.rest = []
                Variable.detach(&x0, into: &pending)
                Variable.detach(&x1, into: &pending)
                while !rest.isEmpty {
                    var x: Variable? = rest.removeLast()
                    Variable.detach(&x, into: &pending)
                }
            }
        }
    }

    /// Takes the creator off an input that nothing else holds, so freeing it does not recurse.
    @inline(__always)
    private static func detach(_ x: inout Variable?, into pending: inout FunctionStack) {
        guard isKnownUniquelyReferenced(&x), let c = x?.creator.take() else { return }
        c.outputAlive = false
        pending.push(c)
    }
}

/// A last-in first-out stack of functions in caller-provided memory, spilling
/// into an array when that is full. It must be popped empty before the memory goes.
private struct FunctionStack {
    private let buffer: UnsafeMutableBufferPointer<Function>
    private var count = 0
    private var spill: [Function] = []

    init(_ buffer: UnsafeMutableBufferPointer<Function>) { self.buffer = buffer }

    @inline(__always)
    mutating func push(_ f: consuming Function) {
        guard count < buffer.count, let base = buffer.baseAddress else {
            spill.append(f)
            return
        }
        (base + count).initialize(to: f)
        count += 1
    }

    /// The function pushed last; the array holds the last ones pushed once it is used.
    @inline(__always)
    mutating func pop() -> Function? {
        if !spill.isEmpty { return spill.removeLast() }
        guard count > 0, let base = buffer.baseAddress else { return nil }
        count -= 1
        return (base + count).move()
    }
}

/// A variable's name, kept apart from the variable.
private final class NameBox {
    let text: String
    init(_ text: String) { self.text = text }
}

/// A variable that optimizers update, like DeZero's `Parameter`.
public final class Parameter: Variable {}

extension Variable: CustomStringConvertible {
    /// `variable([[1. 2.] [3. 4.]])`, as DeZero prints a variable.
    public var description: String {
        "variable(" + data.formatted(indent: 9) + ")"
    }
}
