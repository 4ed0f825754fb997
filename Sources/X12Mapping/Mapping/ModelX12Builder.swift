import AuthModel
import X12

/// Model transactions → X12 through ``X12Writer``: one interchange, a functional group per run of
/// transactions with the same functional identifier (`HS` 270, `HB` 271, `HI` 278), SE01/GE01/IEA01 and
/// trailer control numbers filled in by the writer.
///
/// ```swift
/// let writer = try X12Writer.toFile("out.x12", suffix: .lf)
/// let builder = ModelX12Builder(writer: writer, envelope: EnvelopeOptions(senderID: "IPA01", receiverID: "CLINIC01",
///                                                                         date: today, time: "1200"))
/// try builder.add(.authorizationDecision(decision))
/// try builder.finish()
/// try writer.close()
/// ```
///
/// ``add(_:keeping:)`` instead reproduces the envelope a transaction was read in (ISA, GS, ST02), for round trips.
public final class ModelX12Builder {
    /// The writer.
    public let writer: X12Writer
    /// The envelope for ``add(_:)``.
    public let envelope: EnvelopeOptions?
    private var openInterchange: InterchangeHeader?
    private var interchangeOpen = false
    private var openGroup: GroupHeader?
    private var groupControl: Int
    private var transactionControl: Int
    /// Transactions written.
    public private(set) var transactionCount = 0

    /// A builder that writes `envelope` around the transactions.
    public init(writer: X12Writer, envelope: EnvelopeOptions) {
        self.writer = writer
        self.envelope = envelope
        groupControl = envelope.firstGroupControlNumber - 1
        transactionControl = envelope.firstTransactionControlNumber
    }

    /// A builder for ``add(_:keeping:)`` only.
    public init(writer: X12Writer) {
        self.writer = writer
        envelope = nil
        groupControl = 0
        transactionControl = 1
    }

    /// Writes `model` as the next transaction set, opening the interchange or a new group when needed.
    public func add(_ model: ModelTransaction) throws {
        guard let e = envelope else { throw MappingError.invalidModel("this builder has no envelope options") }
        if !interchangeOpen {
            let d = e.date
            let yy = d.compact.dropFirst(2)
            try writer.beginInterchange(ISAFields(senderQualifier: e.senderQualifier, senderID: e.senderID,
                                                  receiverQualifier: e.receiverQualifier, receiverID: e.receiverID,
                                                  date: String(yy), time: e.time, controlNumber: e.interchangeControlNumber,
                                                  acknowledgmentRequested: e.acknowledgmentRequested, usage: e.usage))
            interchangeOpen = true
        }
        if openGroup?.functionalID != model.functionalID {
            if openGroup != nil { try writer.endGroup() }
            groupControl += 1
            transactionControl = e.firstTransactionControlNumber
            let gs = GroupHeader(functionalID: model.functionalID, senderCode: e.groupSenderCode ?? e.senderID,
                                 receiverCode: e.groupReceiverCode ?? e.receiverID, date: e.date.compact, time: e.time,
                                 controlNumber: String(groupControl), version: model.implementationReference)
            try writer.beginGroup(gs)
            openGroup = gs
        }
        let n = String(transactionControl)
        try TransactionMapper.write(model, controlNumber: String(repeating: "0", count: max(0, 4 - n.count)) + n, to: writer)
        transactionControl += 1
        transactionCount += 1
    }

    /// Writes `model` inside the envelope it was read in: the same ISA, GS and ST02 (a new ISA or GS is
    /// written whenever they change).
    public func add(_ model: ModelTransaction, keeping source: (interchange: InterchangeHeader, group: GroupHeader, header: TransactionHeader)) throws {
        if openInterchange != source.interchange {
            if openGroup != nil { try writer.endGroup(); openGroup = nil }
            if interchangeOpen { try writer.endInterchange() }
            let f = source.interchange
            var isa = ISAFields(senderQualifier: f.senderQualifier, senderID: f.senderID, receiverQualifier: f.receiverQualifier,
                                receiverID: f.receiverID, date: f.date, time: f.time, controlNumber: Int(f.controlNumber) ?? 0,
                                acknowledgmentRequested: f.acknowledgmentRequested, usage: f.usage)
            isa.authorizationQualifier = f[1]
            isa.authorization = f[2]
            isa.securityQualifier = f[3]
            isa.security = f[4]
            isa.version = f.version
            try writer.beginInterchange(isa)
            openInterchange = f
            interchangeOpen = true
        }
        if openGroup != source.group {
            if openGroup != nil { try writer.endGroup() }
            try writer.beginGroup(source.group)
            openGroup = source.group
        }
        try TransactionMapper.validate(model)
        try writer.encodeTransaction(id: source.header.id, controlNumber: source.header.controlNumber,
                                     implementationReference: source.header.implementationReference) { e in
            TransactionMapper.write(model, to: &e)
        }
        transactionCount += 1
    }

    /// Closes the open group and interchange.
    public func finish() throws {
        if openGroup != nil { try writer.endGroup(); openGroup = nil }
        if interchangeOpen { try writer.endInterchange(); interchangeOpen = false }
        openInterchange = nil
        try writer.flush()
    }
}
