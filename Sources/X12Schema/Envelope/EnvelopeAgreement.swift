import X12

/// A rule between an envelope header and its trailer (control numbers, counts, placement), the finding code its
/// failure gets, and a sample file in `TestData/acks` that breaks it.
public struct EnvelopeAgreement: Sendable, Hashable {
    /// The code of the finding (`TA105-001`, `AK905-4`, `IK502-3`).
    public var code: FindingCode
    /// A file name in `TestData/acks` that breaks the rule.
    public var sample: String
    /// The rule in one sentence.
    public var note: String

    /// Creates an agreement.
    public init(code: FindingCode, sample: String, note: String) {
        self.code = code
        self.sample = sample
        self.note = note
    }
}
