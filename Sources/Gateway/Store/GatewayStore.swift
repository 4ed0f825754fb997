/// Where the gateway keeps its state: reference data, received files and interchanges, acknowledgments sent,
/// authorizations with their history, referral visit counts and counters.
///
/// Work happens in sessions: ``read(_:)`` sees a consistent snapshot; ``write(_:)`` runs in one transaction
/// that commits when the body returns and rolls back when it throws. The SQLite implementation is
/// ``SQLiteGatewayStore``; a server database implements the same two protocols.
public protocol GatewayStore: Sendable {
    /// Runs `body` with a read-only session.
    func read<T>(_ body: (any GatewaySession) throws -> T) throws -> T
    /// Runs `body` in one write transaction.
    func write<T>(_ body: (any GatewaySession) throws -> T) throws -> T
}
