import X12
import X12Mapping
import X12Schema

/// Writes our answers as one interchange: ISA/GS from the parties given, one group per run of answers with the
/// same group header, ST02 `0001`, `0002`… in each group, counts and trailers filled by ``X12Writer``.
struct OutboundInterchange {
    /// ISA05/06 and GS02 of ours.
    var senderQualifier: String, senderID: String
    /// ISA07/08 and GS03 of the partner.
    var receiverQualifier: String, receiverID: String
    /// `CCYYMMDD` and `HHMM`.
    var date: String, time: String
    /// ISA15.
    var usage: String

    /// Our ISA with `controlNumber` as ISA13.
    func fields(controlNumber: Int) -> ISAFields {
        ISAFields(senderQualifier: senderQualifier, senderID: senderID, receiverQualifier: receiverQualifier, receiverID: receiverID,
                  date: String(date.suffix(6)), time: String(time.prefix(4)), controlNumber: controlNumber,
                  acknowledgmentRequested: false, usage: usage)
    }

    /// Writes `answers` (each with the GS02/GS03 codes of its group) to `writer`; returns our ISA13.
    func write(_ answers: [(senderCode: String, receiverCode: String, model: ModelTransaction)], to writer: X12Writer,
               numbers: ControlNumberSource, codec: any TransactionCodec) throws -> Int {
        let control = numbers.nextInterchangeControlNumber()
        try writer.beginInterchange(fields(controlNumber: control))
        var i = 0
        while i < answers.count {
            let first = answers[i]
            try writer.beginGroup(GroupHeader(functionalID: first.model.functionalID, senderCode: first.senderCode,
                                              receiverCode: first.receiverCode, date: date, time: time,
                                              controlNumber: String(numbers.nextGroupControlNumber()),
                                              version: first.model.implementationReference))
            var st = 0
            while i < answers.count, answers[i].senderCode == first.senderCode, answers[i].receiverCode == first.receiverCode,
                  answers[i].model.functionalID == first.model.functionalID {
                st += 1
                let n = String(st)
                try writer.beginTransaction(id: answers[i].model.transactionSetID,
                                            controlNumber: String(repeating: "0", count: max(0, 4 - n.count)) + n,
                                            implementationReference: answers[i].model.implementationReference)
                try codec.encode(answers[i].model, to: writer)
                try writer.endTransaction()
                i += 1
            }
            try writer.endGroup()
        }
        try writer.endInterchange()
        return control
    }
}
