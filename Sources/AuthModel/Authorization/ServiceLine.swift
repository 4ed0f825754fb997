import Foundation

/// One requested service: a professional procedure (CPT/HCPCS), an institutional revenue code line, or a
/// dental procedure, with its quantity, modifiers, diagnosis pointers and dates.
///
/// ```swift
/// var line = ServiceLine(kind: .professional, procedure: Procedure(code: "97110", modifiers: ["GP"]))
/// line.unit = .units; line.quantity = 12; line.diagnosisPointers = [1, 2]
/// ```
public struct ServiceLine: Sendable, Hashable, Codable {
    /// Professional, institutional or dental.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A professional service (CPT/HCPCS).
        case professional
        /// An institutional line (revenue code, optionally a procedure).
        case institutional
        /// A dental procedure (CDT).
        case dental
    }

    /// The unit of ``quantity``.
    public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
        /// Units.
        case units
        /// Minutes.
        case minutes
        /// Days.
        case days
    }

    /// Trace numbers that let the answer be matched to this line.
    public var trackingNumbers: [TraceNumber]
    /// Overrides the event's review kind for this line (health services review or specialty referral only).
    public var reviewKind: RequestKind?
    /// Overrides the event's certification type for this line.
    public var certificationType: CertificationType?
    /// Overrides the event's service type for this line.
    public var serviceTypeCode: String?
    /// Overrides the event's place of service for this line.
    public var location: ServiceLocation?
    /// The earlier authorization this line refers to.
    public var previousAuthorizationNumber: String?
    /// Requests: the UMO's administrative reference from an earlier answer (answers keep theirs in the outcome).
    public var previousAdministrativeReference: String?
    /// Date(s) of service.
    public var serviceDate: DateRange?
    /// Professional, institutional or dental; `nil` when the line names no service (rare).
    public var kind: Kind?
    /// The procedure, with its modifiers.
    public var procedure: Procedure?
    /// Institutional revenue code (4 digits).
    public var revenueCode: String?
    /// Charge amount.
    public var amount: Decimal?
    /// Unit of the quantity.
    public var unit: Unit?
    /// Quantity (units, minutes, days; for dental, the number of procedures).
    public var quantity: Decimal?
    /// Institutional rate.
    public var rate: Decimal?
    /// 1-based pointers into the event's diagnoses (up to 4).
    public var diagnosisPointers: [Int]
    /// EPSDT indicator.
    public var epsdt: Bool?
    /// Nursing home level of care code.
    public var nursingHomeLevelOfCare: String?
    /// Nursing home residential status code (institutional requests).
    public var nursingHomeResidentialStatus: String?
    /// Dental: oral cavity designation codes.
    public var oralCavityCodes: [String]
    /// Dental: prosthesis placement (`I` initial, `R` replacement).
    public var prosthesisCode: String?
    /// Dental: teeth and surfaces.
    public var teeth: [Tooth]
    /// Quantity and pattern of delivery.
    public var delivery: ServiceDelivery?
    /// Attachments for this line.
    public var attachments: [Attachment]
    /// A free-text note.
    public var note: String?
    /// The line's service providers.
    public var providers: [Provider]

    /// Creates a service line.
    public init(trackingNumbers: [TraceNumber] = [], reviewKind: RequestKind? = nil,
                certificationType: CertificationType? = nil, serviceTypeCode: String? = nil,
                location: ServiceLocation? = nil, previousAuthorizationNumber: String? = nil,
                previousAdministrativeReference: String? = nil, serviceDate: DateRange? = nil, kind: Kind? = nil,
                procedure: Procedure? = nil, revenueCode: String? = nil, amount: Decimal? = nil, unit: Unit? = nil,
                quantity: Decimal? = nil, rate: Decimal? = nil, diagnosisPointers: [Int] = [], epsdt: Bool? = nil,
                nursingHomeLevelOfCare: String? = nil, nursingHomeResidentialStatus: String? = nil,
                oralCavityCodes: [String] = [], prosthesisCode: String? = nil, teeth: [Tooth] = [],
                delivery: ServiceDelivery? = nil, attachments: [Attachment] = [], note: String? = nil,
                providers: [Provider] = []) {
        self.trackingNumbers = trackingNumbers
        self.reviewKind = reviewKind
        self.certificationType = certificationType
        self.serviceTypeCode = serviceTypeCode
        self.location = location
        self.previousAuthorizationNumber = previousAuthorizationNumber
        self.previousAdministrativeReference = previousAdministrativeReference
        self.serviceDate = serviceDate
        self.kind = kind
        self.procedure = procedure
        self.revenueCode = revenueCode
        self.amount = amount
        self.unit = unit
        self.quantity = quantity
        self.rate = rate
        self.diagnosisPointers = diagnosisPointers
        self.epsdt = epsdt
        self.nursingHomeLevelOfCare = nursingHomeLevelOfCare
        self.nursingHomeResidentialStatus = nursingHomeResidentialStatus
        self.oralCavityCodes = oralCavityCodes
        self.prosthesisCode = prosthesisCode
        self.teeth = teeth
        self.delivery = delivery
        self.attachments = attachments
        self.note = note
        self.providers = providers
    }
}
