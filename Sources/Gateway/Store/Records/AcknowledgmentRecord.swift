import GRDB

/// An acknowledgment (TA1 or 999) or a response interchange (271, 278) that we sent.
public struct AcknowledgmentRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "acknowledgment"
    /// Row ID.
    public var id: Int64?
    /// The received file it answers.
    public var fileID: Int64?
    /// `TA1`, `999`, `271` or `278`.
    public var kind: String
    /// Our ISA13 on the outbound interchange.
    public var interchangeControlNumber: String
    /// The ISA13 of the interchange it answers.
    public var answersControlNumber: String
    /// The result: TA104 (`A`, `E`, `R`) for a TA1, the worst AK901 for a 999, the transaction count for a response.
    public var result: String
    /// The output file name in the outbox.
    public var outputName: String
    /// When it was written (ISO 8601).
    public var sentAt: String

    /// Creates an acknowledgment row.
    public init(id: Int64? = nil, fileID: Int64?, kind: String, interchangeControlNumber: String,
                answersControlNumber: String, result: String, outputName: String, sentAt: String) {
        self.id = id
        self.fileID = fileID
        self.kind = kind
        self.interchangeControlNumber = interchangeControlNumber
        self.answersControlNumber = answersControlNumber
        self.result = result
        self.outputName = outputName
        self.sentAt = sentAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
