/// A provider or other party named in a request or an answer: requesting and servicing providers,
/// facilities, the PCP and the managing medical group of an eligibility answer.
///
/// ```swift
/// let p = Provider(role: .provider, entityType: .organization, organizationName: "VALORI MEDICAL GROUP",
///                  npi: "1234567893")
/// ```
public struct Provider: Sendable, Hashable, Codable {
    /// The role in the transaction.
    public var role: EntityRole
    /// Person or organization.
    public var entityType: EntityType
    /// Organization name (when ``entityType`` is organization).
    public var organizationName: String?
    /// Last name (when a person).
    public var lastName: String?
    /// First name.
    public var firstName: String?
    /// Middle name.
    public var middleName: String?
    /// Name prefix.
    public var namePrefix: String?
    /// Name suffix.
    public var nameSuffix: String?
    /// National Provider Identifier.
    public var npi: String?
    /// The primary identifier when it is not an NPI (tax ID, payer ID …).
    public var otherIdentifier: PartyIdentifier?
    /// Relationship code to the member (eligibility benefit entities only: `01` parent, `41` spouse …).
    public var relationshipCode: String?
    /// Further identifiers (state license `0B`, provider site `G5` …).
    public var references: [Reference]
    /// Address.
    public var address: Address?
    /// Contacts (most places allow one; eligibility benefit entities allow three).
    public var contacts: [Contact]
    /// What the provider does here (admitting, attending, performing …).
    public var function: ProviderFunction?
    /// NUCC provider taxonomy code: the specialty (e.g. `207X00000X` orthopaedic surgery).
    public var taxonomyCode: String?
    /// In an answer: problems with this provider's data.
    public var rejections: [Rejection]

    /// Creates a provider.
    @inlinable
    public init(role: EntityRole = .provider, entityType: EntityType = .person, organizationName: String? = nil,
                lastName: String? = nil, firstName: String? = nil, middleName: String? = nil,
                namePrefix: String? = nil, nameSuffix: String? = nil, npi: String? = nil,
                otherIdentifier: PartyIdentifier? = nil, relationshipCode: String? = nil, references: [Reference] = [],
                address: Address? = nil, contacts: [Contact] = [], function: ProviderFunction? = nil,
                taxonomyCode: String? = nil, rejections: [Rejection] = []) {
        self.role = role
        self.entityType = entityType
        self.organizationName = organizationName
        self.lastName = lastName
        self.firstName = firstName
        self.middleName = middleName
        self.namePrefix = namePrefix
        self.nameSuffix = nameSuffix
        self.npi = npi
        self.otherIdentifier = otherIdentifier
        self.relationshipCode = relationshipCode
        self.references = references
        self.address = address
        self.contacts = contacts
        self.function = function
        self.taxonomyCode = taxonomyCode
        self.rejections = rejections
    }

    /// The name for display: organization name, or "last, first".
    public var displayName: String {
        if let o = organizationName { return o }
        return [lastName, firstName].compactMap { $0 }.joined(separator: ", ")
    }
}
