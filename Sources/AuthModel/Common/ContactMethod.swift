/// One way to reach a contact: a telephone number, a fax number, an e-mail address …
public struct ContactMethod: Sendable, Hashable, Codable {
    /// What kind of number or address this is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Telephone (digits only).
        case phone
        /// Telephone extension (follows a phone).
        case phoneExtension
        /// Fax.
        case fax
        /// E-mail address.
        case email
        /// Web address.
        case url
        /// EDI access number.
        case edi
        /// Work telephone.
        case workPhone
    }

    /// The kind.
    public var kind: Kind
    /// The number or address.
    public var value: String

    /// Creates a contact method.
    public init(_ kind: Kind, _ value: String) {
        self.kind = kind
        self.value = value
    }
}
