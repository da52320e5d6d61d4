import Autodiff

/// A JSON document, built in order and printed with numbers in shortest
/// round-trip form (`0.1`, `1e-05`) and NaN/infinities as strings.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int)
    case string(String)
    case array([JSONValue])
    /// Members in the order given.
    case object([JSONMember])

    /// A tensor as nested arrays of its shape (a bare number for shape `[]`).
    public init(_ tensor: Tensor) {
        func build(_ dim: Int, _ offset: Int) -> JSONValue {
            if dim == tensor.shape.count {
                return .number(offset < tensor.scalars.count ? tensor.scalars[offset] : .nan)
            }
            let block = tensor.shape[(dim + 1)...].reduce(1, *)
            return .array((0..<tensor.shape[dim]).map { build(dim + 1, offset + $0 * block) })
        }
        self = build(0, 0)
    }

    /// `.object` from pairs.
    public static func members(_ pairs: [(String, JSONValue)]) -> JSONValue {
        .object(pairs.map { JSONMember(key: $0.0, value: $0.1) })
    }

    /// The document as text: objects one member per line, arrays of scalars on one line.
    public func rendered(indent: String = "  ") -> String {
        var out = ""
        write(into: &out, level: 0, indent: indent)
        return out
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    private func write(into out: inout String, level: Int, indent: String) {
        let pad = String(repeating: indent, count: level)
        let inner = pad + indent
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let n): out += String(n)
        case .number(let v): out += JSONValue.format(v)
        case .string(let s): out += JSONValue.quote(s)
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            if items.allSatisfy(\.isScalar) || items.allSatisfy({ $0.isFlatNumberArray }) {
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += ", " }
                    item.write(into: &out, level: level, indent: indent)
                }
                out += "]"
                return
            }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += inner
                item.write(into: &out, level: level + 1, indent: indent)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += pad + "]"
        case .object(let members):
            if members.isEmpty {
                out += "{}"
                return
            }
            out += "{\n"
            for (i, member) in members.enumerated() {
                out += inner + JSONValue.quote(member.key) + ": "
                member.value.write(into: &out, level: level + 1, indent: indent)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += pad + "}"
        }
    }

    /// Small numeric arrays inside arrays stay on one line: `[[1.0, 2.0], [3.0, 4.0]]`.
    private var isFlatNumberArray: Bool {
        guard case .array(let items) = self else { return false }
        return items.count <= 16 && items.allSatisfy(\.isScalar)
    }

    /// Shortest round-trip text, or `"nan"`, `"inf"`, `"-inf"` as strings.
    static func format(_ v: Double) -> String {
        if v.isNaN { return "\"nan\"" }
        if v.isInfinite { return v < 0 ? "\"-inf\"" : "\"inf\"" }
        return Tensor.shortest(v)
    }

    /// `s` as a JSON string literal, quotes included (control characters escaped).
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// One `"key": value` of a JSON object.
public struct JSONMember: Equatable, Sendable {
    public var key: String
    public var value: JSONValue
}
