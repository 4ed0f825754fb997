import GRDB

/// An interchange received: sender and ISA13 identify it, so the same interchange sent twice is recognized.
public struct InterchangeRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "interchange"
    /// Row ID.
    public var id: Int64?
    /// The file it came in.
    public var fileID: Int64?
    /// ISA05.
    public var senderQualifier: String
    /// ISA06 without padding.
    public var senderID: String
    /// ISA08 without padding.
    public var receiverID: String
    /// ISA13.
    public var controlNumber: String
    /// When it was received (ISO 8601).
    public var receivedAt: String

    /// Creates an interchange row.
    public init(id: Int64? = nil, fileID: Int64?, senderQualifier: String, senderID: String, receiverID: String,
                controlNumber: String, receivedAt: String) {
        self.id = id
        self.fileID = fileID
        self.senderQualifier = senderQualifier
        self.senderID = senderID
        self.receiverID = receiverID
        self.controlNumber = controlNumber
        self.receivedAt = receivedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
