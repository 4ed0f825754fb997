import Foundation

/// What an eligibility inquiry asks about: service types and/or a procedure, on a date.
///
/// ```swift
/// Encounter(serviceTypeCodes: ["30"])                       // the generic inquiry
/// Encounter(serviceTypeCodes: ["98", "UC"], dateOfService: DateRange(today))
/// ```
public struct Encounter: Sendable, Hashable, Codable {
    /// Service type codes asked about (up to 99).
    public var serviceTypeCodes: [String]
    /// A procedure asked about.
    public var procedure: Procedure?
    /// Coverage level asked about (`family`; subscriber inquiries only).
    public var coverageLevel: CoverageLevel?
    /// 1-based pointers into the member's diagnoses.
    public var diagnosisPointers: [Int]
    /// Spend-down amount.
    public var spendDownAmount: Decimal?
    /// Spend-down total billed amount.
    public var spendDownTotalBilledAmount: Decimal?
    /// Place of service code the inquiry is about.
    public var placeOfServiceCode: String?
    /// Referral (`9F`) or prior authorization (`G1`) number.
    public var references: [Reference]
    /// The date(s) of service asked about; `nil` means as of today.
    public var dateOfService: DateRange?

    /// Creates an encounter.
    public init(serviceTypeCodes: [String] = [], procedure: Procedure? = nil, coverageLevel: CoverageLevel? = nil,
                diagnosisPointers: [Int] = [], spendDownAmount: Decimal? = nil,
                spendDownTotalBilledAmount: Decimal? = nil, placeOfServiceCode: String? = nil,
                references: [Reference] = [], dateOfService: DateRange? = nil) {
        self.serviceTypeCodes = serviceTypeCodes
        self.procedure = procedure
        self.coverageLevel = coverageLevel
        self.diagnosisPointers = diagnosisPointers
        self.spendDownAmount = spendDownAmount
        self.spendDownTotalBilledAmount = spendDownTotalBilledAmount
        self.placeOfServiceCode = placeOfServiceCode
        self.references = references
        self.dateOfService = dateOfService
    }
}
