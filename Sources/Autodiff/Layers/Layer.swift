/// A piece of a model that owns parameters and maybe other layers, like DeZero's `Layer`.
///
/// Subclasses store their parameters and sub-layers as properties (single, or
/// in arrays); ``params()`` finds them by reflection in declaration order, the
/// way DeZero registers attributes as they are assigned.
open class Layer {
    public init() {}

    /// The output for `inputs`; subclasses override this.
    open func forward(_ inputs: [Variable]) throws -> Variable {
        throw AutodiffError.invalid(op: String(describing: type(of: self)), message: "forward is not implemented")
    }

    /// Calls ``forward(_:)``.
    public func callAsFunction(_ inputs: Variable...) throws -> Variable { try forward(inputs) }

    /// Every parameter of this layer and of the layers inside it.
    ///
    /// Found by reflection; layers on a hot training path override it with the list they know.
    open func params() -> [Parameter] {
        var found: [Parameter] = []
        var seen = Set<ObjectIdentifier>()
        collect(into: &found, seen: &seen)
        return found
    }

    private func collect(into found: inout [Parameter], seen: inout Set<ObjectIdentifier>) {
        var mirror: Mirror? = Mirror(reflecting: self)
        var levels: [Mirror] = []
        while let m = mirror {
            levels.append(m)
            mirror = m.superclassMirror
        }
        for level in levels.reversed() {
            for child in level.children { Layer.visit(child.value, into: &found, seen: &seen) }
        }
    }

    // Optional properties need no case of their own: casting an Any that holds
    // `.some(p)` to Parameter unwraps it, and `.none` matches nothing.
    private static func visit(_ value: Any, into found: inout [Parameter], seen: inout Set<ObjectIdentifier>) {
        switch value {
        case let p as Parameter:
            if seen.insert(ObjectIdentifier(p)).inserted { found.append(p) }
        case let layer as Layer:
            if seen.insert(ObjectIdentifier(layer)).inserted { layer.collect(into: &found, seen: &seen) }
        case let list as [Any]:
            for item in list { visit(item, into: &found, seen: &seen) }
        default:
            break
        }
    }

    /// Forgets every parameter's gradient.
    public func cleargrads() {
        for p in params() { p.cleargrad() }
    }
}

/// A layer that is a whole model, like DeZero's `Model`.
open class Model: Layer {}
