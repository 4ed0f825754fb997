/// A value rule between two elements of one envelope segment: when element ``when`` holds one of ``whenCodes``,
/// element ``element`` must hold one of ``codes`` (if given) and none of ``excludedCodes`` (if given).
///
/// The TA1's `TA104 A ⇒ TA105 000` and `TA104 E|R ⇒ TA105 ≠ 000` are two such rules in `Specs/envelope.00501.xml`.
public struct EnvelopeConsistencyRule: Sendable, Hashable {
    /// The element the rule constrains (1-based).
    public var element: Int
    /// The element whose value triggers the rule.
    public var when: Int
    /// The trigger values.
    public var whenCodes: [String]
    /// Values the constrained element must be one of, when present in the spec.
    public var codes: [String]?
    /// Values the constrained element must not hold, when present in the spec.
    public var excludedCodes: [String]?
    /// The TA105 note code a broken rule gets.
    public var noteCode: String
    /// The sentence that explains the rule.
    public var note: String

    /// Creates a rule.
    public init(element: Int, when: Int, whenCodes: [String], codes: [String]?, excludedCodes: [String]?, noteCode: String, note: String) {
        self.element = element
        self.when = when
        self.whenCodes = whenCodes
        self.codes = codes
        self.excludedCodes = excludedCodes
        self.noteCode = noteCode
        self.note = note
    }

    /// `true` when the values of the two elements break the rule.
    public func isBroken(value: String, trigger: String) -> Bool {
        guard whenCodes.contains(trigger) else { return false }
        if let codes, !codes.contains(value) { return true }
        if let excludedCodes, excludedCodes.contains(value) { return true }
        return false
    }
}
