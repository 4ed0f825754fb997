/// An eligibility and benefit inquiry about one patient (a subscriber, or a dependent of one): the
/// content of a 270 for that patient.
///
/// A 270 transaction may ask about several patients; it maps to several inquiries that share their
/// ``trace``, ``informationSource`` and ``provider``.
///
/// ```swift
/// let inquiry = EligibilityInquiry(
///     trace: TransactionTrace(purpose: .request, reference: "INQ-1", creationDate: today, creationTime: "1200"),
///     informationSource: Payer(name: "VALLEY HEALTH PLAN", identifier: .init(.payerId, "VHP01")),
///     provider: Provider(entityType: .organization, organizationName: "ORCHARD CLINIC", npi: "1234567893"),
///     subscriber: Member(memberId: "W100200300", lastName: "TANAVO", firstName: "RELI"),
///     encounters: [Encounter(serviceTypeCodes: ["30"])])
/// ```
public struct EligibilityInquiry: Sendable, Hashable, Codable {
    /// Purpose, reference, creation date and time.
    public var trace: TransactionTrace
    /// A spend-down inquiry.
    public var spendDown: Bool
    /// The payer asked (the information source).
    public var informationSource: Payer
    /// The provider asking (the information receiver).
    public var provider: Provider
    /// The subscriber.
    public var subscriber: Member
    /// The patient when not the subscriber.
    public var dependent: Member?
    /// What is asked about the patient.
    public var encounters: [Encounter]

    /// Creates an inquiry.
    public init(trace: TransactionTrace, spendDown: Bool = false, informationSource: Payer, provider: Provider,
                subscriber: Member, dependent: Member? = nil, encounters: [Encounter] = []) {
        self.trace = trace
        self.spendDown = spendDown
        self.informationSource = informationSource
        self.provider = provider
        self.subscriber = subscriber
        self.dependent = dependent
        self.encounters = encounters
    }

    /// The patient: the dependent when there is one, else the subscriber.
    public var patient: Member { dependent ?? subscriber }

    /// Every service type asked about (`30` when the inquiry names none).
    public var serviceTypeCodes: [String] {
        let all = encounters.flatMap(\.serviceTypeCodes)
        return all.isEmpty ? ["30"] : all
    }

    /// The date of service asked about: the first encounter date, else the patient's plan date.
    public var dateOfService: DateRange? {
        encounters.lazy.compactMap(\.dateOfService).first ?? patient.dates.first { $0.kind == .plan }?.period
            ?? subscriber.dates.first { $0.kind == .plan }?.period
    }
}
