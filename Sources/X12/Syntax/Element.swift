/// An owned element value: one or more repetitions, each a list of components.
///
/// A simple element is one repetition with one component:
/// ```swift
/// let e: Element = "IL"
/// let composite = Element(components: ["HC", "99213", "25"])
/// let repeated = Element(repetitions: [["1"], ["33"], ["35"]])
/// ```
public struct Element: Sendable, Hashable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The repetitions; each holds its components in order. Never empty.
    public var repetitions: [[String]]

    /// A simple element.
    public init(_ value: String) { repetitions = [[value]] }

    /// A simple element from a literal.
    public init(stringLiteral value: String) { self.init(value) }

    /// A composite element (one repetition).
    public init(components: [String]) { repetitions = [components.isEmpty ? [""] : components] }

    /// A repeated element.
    public init(repetitions: [[String]]) { self.repetitions = repetitions.isEmpty ? [[""]] : repetitions }

    /// The empty element.
    public static let empty = Element("")

    /// The first component of the first repetition: the value of a simple element.
    public var value: String { repetitions.first?.first ?? "" }

    /// `true` when nothing is in the element.
    public var isEmpty: Bool { repetitions.allSatisfy { $0.allSatisfy(\.isEmpty) } }

    /// The component at `position` (1-based) of the first repetition, or `""`.
    public func component(_ position: Int) -> String {
        guard let first = repetitions.first, position >= 1, position <= first.count else { return "" }
        return first[position - 1]
    }

    /// Text with the standard delimiters, for debugging.
    public var description: String { repetitions.map { $0.joined(separator: ":") }.joined(separator: "^") }
}
