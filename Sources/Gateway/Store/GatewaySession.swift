/// The operations of one store session (see ``GatewayStore``). Rows are the plain records of `Store/Records`.
public protocol GatewaySession {
    // MARK: Reference data
    /// The member with this ID.
    func member(_ memberID: String) throws -> MemberRecord?
    /// Members recorded as dependents of this subscriber.
    func dependents(subscriberID: String) throws -> [MemberRecord]
    /// The member's coverage periods, latest start first.
    func coverages(memberID: String) throws -> [CoverageRecord]
    /// The plan's benefits.
    func benefits(planID: String) throws -> [BenefitRecord]
    /// The provider with this NPI.
    func provider(npi: String) throws -> ProviderRecord?
    /// Inserts or replaces a member (by member ID).
    func save(_ member: MemberRecord) throws
    /// Inserts or replaces a coverage period (by member, plan, start).
    func save(_ coverage: CoverageRecord) throws
    /// Inserts or replaces a benefit (by its key).
    func save(_ benefit: BenefitRecord) throws
    /// Inserts or replaces a provider (by NPI).
    func save(_ provider: ProviderRecord) throws
    /// Row counts: members, coverages, benefits, providers.
    func referenceCounts() throws -> (members: Int, coverages: Int, benefits: Int, providers: Int)

    // MARK: Counters
    /// Increments the counter `name` (created at 0) and returns the new value.
    func nextValue(_ name: String) throws -> Int64

    // MARK: Savepoints (inside a write session)
    /// Marks a point the session can go back to (``endSavepoint(_:keep:)``): what one interchange changes.
    func beginSavepoint(_ name: String) throws
    /// Keeps (`keep`) or undoes everything done since ``beginSavepoint(_:)`` with the same `name`, and forgets the point.
    func endSavepoint(_ name: String, keep: Bool) throws

    // MARK: Files, interchanges, acknowledgments
    /// Registers the partner when new; returns its row.
    func partner(qualifier: String, senderID: String, at: String) throws -> TradingPartnerRecord
    /// The interchange already received with this sender and ISA13, if any.
    func interchange(senderQualifier: String, senderID: String, controlNumber: String) throws -> InterchangeRecord?
    /// Records a received interchange.
    func insert(_ interchange: inout InterchangeRecord) throws
    /// Records a file's journal row.
    func insert(_ file: inout ReceivedFileRecord) throws
    /// Updates a file's journal row.
    func update(_ file: ReceivedFileRecord) throws
    /// The unfinished journal row of a claimed file with this name and content hash.
    func unfinishedFile(name: String, contentHash: String) throws -> ReceivedFileRecord?
    /// Journal rows still `processed` (not `done`).
    func unfinishedFiles() throws -> [ReceivedFileRecord]
    /// Records an acknowledgment or response sent.
    func insert(_ acknowledgment: inout AcknowledgmentRecord) throws

    // MARK: Authorizations
    /// Stores a new authorization.
    func insert(_ authorization: inout AuthorizationRecord) throws
    /// Updates an authorization's current state.
    func update(_ authorization: AuthorizationRecord) throws
    /// Appends to an authorization's status history.
    func append(_ status: inout AuthorizationStatusRecord) throws
    /// The authorization with this tracking number.
    func authorization(trackingNumber: String) throws -> AuthorizationRecord?
    /// Authorizations matching `filter`, newest first.
    func authorizations(_ filter: AuthorizationFilter) throws -> [AuthorizationRecord]
    /// An authorization's status history, oldest first.
    func history(authorizationID: Int64) throws -> [AuthorizationStatusRecord]
    /// Records the visits a referral allows.
    func save(_ visits: ReferralVisitRecord) throws
    /// Certified referrals for this member, specialist and diagnosis still valid on `day`.
    func activeReferrals(memberID: String, servicingNPI: String, diagnosis: String, on day: String) throws -> [ReferralVisitRecord]
}
