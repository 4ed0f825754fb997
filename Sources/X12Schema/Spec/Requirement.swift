/// A base-standard requirement designator in `segments.xml`.
public enum Requirement: String, Sendable, Hashable, Codable {
    /// Mandatory.
    case mandatory = "M"
    /// Optional.
    case optional = "O"
    /// Relational: governed by a syntax rule.
    case relational = "X"

    /// The usage a guide implies when it says nothing: `R` for mandatory, `S` otherwise.
    public var defaultUsage: Usage { self == .mandatory ? .required : .situational }
}
