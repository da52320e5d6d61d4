/// Anything that can draw itself into a rectangle of a buffer.
///
/// A widget never touches a terminal and must not draw outside `area`
/// (the buffer itself also ignores writes outside its bounds).
public protocol Widget {
    func render(in area: Rect, buffer: inout Buffer)
}

extension Buffer {
    /// Renders `widget` into `area` of this buffer (clipped to the buffer).
    public mutating func render(_ widget: some Widget, in area: Rect) {
        widget.render(in: area.intersection(self.area), buffer: &self)
    }
}
