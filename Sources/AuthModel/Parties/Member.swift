/// A health plan member: the subscriber or a dependent (the patient when there is no dependent).
///
/// ```swift
/// var m = Member(memberId: "W123456789", lastName: "KAVORA", firstName: "MELI")
/// m.dateOfBirth = CalendarDate(year: 1984, month: 3, day: 9)
/// m.gender = .female
/// ```
public struct Member: Sendable, Hashable, Codable {
    /// The member ID (the same identifier portals call Member ID, Member Policy # …). A dependent in a
    /// request has none: it is identified through the subscriber.
    public var memberId: String?
    /// What kind of ID ``memberId`` is (`memberId` unless a standard unique health identifier).
    public var memberIdKind: PartyIdentifier.Kind?
    /// Person (almost always) or organization.
    public var entityType: EntityType
    /// Last name (or organization name).
    public var lastName: String?
    /// First name.
    public var firstName: String?
    /// Middle name or initial.
    public var middleName: String?
    /// Name prefix.
    public var namePrefix: String?
    /// Name suffix (`JR`, `III`).
    public var nameSuffix: String?
    /// Birth date.
    public var dateOfBirth: CalendarDate?
    /// Gender.
    public var gender: Gender?
    /// The relationship to the subscriber (`self` for the subscriber), when stated.
    public var relationship: Relationship?
    /// Birth sequence number, for multiple births.
    public var birthSequence: Int?
    /// In an answer: the payer corrected the member's identifying data.
    public var identityCorrected: Bool
    /// Address.
    public var address: Address?
    /// Further identifiers (group number `6P`, plan number `18`, patient account `EJ` …).
    public var references: [Reference]
    /// Eligibility only: trace numbers at this member's level.
    public var traceNumbers: [TraceNumber]
    /// Eligibility only: the member's dates (plan, eligibility, issue …).
    public var dates: [EligibilityDate]
    /// Eligibility only: diagnoses sent with the inquiry.
    public var diagnoses: [Diagnosis]
    /// In an answer: why the member could not be found or matched.
    public var rejections: [Rejection]

    /// Creates a member.
    @inlinable
    public init(memberId: String? = nil, memberIdKind: PartyIdentifier.Kind? = nil, entityType: EntityType = .person,
                lastName: String? = nil, firstName: String? = nil, middleName: String? = nil,
                namePrefix: String? = nil, nameSuffix: String? = nil, dateOfBirth: CalendarDate? = nil,
                gender: Gender? = nil, relationship: Relationship? = nil, birthSequence: Int? = nil,
                identityCorrected: Bool = false, address: Address? = nil, references: [Reference] = [],
                traceNumbers: [TraceNumber] = [], dates: [EligibilityDate] = [], diagnoses: [Diagnosis] = [],
                rejections: [Rejection] = []) {
        self.memberId = memberId
        self.memberIdKind = memberIdKind
        self.entityType = entityType
        self.lastName = lastName
        self.firstName = firstName
        self.middleName = middleName
        self.namePrefix = namePrefix
        self.nameSuffix = nameSuffix
        self.dateOfBirth = dateOfBirth
        self.gender = gender
        self.relationship = relationship
        self.birthSequence = birthSequence
        self.identityCorrected = identityCorrected
        self.address = address
        self.references = references
        self.traceNumbers = traceNumbers
        self.dates = dates
        self.diagnoses = diagnoses
        self.rejections = rejections
    }

    /// The group number (`6P`) or group/policy number (`1L`), when given.
    public var groupNumber: String? { references.first { $0.kind == "6P" || $0.kind == "1L" }?.value }
}
