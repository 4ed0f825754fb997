import AuthModel
import X12

/// The envelope ``ModelX12Builder`` puts around model transactions: sender, receiver, control numbers,
/// date and time, usage, delimiters.
public struct EnvelopeOptions: Sendable, Hashable {
    /// ISA05 (`ZZ` mutually defined unless told).
    public var senderQualifier: String
    /// ISA06; also GS02 unless ``groupSenderCode`` is set.
    public var senderID: String
    /// ISA07.
    public var receiverQualifier: String
    /// ISA08; also GS03 unless ``groupReceiverCode`` is set.
    public var receiverID: String
    /// GS02, when it differs from ISA06.
    public var groupSenderCode: String?
    /// GS03, when it differs from ISA08.
    public var groupReceiverCode: String?
    /// ISA13 of the (only) interchange.
    public var interchangeControlNumber: Int
    /// GS06 of the first group; later groups count up.
    public var firstGroupControlNumber: Int
    /// ST02 of the first transaction of each group; later ones count up (written with at least 4 digits).
    public var firstTransactionControlNumber: Int
    /// ISA09 / GS04.
    public var date: CalendarDate
    /// ISA10 / GS05, `HHMM`.
    public var time: String
    /// ISA15: `P` production or `T` test.
    public var usage: String
    /// ISA14: ask for a TA1.
    public var acknowledgmentRequested: Bool

    /// Creates envelope options.
    public init(senderQualifier: String = "ZZ", senderID: String, receiverQualifier: String = "ZZ", receiverID: String,
                groupSenderCode: String? = nil, groupReceiverCode: String? = nil, interchangeControlNumber: Int = 1,
                firstGroupControlNumber: Int = 1, firstTransactionControlNumber: Int = 1, date: CalendarDate,
                time: String, usage: String = "P", acknowledgmentRequested: Bool = false) {
        self.senderQualifier = senderQualifier
        self.senderID = senderID
        self.receiverQualifier = receiverQualifier
        self.receiverID = receiverID
        self.groupSenderCode = groupSenderCode
        self.groupReceiverCode = groupReceiverCode
        self.interchangeControlNumber = interchangeControlNumber
        self.firstGroupControlNumber = firstGroupControlNumber
        self.firstTransactionControlNumber = firstTransactionControlNumber
        self.date = date
        self.time = time
        self.usage = usage
        self.acknowledgmentRequested = acknowledgmentRequested
    }
}
