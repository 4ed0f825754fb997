import GRDB

/// The visits a certified referral allows (initial + follow-ups) and how many are used; keyed by tracking number.
public struct ReferralVisitRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "referralVisit"
    /// The referral's tracking number.
    public var trackingNumber: String
    /// The member ID.
    public var memberID: String
    /// The specialist's NPI.
    public var servicingNPI: String
    /// The diagnosis the referral is for (a new diagnosis allows a new referral).
    public var diagnosis: String
    /// Initial visit + follow-ups.
    public var visitsAllowed: Int
    /// Visits used so far.
    public var visitsUsed: Int
    /// First valid day, `YYYY-MM-DD`.
    public var validFrom: String
    /// Last valid day, `YYYY-MM-DD`.
    public var validTo: String

    /// Creates a visit-count row.
    public init(trackingNumber: String, memberID: String, servicingNPI: String, diagnosis: String, visitsAllowed: Int,
                visitsUsed: Int, validFrom: String, validTo: String) {
        self.trackingNumber = trackingNumber
        self.memberID = memberID
        self.servicingNPI = servicingNPI
        self.diagnosis = diagnosis
        self.visitsAllowed = visitsAllowed
        self.visitsUsed = visitsUsed
        self.validFrom = validFrom
        self.validTo = validTo
    }
}
