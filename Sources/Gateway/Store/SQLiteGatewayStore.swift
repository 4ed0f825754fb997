import GRDB

/// The embedded store: one SQLite file in WAL mode through GRDB, its schema set up by ``StoreMigrations``.
///
/// ```swift
/// let store = try SQLiteGatewayStore(path: "./x12gate.sqlite")
/// let member = try store.read { try $0.member("W123456789") }
/// ```
public final class SQLiteGatewayStore: GatewayStore {
    /// The database pool (WAL: readers never block the writer).
    public let pool: DatabasePool
    /// The file path.
    public let path: String

    /// Opens (creating if needed) the store at `path` and applies pending migrations.
    public init(path: String) throws {
        var config = Configuration()
        config.busyMode = .timeout(30)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        self.path = path
        pool = try DatabasePool(path: path, configuration: config)
        try StoreMigrations.migrator.migrate(pool)
    }

    /// The migrations applied so far, by name.
    public func appliedMigrations() throws -> [String] {
        try pool.read { try StoreMigrations.migrator.appliedMigrations($0) }
    }

    /// Runs `body` on a read-only connection (a snapshot; it never blocks the writer).
    public func read<T>(_ body: (any GatewaySession) throws -> T) throws -> T {
        try pool.unsafeReentrantRead { db in try body(SQLiteGatewaySession(db: db)) }
    }

    /// Runs `body` in one immediate transaction on the single writer connection.
    public func write<T>(_ body: (any GatewaySession) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(SQLiteGatewaySession(db: db))
                return .commit
            }
            return result!
        }
    }
}
