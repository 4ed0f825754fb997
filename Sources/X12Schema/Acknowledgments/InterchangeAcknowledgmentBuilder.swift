import X12

/// Builds the TA1 of an interchange: due when ISA14 is `1` or when the interchange has interchange-level findings,
/// never for an interchange that is itself an acknowledgment (a TA1, or only `FA` groups).
///
/// TA101–TA103 echo ISA13, ISA09 and ISA10. TA104 is `R` when an interchange-level error was found, `E` when only
/// warnings were, `A` otherwise; TA105 carries the first error's code (else the first warning's, else `000`): a TA1
/// holds one note code.
public enum InterchangeAcknowledgmentBuilder {
    /// `true` when `interchange` gets a TA1.
    public static func isDue(for interchange: InterchangeSummary) -> Bool {
        if interchange.isAcknowledgmentOnly { return false }
        return interchange.header.acknowledgmentRequested || interchange.findings.contains { $0.code.family == .ta105 }
    }

    /// The TA1 for `interchange`, or `nil` when none is due.
    public static func build(for interchange: InterchangeSummary) -> InterchangeAcknowledgment? {
        guard isDue(for: interchange) else { return nil }
        let notes = interchange.findings.filter { $0.code.family == .ta105 }
        let first = notes.first { $0.severity == .error } ?? notes.first
        let code = first == nil ? "A" : first!.severity == .error ? "R" : "E"
        let note = first?.code.value ?? "000"
        let h = interchange.header
        let segment = Segment("TA1", [.init(h.controlNumber), .init(h.date), .init(h.time), .init(code), .init(note)])
        return InterchangeAcknowledgment(controlNumber: h.controlNumber, code: code, note: note, segment: segment)
    }
}
