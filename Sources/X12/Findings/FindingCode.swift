/// A finding's stable code: the acknowledgment element that carries it and the code value there.
///
/// `FindingCode(.ta105, "001")` is an ISA13/IEA02 mismatch; `FindingCode(.ik502, "4")` a wrong SE01.
/// The string form is `TA105-001`, `AK905-5`, `IK502-4`, `IK304-3`, `IK403-7`.
public struct FindingCode: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The acknowledgment element a code belongs to; it fixes the finding's level.
    public enum Family: String, Sendable, Hashable, Codable, CaseIterable {
        /// Interchange note code (TA1).
        case ta105 = "TA105"
        /// Functional group syntax error code (999 AK9).
        case ak905 = "AK905"
        /// Transaction set syntax error code (999 IK5).
        case ik502 = "IK502"
        /// Segment syntax error code (999 IK3).
        case ik304 = "IK304"
        /// Element syntax error code (999 IK4).
        case ik403 = "IK403"
        /// Not an X12 code: a note of the reader or the gateway (e.g. an unpadded ISA), never sent in an acknowledgment.
        case note = "NOTE"
    }

    /// The element that carries the code.
    public var family: Family
    /// The code value (`001`, `5`, `I6`).
    public var value: String

    /// Creates a code.
    public init(_ family: Family, _ value: String) {
        self.family = family
        self.value = value
    }

    /// Parses `TA105-001` and the like.
    public init?(string: String) {
        let parts = string.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, let f = Family(rawValue: String(parts[0])) else { return nil }
        self.init(f, String(parts[1]))
    }

    /// `TA105-001`.
    public var description: String { "\(family.rawValue)-\(value)" }

    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let c = FindingCode(string: s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad finding code \(s)"))
        }
        self = c
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
