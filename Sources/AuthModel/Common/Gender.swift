/// Administrative gender.
public enum Gender: String, Sendable, Hashable, Codable, CaseIterable {
    /// Female.
    case female
    /// Male.
    case male
    /// Unknown.
    case unknown
}
