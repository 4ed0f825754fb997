import GRDB

/// A named counter: our outbound ISA13 / GS06 / ST02, and the daily tracking-number sequences.
public struct CounterRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "counter"
    /// The counter's name (`isa13`, `gs06`, `tracking-20261125`…).
    public var name: String
    /// The last value handed out.
    public var value: Int64

    /// Creates a counter row.
    public init(name: String, value: Int64) {
        self.name = name
        self.value = value
    }
}
