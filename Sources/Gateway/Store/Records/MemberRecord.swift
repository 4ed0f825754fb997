import GRDB

/// A member (the patient) as imported from `members.csv`; keyed by the member ID.
public struct MemberRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "member"
    /// The member ID (also called member policy number).
    public var memberID: String
    /// Last name as on file.
    public var lastName: String
    /// First name as on file.
    public var firstName: String
    /// Birth date, `YYYY-MM-DD`.
    public var birthDate: String
    /// `M`, `F` or `U`.
    public var gender: String
    /// The primary care provider's NPI.
    public var pcpNPI: String?
    /// The primary care provider's name.
    public var pcpName: String?
    /// The managing medical group (the UMO that decides for this member).
    public var medicalGroup: String?
    /// For a dependent without a member ID of its own on the card: the subscriber's member ID.
    public var subscriberID: String?
    /// The dependent's relationship to the subscriber (`spouse`, `child`, `other`).
    public var relationship: String?

    /// Creates a member row.
    public init(memberID: String, lastName: String, firstName: String, birthDate: String, gender: String,
                pcpNPI: String? = nil, pcpName: String? = nil, medicalGroup: String? = nil,
                subscriberID: String? = nil, relationship: String? = nil) {
        self.memberID = memberID
        self.lastName = lastName
        self.firstName = firstName
        self.birthDate = birthDate
        self.gender = gender
        self.pcpNPI = pcpNPI
        self.pcpName = pcpName
        self.medicalGroup = medicalGroup
        self.subscriberID = subscriberID
        self.relationship = relationship
    }

    /// Reads a row without going through `Decodable` (the eligibility hot path reads one per inquiry).
    public init(row: Row) throws {
        memberID = row["memberID"]
        lastName = row["lastName"]
        firstName = row["firstName"]
        birthDate = row["birthDate"]
        gender = row["gender"]
        pcpNPI = row["pcpNPI"]
        pcpName = row["pcpName"]
        medicalGroup = row["medicalGroup"]
        subscriberID = row["subscriberID"]
        relationship = row["relationship"]
    }
}
