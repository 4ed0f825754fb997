/// Whether more answers will follow this one.
public enum ResponseStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Final: no further updates to follow.
    case final
    /// Further updates to follow (e.g. after a pended decision).
    case updatesToFollow
    /// The answer to a medical services reservation.
    case servicesReservation
}
