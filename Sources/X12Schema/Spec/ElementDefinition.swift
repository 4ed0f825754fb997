/// A simple element of the dictionary (`dictionary.xml`): id, name, type, length, and the X12 code list.
public final class ElementDefinition: Sendable {
    /// The data element reference number (`98`, `1365`, `I12`); the 999's IK402.
    public let id: String
    /// The element's name.
    public let name: String
    /// The data type.
    public let type: ElementType
    /// Minimum length (digits for numeric types).
    public let minLength: Int
    /// Maximum length (digits for numeric types).
    public let maxLength: Int
    /// The X12 code list, or `nil` when any value is allowed (an external code source).
    public let codes: CodeSet?
    /// Names of the codes that have one (`30` → `Health Benefit Plan Coverage`).
    public let codeNames: [String: String]

    /// Creates a definition.
    public init(id: String, name: String, type: ElementType, minLength: Int, maxLength: Int, codes: CodeSet? = nil, codeNames: [String: String] = [:]) {
        self.id = id
        self.name = name
        self.type = type
        self.minLength = minLength
        self.maxLength = maxLength
        self.codes = codes
        self.codeNames = codeNames
    }
}
