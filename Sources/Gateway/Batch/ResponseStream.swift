import X12
import X12Mapping
import X12Schema

/// Our answers to one received interchange, written as they are made into an ``EnvelopeSpool`` (a hidden file
/// beside the output): one group per run of answers with the same group codes and functional ID, ST02 `0001`,
/// `0002`… in each group. When the received interchange closes, ``finish(into:envelope:numbers:)`` draws our ISA13
/// and GS06s and copies the answers into the output; ``discard()`` drops them (a TA1 rejected the interchange).
///
/// The answers are encoded and written on a ``SerialWorker`` (the second core) while the caller goes on reading;
/// every other call waits for the worker to be done first.
final class ResponseStream {
    private let spool: EnvelopeSpool
    private let worker = SerialWorker()
    private let codec: any TransactionCodec
    private var group: (senderCode: String, receiverCode: String, functionalID: String)?
    private var sets = 0
    /// `CCYYMMDD` and `HHMM` of our GS04/GS05.
    private let date: String, time: String
    /// Answers written since the last finish.
    private(set) var count = 0

    /// A stream spooled at `spoolPath` (in memory when `nil`).
    init(spoolPath: String?, codec: any TransactionCodec, date: String, time: String) throws {
        spool = try EnvelopeSpool(path: spoolPath)
        self.codec = codec
        self.date = date
        self.time = time
    }

    deinit { worker.close() }

    /// Starts the answers to an interchange with `delimiters` and `suffix`.
    func begin(delimiters: Delimiters, suffix: SegmentSuffix) throws {
        try discard()
        spool.writer.delimiters = delimiters
        spool.writer.suffix = suffix
    }

    /// Writes one answer (with the GS02/GS03 codes of its group), on the worker.
    func append(senderCode: String, receiverCode: String, model: ModelTransaction) throws {
        count += 1
        pending.append((senderCode, receiverCode, model))
        if pending.count >= Self.batch { try submitPending() }
    }

    /// Answers handed to the worker together (one hand-over per answer would cost more than it saves).
    private static let batch = 128
    private var pending: [(String, String, ModelTransaction)] = []

    private func submitPending() throws {
        guard !pending.isEmpty else { return }
        let answers = pending
        pending.removeAll(keepingCapacity: true)
        try worker.submit { [self] in
            for (sender, receiver, model) in answers { try write(senderCode: sender, receiverCode: receiver, model: model) }
        }
    }

    private func write(senderCode: String, receiverCode: String, model: ModelTransaction) throws {
        if group == nil || group! != (senderCode, receiverCode, model.functionalID) {
            spool.beginGroup(GroupHeader(functionalID: model.functionalID, senderCode: senderCode, receiverCode: receiverCode,
                                         date: date, time: time, controlNumber: "", version: model.implementationReference))
            group = (senderCode, receiverCode, model.functionalID)
            sets = 0
        }
        sets += 1
        let n = String(sets)
        try spool.beginTransaction(id: model.transactionSetID, controlNumber: String(repeating: "0", count: max(0, 4 - n.count)) + n,
                                   implementationReference: model.implementationReference)
        try codec.encode(model, to: spool.writer)
        try spool.writer.endTransaction()
    }

    /// Writes the answers as one interchange of ours into `output` (given the spool's delimiters and suffix);
    /// returns our ISA13, `nil` when there was no answer.
    func finish(into output: X12Writer, envelope: OutboundInterchange, numbers: ControlNumberSource) throws -> Int? {
        try submitPending()
        try worker.drain()
        guard !spool.isEmpty else { return nil }
        output.delimiters = spool.writer.delimiters
        output.suffix = spool.writer.suffix
        let control = try spool.envelope(into: output, interchange: { envelope.fields(controlNumber: $0) }, controlNumbers: numbers)
        group = nil
        return control
    }

    /// Drops the answers not finished.
    func discard() throws {
        pending.removeAll()
        try worker.drain()
        try spool.empty()
        group = nil
        count = 0
    }
}
