import X12

/// Writes the acknowledgments of received interchanges: per interchange, one interchange of ours holding the TA1
/// (when due) and one `FA` group with one 999 per received functional group.
///
/// The envelope mirrors the received one: sender and receiver swapped (ISA05/06 ⇄ ISA07/08, GS02 ⇄ GS03), the same
/// delimiters, line ending and ISA15, ISA14 `0`; ISA13 and GS06 come from the caller's ``ControlNumberSource``, ST02
/// is `0001` in each group. Nothing is written for an interchange that is itself an acknowledgment, no 999 for a
/// group with GS01 `FA`, and no 999 when the TA1 rejects the interchange (its content was not processed).
///
/// ```swift
/// let out = X12Writer.inMemory()
/// let acks = AcknowledgmentWriter(writer: out, controlNumbers: SequentialControlNumbers(start: 1))
/// for interchange in collector.takeCompleted() { try acks.write(interchange) }
/// ```
public final class AcknowledgmentWriter {
    /// Where the acknowledgments go.
    public let writer: X12Writer
    /// ISA13 and GS06 of the acknowledgments.
    public let controlNumbers: ControlNumberSource
    /// Date, time and support table.
    public let options: AcknowledgmentOptions

    /// Creates a writer of acknowledgments.
    public init(writer: X12Writer, controlNumbers: ControlNumberSource, options: AcknowledgmentOptions = AcknowledgmentOptions()) {
        self.writer = writer
        self.controlNumbers = controlNumbers
        self.options = options
    }

    /// The acknowledgments due for `interchange`, built but not written.
    public func build(_ interchange: InterchangeSummary) -> (ta1: InterchangeAcknowledgment?, acks: [(GroupSummary, FunctionalAcknowledgment)]) {
        let ta1 = InterchangeAcknowledgmentBuilder.build(for: interchange)
        if ta1?.code == "R" { return (ta1, []) }
        let builder = FunctionalAcknowledgmentBuilder(options: options)
        let delimiters = Self.outputDelimiters(interchange.header.delimiters)
        let acks = interchange.groups.filter { !$0.isAcknowledgmentGroup }.map { ($0, builder.build(for: $0, delimiters: delimiters)) }
        return (ta1, acks)
    }

    /// Writes the acknowledgments of one received interchange. The outcome keeps the decisions (codes, counts); the
    /// 999 bodies it returns are empty, they were written (``build(_:)`` returns them whole).
    @discardableResult
    public func write(_ interchange: InterchangeSummary) throws(X12IOError) -> AcknowledgmentOutcome {
        let (ta1, acks) = build(interchange)
        var outcome = AcknowledgmentOutcome(interchangeControlNumber: interchange.header.controlNumber,
                                            interchangeAcknowledgment: ta1, functionalAcknowledgments: acks.map(\.1))
        guard ta1 != nil || !acks.isEmpty else { return outcome }

        let h = interchange.header
        writer.delimiters = Self.outputDelimiters(h.delimiters)
        writer.suffix = interchange.suffix
        let control = controlNumbers.nextInterchangeControlNumber()
        outcome.acknowledgmentControlNumber = control
        try writer.beginInterchange(Self.interchangeFields(answering: h, controlNumber: control, options: options))
        if let ta1 { try writer.write(ta1.segment) }
        for (group, ack) in acks {
            try writer.beginGroup(Self.groupHeader(answering: group.header, in: h, controlNumber: String(controlNumbers.nextGroupControlNumber()),
                                                   options: options))
            try writer.beginTransaction(id: "999", controlNumber: "0001", implementationReference: "005010X231A1")
            for segment in ack.body { try writer.write(segment) }
            try writer.endTransaction()
            try writer.endGroup()
        }
        try writer.endInterchange()
        // The segments are written; keep the decisions only (a run over a large file holds every outcome).
        for i in outcome.functionalAcknowledgments.indices { outcome.functionalAcknowledgments[i].body = [] }
        return outcome
    }

    /// Our ISA answering the received `h`: sender and receiver swapped, ISA14 `0`, ISA15 mirrored unless set.
    static func interchangeFields(answering h: InterchangeHeader, controlNumber: Int, options: AcknowledgmentOptions) -> ISAFields {
        ISAFields(senderQualifier: qualifier(h.receiverQualifier), senderID: h.receiverID,
                  receiverQualifier: qualifier(h.senderQualifier), receiverID: h.senderID,
                  date: String(options.date.suffix(6)), time: String(options.time.prefix(4)), controlNumber: controlNumber,
                  acknowledgmentRequested: false, usage: options.usage ?? (["P", "T"].contains(h.usage) ? h.usage : "P"))
    }

    /// Our `FA` GS answering the received group `g` of interchange `h`.
    static func groupHeader(answering g: GroupHeader, in h: InterchangeHeader, controlNumber: String,
                            options: AcknowledgmentOptions) -> GroupHeader {
        GroupHeader(functionalID: "FA", senderCode: g.receiverCode.isEmpty ? h.receiverID : g.receiverCode,
                    receiverCode: g.senderCode.isEmpty ? h.senderID : g.senderCode, date: options.date, time: options.time,
                    controlNumber: controlNumber, version: "005010X231A1")
    }

    /// The ISA05 / ISA07 qualifiers of 00501; an invalid received one is answered with `ZZ` (mutually defined).
    public static let interchangeQualifiers: Set<String> = ["01", "14", "20", "27", "28", "29", "30", "33", "ZZ"]

    static func qualifier(_ q: String) -> String { interchangeQualifiers.contains(q) ? q : "ZZ" }

    /// The received delimiters, with a repetition separator added when the received interchange had none (4010).
    public static func outputDelimiters(_ d: Delimiters) -> Delimiters {
        if d.repetition != nil { return d }
        var out = d
        out.repetition = [UInt8(ascii: "^"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: "{")]
            .first { $0 != d.element && $0 != d.component && $0 != d.segment }
        return out
    }
}
