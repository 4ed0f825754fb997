/// How an implementation guide uses a loop, segment, element or component.
public enum Usage: String, Sendable, Hashable, Codable {
    /// Required.
    case required = "R"
    /// Situational: sent only when the guide's condition holds.
    case situational = "S"
    /// Not used: must not be sent.
    case notUsed = "N"
}
