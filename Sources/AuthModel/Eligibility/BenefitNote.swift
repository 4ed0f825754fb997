/// Additional coded information on a benefit: the place of service it applies to, or a nature of injury.
public struct BenefitNote: Sendable, Hashable, Codable {
    /// What the code is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Place of service (CMS code).
        case placeOfService
        /// Nature of injury.
        case natureOfInjury
        /// Nature of injury, NCCI code list.
        case ncciNatureOfInjury
        /// Free text only (no code).
        case text
    }

    /// What the code is.
    public var kind: Kind
    /// The code.
    public var code: String?
    /// Industry category code (`44` nature of injury).
    public var category: String?
    /// Free text.
    public var text: String?

    /// Creates a note.
    public init(kind: Kind, code: String? = nil, category: String? = nil, text: String? = nil) {
        self.kind = kind
        self.code = code
        self.category = category
        self.text = text
    }
}
