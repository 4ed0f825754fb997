import X12
import X12Mapping
import X12Schema

/// Writes our answers to one received interchange as they are made: the ISA at the first answer, one group per
/// run of answers with the same group codes and functional ID, ST02 `0001`, `0002`… in each group, counts and
/// trailers filled by ``X12Writer``. Nothing but the current group's codes is kept.
final class ResponseStream {
    private let envelope: OutboundInterchange
    private let writer: X12Writer
    private let numbers: ControlNumberSource
    private let codec: any TransactionCodec
    private var group: (senderCode: String, receiverCode: String, functionalID: String)?
    private var sets = 0
    /// Our ISA13, once the first answer is written.
    private(set) var control: Int?
    /// Answers written.
    private(set) var count = 0

    /// A stream of answers into `writer` (whose delimiters and suffix are already set).
    init(envelope: OutboundInterchange, writer: X12Writer, numbers: ControlNumberSource, codec: any TransactionCodec) {
        self.envelope = envelope
        self.writer = writer
        self.numbers = numbers
        self.codec = codec
    }

    /// Writes one answer (with the GS02/GS03 codes of its group).
    func append(senderCode: String, receiverCode: String, model: ModelTransaction) throws {
        if control == nil {
            let c = numbers.nextInterchangeControlNumber()
            control = c
            try writer.beginInterchange(ISAFields(senderQualifier: envelope.senderQualifier, senderID: envelope.senderID,
                                                  receiverQualifier: envelope.receiverQualifier, receiverID: envelope.receiverID,
                                                  date: String(envelope.date.suffix(6)), time: String(envelope.time.prefix(4)),
                                                  controlNumber: c, acknowledgmentRequested: false, usage: envelope.usage))
        }
        if let g = group, g.senderCode != senderCode || g.receiverCode != receiverCode || g.functionalID != model.functionalID {
            try writer.endGroup()
            group = nil
        }
        if group == nil {
            try writer.beginGroup(GroupHeader(functionalID: model.functionalID, senderCode: senderCode, receiverCode: receiverCode,
                                              date: envelope.date, time: envelope.time,
                                              controlNumber: String(numbers.nextGroupControlNumber()),
                                              version: model.implementationReference))
            group = (senderCode, receiverCode, model.functionalID)
            sets = 0
        }
        sets += 1
        let n = String(sets)
        try writer.beginTransaction(id: model.transactionSetID, controlNumber: String(repeating: "0", count: max(0, 4 - n.count)) + n,
                                    implementationReference: model.implementationReference)
        for segment in try codec.encode(model) { try writer.write(segment) }
        try writer.endTransaction()
        count += 1
    }

    /// Closes the group and the interchange; returns our ISA13 (`nil` when nothing was written).
    func finish() throws -> Int? {
        guard let control else { return nil }
        if group != nil { try writer.endGroup() }
        group = nil
        try writer.endInterchange()
        return control
    }
}
