/// A person or an organization.
public enum EntityType: String, Sendable, Hashable, Codable, CaseIterable {
    /// A natural person.
    case person
    /// An organization (a group, a facility, a payer).
    case organization
}
