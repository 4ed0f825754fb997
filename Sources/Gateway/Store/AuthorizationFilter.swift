/// What `auth list` looks for; every field left `nil` matches everything.
public struct AuthorizationFilter: Sendable, Equatable {
    /// An exact tracking number.
    public var trackingNumber: String?
    /// An exact member ID.
    public var memberID: String?
    /// The requesting or servicing provider's NPI.
    public var providerNPI: String?
    /// A status (`REQUESTED`, `SYSTEM HOLD`, `APPROVED`, `DENIED`, `CANCELLED`).
    public var status: String?
    /// `standard`, `expedited` or `retrospective`.
    public var priority: String?
    /// Requested on or after this day (`YYYY-MM-DD`).
    public var requestedFrom: String?
    /// Requested on or before this day (`YYYY-MM-DD`).
    public var requestedTo: String?
    /// Action date on or after / before these days.
    public var actionFrom: String?, actionTo: String?
    /// Expiration (last certified day) on or after / before these days.
    public var expiresFrom: String?, expiresTo: String?
    /// At most this many rows (newest first).
    public var limit: Int

    /// A filter that matches everything, newest 100 first.
    public init(limit: Int = 100) { self.limit = limit }
}
