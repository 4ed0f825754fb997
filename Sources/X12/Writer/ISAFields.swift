/// The values of an ISA segment to write; ``X12Writer`` pads them to their fixed widths.
public struct ISAFields: Sendable, Hashable, Codable {
    /// ISA01 (`00`).
    public var authorizationQualifier = "00"
    /// ISA02, padded to 10.
    public var authorization = ""
    /// ISA03 (`00`).
    public var securityQualifier = "00"
    /// ISA04, padded to 10.
    public var security = ""
    /// ISA05 (`ZZ`).
    public var senderQualifier: String
    /// ISA06, padded to 15.
    public var senderID: String
    /// ISA07 (`ZZ`).
    public var receiverQualifier: String
    /// ISA08, padded to 15.
    public var receiverID: String
    /// ISA09 (`YYMMDD`).
    public var date: String
    /// ISA10 (`HHMM`).
    public var time: String
    /// ISA12 (`00501`).
    public var version = "00501"
    /// ISA13, written as nine digits.
    public var controlNumber: Int
    /// ISA14: ask for a TA1.
    public var acknowledgmentRequested = false
    /// ISA15 (`P` or `T`).
    public var usage = "P"

    /// Creates ISA values; the qualifiers default to `ZZ` (mutually defined).
    public init(senderQualifier: String = "ZZ", senderID: String, receiverQualifier: String = "ZZ", receiverID: String,
                date: String, time: String, controlNumber: Int, acknowledgmentRequested: Bool = false, usage: String = "P") {
        self.senderQualifier = senderQualifier
        self.senderID = senderID
        self.receiverQualifier = receiverQualifier
        self.receiverID = receiverID
        self.date = date
        self.time = time
        self.controlNumber = controlNumber
        self.acknowledgmentRequested = acknowledgmentRequested
        self.usage = usage
    }

    /// The sixteen fields, padded, with `delimiters` in ISA11 and ISA16.
    public func paddedFields(delimiters d: Delimiters) -> [String] {
        func pad(_ s: String, _ n: Int) -> String {
            let c = s.utf8.count
            return c >= n ? String(decoding: s.utf8.prefix(n), as: UTF8.self) : s + String(repeating: " ", count: n - c)
        }
        let control = String(controlNumber % 1_000_000_000)
        return [
            pad(authorizationQualifier, 2), pad(authorization, 10), pad(securityQualifier, 2), pad(security, 10),
            pad(senderQualifier, 2), pad(senderID, 15), pad(receiverQualifier, 2), pad(receiverID, 15),
            pad(date, 6), pad(time, 4), String(UnicodeScalar(d.repetition ?? UInt8(ascii: "U"))), pad(version, 5),
            String(repeating: "0", count: 9 - control.count) + control, acknowledgmentRequested ? "1" : "0",
            pad(usage, 1), String(UnicodeScalar(d.component)),
        ]
    }
}
