/// A diagnosis (or, in an answer, a LOINC code naming documentation asked for).
///
/// Codes are kept without the decimal point (`M25561` for M25.561).
public struct Diagnosis: Sendable, Hashable, Codable {
    /// The code list.
    public enum CodeSystem: String, Sendable, Hashable, Codable, CaseIterable {
        /// ICD-10-CM.
        case icd10cm
        /// ICD-9-CM.
        case icd9cm
        /// Diagnosis related group.
        case drg
        /// LOINC (documentation requested).
        case loinc
    }

    /// The diagnosis's role.
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        /// The principal diagnosis (only the first of a list).
        case principal
        /// Any other diagnosis.
        case other
        /// The admitting diagnosis.
        case admitting
        /// The patient's reason for the visit.
        case reasonForVisit
    }

    /// The code system.
    public var codeSystem: CodeSystem
    /// The role.
    public var role: Role
    /// The code, without a decimal point.
    public var code: String
    /// A date that goes with the code (e.g. onset).
    public var date: CalendarDate?

    /// Creates a diagnosis.
    public init(codeSystem: CodeSystem = .icd10cm, role: Role = .other, code: String, date: CalendarDate? = nil) {
        self.codeSystem = codeSystem
        self.role = role
        self.code = code
        self.date = date
    }
}
