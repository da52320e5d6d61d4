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
    // overflow the stack: the graph is taken apart with an explicit stack instead.
    deinit {
        if creator != nil { tearDownGraph() }
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
