import X12

/// A built TA1 for one interchange.
public struct InterchangeAcknowledgment: Sendable, Hashable {
    /// ISA13 of the acknowledged interchange (TA101).
    public var controlNumber: String
    /// TA104: `A`, `E` or `R`.
    public var code: String
    /// TA105: `000`, or the first, most severe interchange note code.
    public var note: String
    /// The TA1 segment.
    public var segment: Segment

    /// Creates a result.
    public init(controlNumber: String, code: String, note: String, segment: Segment) {
        self.controlNumber = controlNumber
        self.code = code
        self.note = note
        self.segment = segment
    }
}
