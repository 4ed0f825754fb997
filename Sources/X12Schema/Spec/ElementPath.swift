/// An element position in a segment, optionally with a component position (`3`, or `1.2` for HI01-2).
public struct ElementPath: Sendable, Hashable, CustomStringConvertible {
    /// Element position (1-based).
    public let element: Int
    /// Component position (1-based), or `nil` for the whole element.
    public let component: Int?

    /// Creates a path.
    public init(element: Int, component: Int? = nil) {
        self.element = element
        self.component = component
    }

    /// Parses `3` or `1.2`.
    public init?(_ text: String) {
        let parts = text.split(separator: ".")
        guard let e = Int(parts.first ?? ""), e > 0, parts.count <= 2 else { return nil }
        if parts.count == 2 {
            guard let c = Int(parts[1]), c > 0 else { return nil }
            self.init(element: e, component: c)
        } else {
            self.init(element: e)
        }
    }

    /// `3` or `1.2`.
    public var description: String { component.map { "\(element).\($0)" } ?? "\(element)" }
}
