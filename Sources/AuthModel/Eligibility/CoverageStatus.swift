/// The member's coverage as an eligibility answer states it.
public enum CoverageStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Active coverage.
    case active
    /// Inactive.
    case inactive
    /// Not stated (or the inquiry was rejected).
    case unknown
}
