import GRDB

/// One period of a member's coverage under a plan; keyed by member, plan and start date.
public struct CoverageRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "coverage"
    /// The member ID.
    public var memberID: String
    /// The plan ID (benefits are looked up by it).
    public var planID: String
    /// The plan's name.
    public var planName: String
    /// `MEDI-CAL`, `MEDICARE-ADVANTAGE`, `COMMERCIAL`…
    public var lineOfBusiness: String
    /// First day covered, `YYYY-MM-DD`.
    public var start: String
    /// Last day covered, `YYYY-MM-DD`; `nil` = open.
    public var end: String?

    /// Creates a coverage row.
    public init(memberID: String, planID: String, planName: String, lineOfBusiness: String, start: String, end: String?) {
        self.memberID = memberID
        self.planID = planID
        self.planName = planName
        self.lineOfBusiness = lineOfBusiness
        self.start = start
        self.end = end
    }

    /// `true` when `day` (`YYYY-MM-DD`) falls in the period.
    public func covers(_ day: String) -> Bool { start <= day && (end.map { day <= $0 } ?? true) }

    /// Reads a row without going through `Decodable` (the eligibility hot path reads these per inquiry).
    public init(row: Row) throws {
        memberID = row["memberID"]
        planID = row["planID"]
        planName = row["planName"]
        lineOfBusiness = row["lineOfBusiness"]
        start = row["start"]
        end = row["end"]
    }
}
