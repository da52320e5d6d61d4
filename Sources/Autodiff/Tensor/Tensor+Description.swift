// Printing as NumPy prints arrays, so the screens match DeZero's output.

extension Tensor: CustomStringConvertible {
    /// NumPy-style text, e.g. `[[1. 2.]\n [3. 4.]]`, numbers in shortest round-trip form.
    public var description: String { formatted(indent: 0) }

    /// The same text with continuation lines indented by `indent` extra columns,
    /// as `variable(...)` needs.
    public func formatted(indent: Int) -> String {
        if rank == 0, let v = scalar { return Tensor.format(v) }
        let texts = scalars.map(Tensor.format)
        let width = texts.map(\.count).max() ?? 0
        let padded = texts.map { String(repeating: " ", count: width - $0.count) + $0 }
        var out = ""
        write(dim: 0, offset: 0, padded: padded, indent: indent, into: &out)
        return out
    }

    private func write(dim: Int, offset: Int, padded: [String], indent: Int, into out: inout String) {
        out += "["
        let n = shape[dim]
        let block = shape[(dim + 1)...].reduce(1, *)
        for i in 0..<n {
            if dim == rank - 1 {
                if i > 0 { out += " " }
                out += padded[offset + i]
            } else {
                if i > 0 {
                    out += String(repeating: "\n", count: rank - dim - 1)
                    out += String(repeating: " ", count: indent + dim + 1)
                }
                write(dim: dim + 1, offset: offset + i * block, padded: padded, indent: indent, into: &out)
            }
        }
        out += "]"
    }

    /// One number as NumPy prints it in an array: `2.` for whole numbers, else shortest round-trip.
    public static func format(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        if v == v.rounded() && abs(v) < 1e16 { return String(Int64(v)) + "." }
        return "\(v)"
    }

    /// One number in shortest round-trip form, the way JSON output writes it (`1.0`, `0.1`, `1e-05`).
    public static func shortest(_ v: Double) -> String { "\(v)" }
}
