/// One component of a composite as a guide uses it: the dictionary element, with the guide's narrowing applied.
public final class ComponentSpec: Sendable {
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

    /// The flattened form the validator's clean path reads.
    let plan: ValuePlan

    /// Creates a spec (the loader does).
    public init(position: Int, element: ElementDefinition, usage: Usage, guideCodes: CodeSet?, minLength: Int, maxLength: Int, name: String) {
        self.position = position
        self.element = element
        self.usage = usage
        self.guideCodes = guideCodes
        self.minLength = minLength
        self.maxLength = maxLength
        self.name = name
        plan = ValuePlan(usage: usage, isComposite: false, definition: element, maxRepeat: 1,
                         guideCodes: guideCodes, minLength: minLength, maxLength: maxLength)
    }
}
