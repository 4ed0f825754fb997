/// One component of a composite as a guide uses it: the dictionary element, with the guide's narrowing applied.
public struct ComponentSpec: Sendable, Hashable {
    /// Position in the composite (1-based).
    public let position: Int
    /// The dictionary element.
    public let element: ElementDefinition
    /// The guide's usage (base requirement when the guide says nothing).
    public let usage: Usage
    /// The guide's code subset, or `nil` when the guide does not narrow the dictionary list.
    public let guideCodes: CodeSet?
    /// Minimum length after the guide's narrowing.
    public let minLength: Int
    /// Maximum length after the guide's narrowing.
    public let maxLength: Int
    /// The guide's name for it, else the dictionary's.
    public let name: String
}
