/// Whether a benefit applies in or out of the plan's network.
public enum NetworkIndicator: String, Sendable, Hashable, Codable, CaseIterable {
    /// In network.
    case inNetwork
    /// Out of network.
    case outOfNetwork
    /// Unknown.
    case unknown
    /// Not applicable: applies regardless of network.
    case notApplicable
}
