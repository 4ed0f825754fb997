/// How urgently the service is needed, as the requester states it.
public enum LevelOfService: String, Sendable, Hashable, Codable, CaseIterable {
    /// Emergency.
    case emergency
    /// Elective.
    case elective
    /// Urgent.
    case urgent
}
