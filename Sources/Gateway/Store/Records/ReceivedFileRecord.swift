import GRDB

/// A file the batch processor claimed, and the journal of its processing.
///
/// States, in order: `processed` (the store holds everything the file changed, the outputs sit under temporary
/// names in the outbox), `done` (outputs renamed into the outbox, the input archived or moved to errors).
/// A claimed file with no row was never committed and is processed again from the start.
public struct ReceivedFileRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "receivedFile"
    /// Row ID.
    public var id: Int64?
    /// The file name as dropped in the inbox.
    public var name: String
    /// SHA-256 of the content, hex.
    public var contentHash: String
    /// Size in bytes.
    public var size: Int64
    /// `processed` or `done`.
    public var state: String
    /// `accepted`, `partial`, `rejected`, `duplicate` or `unreadable`.
    public var outcome: String
    /// Output file names (in the outbox), separated by `|`.
    public var outputs: String
    /// Where the input goes when done: `archive` or `errors`.
    public var destination: String
    /// Transaction sets in the file.
    public var transactions: Int
    /// Transaction sets accepted.
    public var accepted: Int
    /// Transaction sets rejected.
    public var rejected: Int
    /// When it was processed (ISO 8601).
    public var processedAt: String
    /// When it was finished (ISO 8601).
    public var doneAt: String?

    /// Creates a file row.
    public init(id: Int64? = nil, name: String, contentHash: String, size: Int64, state: String, outcome: String,
                outputs: String, destination: String, transactions: Int, accepted: Int, rejected: Int,
                processedAt: String, doneAt: String? = nil) {
        self.id = id
        self.name = name
        self.contentHash = contentHash
        self.size = size
        self.state = state
        self.outcome = outcome
        self.outputs = outputs
        self.destination = destination
        self.transactions = transactions
        self.accepted = accepted
        self.rejected = rejected
        self.processedAt = processedAt
        self.doneAt = doneAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
