/// Why a transaction could not be mapped to or from the domain model.
public enum MappingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A code value the model has no name for.
    case unknownCode(segment: String, position: Int, code: String, list: String)
    /// A required segment is missing.
    case missingSegment(String, loop: String)
    /// A value could not be read (a date, a number).
    case badValue(segment: String, position: Int, value: String, expected: String)
    /// The transaction's structure (HL levels) is not what the transaction allows.
    case structure(String)
    /// The transaction set is not one of 270, 271, 278.
    case unsupportedTransaction(String)
    /// A model value cannot be written (e.g. a required field is empty).
    case invalidModel(String)

    public var description: String {
        switch self {
        case .unknownCode(let s, let p, let c, let l):
            return "\(s)\(p < 10 ? "0" : "")\(p): code \"\(c)\" is not a known \(l)"
        case .missingSegment(let s, let loop): return "missing \(s) in loop \(loop)"
        case .badValue(let s, let p, let v, let e):
            return "\(s)\(p < 10 ? "0" : "")\(p): \"\(v)\" is not \(e)"
        case .structure(let m): return m
        case .unsupportedTransaction(let t): return "transaction set \(t) is not mapped (270, 271, 278 are)"
        case .invalidModel(let m): return m
        }
    }
}
