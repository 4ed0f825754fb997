import GRDB

/// One entry of an authorization's status history (appended, never changed).
public struct AuthorizationStatusRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "authorizationStatus"
    /// Row ID.
    public var id: Int64?
    /// The authorization's row ID.
    public var authorizationID: Int64
    /// The status entered.
    public var status: String
    /// The decision's HCR01, when a decision made the change.
    public var action: String?
    /// When (ISO 8601).
    public var at: String
    /// Who: `system` or the reviewer's name.
    public var actor: String
    /// Reason codes, separated by `|`.
    public var reasons: String
    /// A free-text note.
    public var note: String?

    /// Creates a history row.
    public init(id: Int64? = nil, authorizationID: Int64, status: String, action: String?, at: String, actor: String,
                reasons: String, note: String?) {
        self.id = id
        self.authorizationID = authorizationID
        self.status = status
        self.action = action
        self.at = at
        self.actor = actor
        self.reasons = reasons
        self.note = note
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
