import GRDB

/// A provider as imported from `providers.csv`; keyed by NPI.
public struct ProviderRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "provider"
    /// The 10-digit NPI.
    public var npi: String
    /// Name (organization or "Last, First").
    public var name: String
    /// Specialty as written (matched against the referral rules without case or punctuation).
    public var specialty: String
    /// Contracted with the plan or group.
    public var contracted: Bool
    /// A tertiary provider (UCSF, Stanford…): never reachable by a referral.
    public var tertiary: Bool

    /// Creates a provider row.
    public init(npi: String, name: String, specialty: String, contracted: Bool, tertiary: Bool) {
        self.npi = npi
        self.name = name
        self.specialty = specialty
        self.contracted = contracted
        self.tertiary = tertiary
    }
}
