import GRDB

/// A stored authorization or referral request, its current status and the decision sent.
public struct AuthorizationRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "authorization"
    /// Row ID.
    public var id: Int64?
    /// The 20-digit tracking number.
    public var trackingNumber: String
    /// The received file it came in (`nil` when entered otherwise).
    public var fileID: Int64?
    /// The partner that sent the request (ISA05:ISA06), where the answers go.
    public var partner: String?
    /// The receiver the request was addressed to (ISA07:ISA08): we answer as it.
    public var receiver: String?
    /// `referral` or `authorization`.
    public var kind: String
    /// The member ID.
    public var memberID: String
    /// The requesting provider's NPI.
    public var requestingNPI: String?
    /// The servicing (requested) provider's NPI.
    public var servicingNPI: String?
    /// `standard`, `expedited` or `retrospective`.
    public var priority: String
    /// Current status: `REQUESTED`, `SYSTEM HOLD`, `APPROVED`, `DENIED`, `CANCELLED`.
    public var status: String
    /// The last decision's HCR01 (`A1`, `A3`, `A4`, `A6`, `C`…).
    public var action: String
    /// The last decision's reason codes (HCR03), separated by `|`.
    public var reasons: String
    /// The primary diagnosis code.
    public var diagnosis: String?
    /// The first procedure code.
    public var procedure: String?
    /// When the request arrived (ISO 8601).
    public var requestedAt: String
    /// The date of the last action, `YYYY-MM-DD`.
    public var actionDate: String?
    /// First day of service or of the certified period, `YYYY-MM-DD`.
    public var serviceFrom: String?
    /// Last day of service or expiration of the certified period, `YYYY-MM-DD`.
    public var serviceTo: String?
    /// Visits (or units) certified.
    public var certifiedQuantity: Int?
    /// The request as domain JSON.
    public var requestJSON: String
    /// The last decision as domain JSON.
    public var decisionJSON: String

    /// Creates an authorization row.
    public init(id: Int64? = nil, trackingNumber: String, fileID: Int64?, partner: String? = nil, receiver: String? = nil, kind: String, memberID: String,
                requestingNPI: String?, servicingNPI: String?, priority: String, status: String, action: String,
                reasons: String, diagnosis: String?, procedure: String?, requestedAt: String, actionDate: String?,
                serviceFrom: String?, serviceTo: String?, certifiedQuantity: Int?, requestJSON: String, decisionJSON: String) {
        self.id = id
        self.trackingNumber = trackingNumber
        self.fileID = fileID
        self.partner = partner
        self.receiver = receiver
        self.kind = kind
        self.memberID = memberID
        self.requestingNPI = requestingNPI
        self.servicingNPI = servicingNPI
        self.priority = priority
        self.status = status
        self.action = action
        self.reasons = reasons
        self.diagnosis = diagnosis
        self.procedure = procedure
        self.requestedAt = requestedAt
        self.actionDate = actionDate
        self.serviceFrom = serviceFrom
        self.serviceTo = serviceTo
        self.certifiedQuantity = certifiedQuantity
        self.requestJSON = requestJSON
        self.decisionJSON = decisionJSON
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
