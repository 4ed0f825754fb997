import Foundation

/// One entry of an eligibility answer's benefit information: coverage status for service types, a
/// co-payment, co-insurance, deductible, out-of-pocket amount, a limitation, the primary care provider …
///
/// Amounts are money (``amount``), percents are fractions (``percent`` `0.2` = 20 %).
/// ```swift
/// Benefit(kind: .coPayment, coverageLevel: .individual, serviceTypeCodes: ["98"], timePeriod: .visit,
///         amount: 25, inPlanNetwork: .inNetwork)
/// ```
public struct Benefit: Sendable, Hashable, Codable {
    /// What the entry states.
    public var kind: BenefitKind
    /// Whom it covers.
    public var coverageLevel: CoverageLevel?
    /// Service type codes it applies to (`30` health benefit plan coverage, `98` office visit …).
    public var serviceTypeCodes: [String]
    /// Insurance type code (`HM` HMO, `MC` Medicaid, `MA` Medicare Part A …).
    public var insuranceTypeCode: String?
    /// The plan's name or coverage description.
    public var planCoverageDescription: String?
    /// The period an amount or quantity applies to.
    public var timePeriod: TimePeriod?
    /// Money amount (co-payment, deductible, out-of-pocket).
    public var amount: Decimal?
    /// Percent as a fraction (co-insurance: `0.2` = 20 %).
    public var percent: Decimal?
    /// What ``quantity`` counts.
    public var quantityKind: BenefitQuantityKind?
    /// A quantity (visits, days …).
    public var quantity: Decimal?
    /// Whether prior authorization or certification is required.
    public var authorizationRequired: YesNoUnknown?
    /// In or out of network.
    public var inPlanNetwork: NetworkIndicator?
    /// The procedure it applies to.
    public var procedure: Procedure?
    /// 1-based pointers into the member's diagnoses.
    public var diagnosisPointers: [Int]
    /// Delivery limits (e.g. 20 visits a year).
    public var deliveries: [ServiceDelivery]
    /// Identifiers (plan number, prior authorization number …).
    public var references: [Reference]
    /// Dates (benefit begin, plan dates, service dates …).
    public var dates: [EligibilityDate]
    /// Why this part of the inquiry could not be answered.
    public var rejections: [Rejection]
    /// Free-text messages.
    public var messages: [String]
    /// Place of service or nature of injury the benefit applies to.
    public var additionalInformation: [BenefitNote]
    /// Related entities: the PCP, the managing medical group, another payer …
    public var relatedEntities: [Provider]

    /// Creates a benefit entry.
    @inlinable
    public init(kind: BenefitKind, coverageLevel: CoverageLevel? = nil, serviceTypeCodes: [String] = [],
                insuranceTypeCode: String? = nil, planCoverageDescription: String? = nil, timePeriod: TimePeriod? = nil,
                amount: Decimal? = nil, percent: Decimal? = nil, quantityKind: BenefitQuantityKind? = nil,
                quantity: Decimal? = nil, authorizationRequired: YesNoUnknown? = nil,
                inPlanNetwork: NetworkIndicator? = nil, procedure: Procedure? = nil, diagnosisPointers: [Int] = [],
                deliveries: [ServiceDelivery] = [], references: [Reference] = [], dates: [EligibilityDate] = [],
                rejections: [Rejection] = [], messages: [String] = [], additionalInformation: [BenefitNote] = [],
                relatedEntities: [Provider] = []) {
        self.kind = kind
        self.coverageLevel = coverageLevel
        self.serviceTypeCodes = serviceTypeCodes
        self.insuranceTypeCode = insuranceTypeCode
        self.planCoverageDescription = planCoverageDescription
        self.timePeriod = timePeriod
        self.amount = amount
        self.percent = percent
        self.quantityKind = quantityKind
        self.quantity = quantity
        self.authorizationRequired = authorizationRequired
        self.inPlanNetwork = inPlanNetwork
        self.procedure = procedure
        self.diagnosisPointers = diagnosisPointers
        self.deliveries = deliveries
        self.references = references
        self.dates = dates
        self.rejections = rejections
        self.messages = messages
        self.additionalInformation = additionalInformation
        self.relatedEntities = relatedEntities
    }
}
