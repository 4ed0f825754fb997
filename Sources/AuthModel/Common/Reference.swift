/// A further identifier of a party or a service: a group number, a state license, a patient account number …
///
/// `kind` holds the industry qualifier code of the identifier (e.g. `6P` group number, `0B` state license,
/// `EJ` patient account number, `9F` referral number, `G1` prior authorization number); the code lists are
/// long, partner-specific and change, so they stay codes.
public struct Reference: Sendable, Hashable, Codable {
    /// The qualifier code naming what the identifier is.
    public var kind: String
    /// The identifier.
    public var value: String
    /// A description (a plan or group name, or a state for a license).
    public var description: String?

    /// Creates a reference.
    public init(kind: String, value: String, description: String? = nil) {
        self.kind = kind
        self.value = value
        self.description = description
    }
}
