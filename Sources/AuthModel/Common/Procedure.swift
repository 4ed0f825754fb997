/// A procedure, product or service code with up to four modifiers, in order.
///
/// ```swift
/// Procedure(codeSystem: .hcpcs, code: "97110", modifiers: ["GP", "KX"])
/// ```
public struct Procedure: Sendable, Hashable, Codable {
    /// The code list the code comes from.
    public enum CodeSystem: String, Sendable, Hashable, Codable, CaseIterable {
        /// HCPCS, which includes CPT (the usual professional code system).
        case hcpcs
        /// CPT.
        case cpt
        /// ADA dental codes (CDT).
        case ada
        /// ICD-9-CM procedure codes.
        case icd9Procedure
        /// HIEC product/service codes.
        case hiec
        /// National Drug Code (5-4-2).
        case ndc
        /// ABC codes.
        case abc
        /// Mutually defined.
        case mutuallyDefined
    }

    /// The code system.
    public var codeSystem: CodeSystem
    /// The code.
    public var code: String
    /// Up to four two-character modifiers, in order.
    public var modifiers: [String]
    /// A description.
    public var description: String?
    /// The last code of a range that starts with ``code``.
    public var rangeEnd: String?

    /// Creates a procedure.
    public init(codeSystem: CodeSystem = .hcpcs, code: String, modifiers: [String] = [], description: String? = nil,
                rangeEnd: String? = nil) {
        self.codeSystem = codeSystem
        self.code = code
        self.modifiers = modifiers
        self.description = description
        self.rangeEnd = rangeEnd
    }
}
