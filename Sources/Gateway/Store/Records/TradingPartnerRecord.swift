import GRDB

/// A trading partner: an interchange sender (ISA05 qualifier + ISA06 ID), registered the first time it is seen.
public struct TradingPartnerRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "tradingPartner"
    /// Row ID.
    public var id: Int64?
    /// ISA05.
    public var qualifier: String
    /// ISA06, without padding.
    public var senderID: String
    /// A display name (the sender ID until someone names it).
    public var name: String
    /// When it was first seen (ISO 8601).
    public var firstSeen: String

    /// Creates a partner row.
    public init(id: Int64? = nil, qualifier: String, senderID: String, name: String, firstSeen: String) {
        self.id = id
        self.qualifier = qualifier
        self.senderID = senderID
        self.name = name
        self.firstSeen = firstSeen
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
