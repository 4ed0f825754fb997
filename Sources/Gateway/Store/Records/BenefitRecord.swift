import GRDB

/// One benefit of a plan for one service type, as imported from `benefits.csv`.
///
/// Keyed by plan, service type, kind, coverage level, network and time period.
public struct BenefitRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "benefit"
    /// The plan ID.
    public var planID: String
    /// The X12 service type code (`30`, `98`, `UC`…).
    public var serviceType: String
    /// `copay`, `coinsurance`, `deductible`, `out_of_pocket`, `limitation` or `non_covered`.
    public var kind: String
    /// `IND`, `FAM` or empty.
    public var coverageLevel: String
    /// `in`, `out` or `both`.
    public var network: String
    /// `visit`, `calendar_year`, `remaining`, `year_to_date`, `lifetime`, `day` or empty.
    public var timePeriod: String
    /// A money amount as written (decimal), or `nil`.
    public var amount: String?
    /// A fraction (`0.2` = 20 %), or `nil`.
    public var percent: String?
    /// A quantity (visits, days), or `nil`.
    public var quantity: String?
    /// `Y` when the service needs prior authorization.
    public var authorizationRequired: Bool
    /// A free-text note (MSG).
    public var note: String?

    /// Creates a benefit row.
    public init(planID: String, serviceType: String, kind: String, coverageLevel: String, network: String,
                timePeriod: String, amount: String? = nil, percent: String? = nil, quantity: String? = nil,
                authorizationRequired: Bool = false, note: String? = nil) {
        self.planID = planID
        self.serviceType = serviceType
        self.kind = kind
        self.coverageLevel = coverageLevel
        self.network = network
        self.timePeriod = timePeriod
        self.amount = amount
        self.percent = percent
        self.quantity = quantity
        self.authorizationRequired = authorizationRequired
        self.note = note
    }
}
