/// Yes, no or unknown (e.g. whether prior authorization is required).
public enum YesNoUnknown: String, Sendable, Hashable, Codable, CaseIterable {
    /// Yes.
    case yes
    /// No.
    case no
    /// Unknown.
    case unknown
}
