/// The sixteen fixed-width fields of an ISA segment, as read (padding kept).
public struct InterchangeHeader: Sendable, Hashable, Codable {
    /// ISA01–ISA16 exactly as read, padding included (ISA11 and ISA16 hold the delimiter characters).
    public var fields: [String]
    /// The delimiters this ISA declares.
    public var delimiters: Delimiters

    /// Creates a header from its sixteen fields.
    public init(fields: [String], delimiters: Delimiters) {
        self.fields = fields
        self.delimiters = delimiters
    }

    /// The field ISA`n` (1-based), or `""`.
    public subscript(n: Int) -> String { n >= 1 && n <= fields.count ? fields[n - 1] : "" }

    /// ISA05, the sender ID qualifier.
    public var senderQualifier: String { self[5] }
    /// ISA06 without its padding.
    public var senderID: String { trimmed(self[6]) }
    /// ISA07, the receiver ID qualifier.
    public var receiverQualifier: String { self[7] }
    /// ISA08 without its padding.
    public var receiverID: String { trimmed(self[8]) }
    /// ISA09 (`YYMMDD`).
    public var date: String { self[9] }
    /// ISA10 (`HHMM`).
    public var time: String { self[10] }
    /// ISA12 (`00501`).
    public var version: String { self[12] }
    /// ISA13, the nine-digit interchange control number.
    public var controlNumber: String { self[13] }
    /// ISA14: `true` when the sender asks for a TA1.
    public var acknowledgmentRequested: Bool { self[14] == "1" }
    /// ISA15: `P` production, `T` test.
    public var usage: String { self[15] }

    private func trimmed(_ s: String) -> String {
        var s = Substring(s)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

/// The GS segment of a functional group.
public struct GroupHeader: Sendable, Hashable, Codable {
    /// GS01, the functional identifier (`HS`, `HB`, `HI`, `FA`).
    public var functionalID: String
    /// GS02, the application sender's code.
    public var senderCode: String
    /// GS03, the application receiver's code.
    public var receiverCode: String
    /// GS04 (`CCYYMMDD`).
    public var date: String
    /// GS05 (`HHMM`…).
    public var time: String
    /// GS06, the group control number.
    public var controlNumber: String
    /// GS07, the responsible agency (`X`).
    public var agency: String
    /// GS08, the version / release / industry identifier (`005010X279A1`).
    public var version: String

    /// Creates a group header.
    public init(functionalID: String, senderCode: String, receiverCode: String, date: String, time: String,
                controlNumber: String, agency: String = "X", version: String) {
        self.functionalID = functionalID
        self.senderCode = senderCode
        self.receiverCode = receiverCode
        self.date = date
        self.time = time
        self.controlNumber = controlNumber
        self.agency = agency
        self.version = version
    }
}

/// The ST segment of a transaction set.
public struct TransactionHeader: Sendable, Hashable, Codable {
    /// ST01, the transaction set identifier (`270`, `271`, `278`, `999`).
    public var id: String
    /// ST02, the control number (compared as a string).
    public var controlNumber: String
    /// ST03, the implementation convention reference (`005010X217`), when sent.
    public var implementationReference: String?

    /// Creates a transaction header.
    public init(id: String, controlNumber: String, implementationReference: String? = nil) {
        self.id = id
        self.controlNumber = controlNumber
        self.implementationReference = implementationReference
    }
}
