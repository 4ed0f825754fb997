/// One problem found in an X12 stream: what (a stable code), where (a ``Location``), the bad value, and a sentence.
///
/// Findings are values, never thrown: the reader and the validator hand them out as events and the
/// caller decides whether to be strict or lenient. Every output (text, JSON, 999, TA1, batch report)
/// is a rendering of this one model.
public struct Finding: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The envelope level a finding is about; it follows from the code's family.
    public enum Level: String, Sendable, Hashable, Codable, CaseIterable {
        case interchange, group, transaction, segment, element
    }

    /// How bad it is.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        /// Reported, but the unit is still accepted (`E` in an acknowledgment).
        case warning
        /// The unit is rejected.
        case error

        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    /// The stable code, e.g. `TA105-001`.
    public var code: FindingCode
    /// Error or warning.
    public var severity: Severity
    /// Where it was found.
    public var location: Location
    /// The offending value, when there is one (never PHI in logs: callers log codes and positions only).
    public var value: String?
    /// A plain sentence a person understands.
    public var message: String

    /// Creates a finding.
    public init(code: FindingCode, severity: Severity = .error, location: Location, value: String? = nil, message: String) {
        self.code = code
        self.severity = severity
        self.location = location
        self.value = value
        self.message = message
    }

    /// The level this finding belongs to.
    public var level: Level {
        switch code.family {
        case .ta105: return .interchange
        case .ak905: return .group
        case .ik502: return .transaction
        case .ik304: return .segment
        case .ik403: return .element
        case .note: return location.elementPosition != nil ? .element : .segment
        }
    }

    /// `error TA105-001 at line 3, …: message`.
    public var description: String { "\(severity.rawValue) \(code) at \(location.description): \(message)" }
}
