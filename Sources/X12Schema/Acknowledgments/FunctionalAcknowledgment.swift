import X12

/// A built 999 for one functional group: its body (AK1 … AK9, without ST and SE) and the decisions in it.
public struct FunctionalAcknowledgment: Sendable, Hashable {
    /// GS01 of the acknowledged group (AK101).
    public var functionalID: String
    /// GS06 of the acknowledged group (AK102).
    public var groupControlNumber: String
    /// AK901: `A`, `E`, `P` or `R`.
    public var code: String
    /// AK905 … AK909.
    public var groupErrorCodes: [String]
    /// IK501 of each acknowledged transaction set, in order (ST02, code).
    public var transactionCodes: [(controlNumber: String, code: String)]
    /// AK1, the 2000 loops (AK2 … IK5) and AK9.
    public var body: [Segment]
    /// AK903: the transaction sets received (``transactionCodes`` is empty when the 999 was streamed).
    public var receivedCount: Int
    /// AK904: the sets accepted (IK501 `A` or `E`).
    public var acceptedCount: Int

    /// Creates a result; the counts default to those of `transactionCodes`.
    public init(functionalID: String, groupControlNumber: String, code: String, groupErrorCodes: [String],
                transactionCodes: [(controlNumber: String, code: String)], body: [Segment],
                receivedCount: Int? = nil, acceptedCount: Int? = nil) {
        self.functionalID = functionalID
        self.groupControlNumber = groupControlNumber
        self.code = code
        self.groupErrorCodes = groupErrorCodes
        self.transactionCodes = transactionCodes
        self.body = body
        self.receivedCount = receivedCount ?? transactionCodes.count
        self.acceptedCount = acceptedCount ?? transactionCodes.filter { $0.code == "A" || $0.code == "E" }.count
    }

    /// Equal when every field is (tuples are compared element by element).
    public static func == (a: Self, b: Self) -> Bool {
        a.functionalID == b.functionalID && a.groupControlNumber == b.groupControlNumber && a.code == b.code
            && a.groupErrorCodes == b.groupErrorCodes && a.body == b.body
            && a.transactionCodes.map(\.controlNumber) == b.transactionCodes.map(\.controlNumber)
            && a.transactionCodes.map(\.code) == b.transactionCodes.map(\.code)
    }

    /// Hashes the group, the code and the body.
    public func hash(into h: inout Hasher) {
        h.combine(groupControlNumber)
        h.combine(code)
        h.combine(body)
    }
}
