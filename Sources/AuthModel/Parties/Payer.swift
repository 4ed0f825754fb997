/// The payer or health plan that answers an eligibility inquiry (the information source), or the
/// utilization management organization that decides a 278 (see ``UtilizationManagementOrganization``).
public struct Payer: Sendable, Hashable, Codable {
    /// Payer, UMO, third-party administrator, employer, gateway provider or plan sponsor.
    public var role: EntityRole
    /// Person or organization.
    public var entityType: EntityType
    /// Organization (or last) name.
    public var name: String?
    /// First name, when a person.
    public var firstName: String?
    /// The payer's identifier (payer ID, NAIC ID, tax ID, CMS plan ID …).
    public var identifier: PartyIdentifier?
    /// Contacts (answers only).
    public var contacts: [Contact]
    /// In an answer: why the payer could not process the request at this level.
    public var rejections: [Rejection]

    /// Creates a payer.
    public init(role: EntityRole = .payer, entityType: EntityType = .organization, name: String? = nil,
                firstName: String? = nil, identifier: PartyIdentifier? = nil, contacts: [Contact] = [],
                rejections: [Rejection] = []) {
        self.role = role
        self.entityType = entityType
        self.name = name
        self.firstName = firstName
        self.identifier = identifier
        self.contacts = contacts
        self.rejections = rejections
    }
}
