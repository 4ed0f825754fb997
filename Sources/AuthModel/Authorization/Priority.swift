/// The priority of a request, as portals and reviewers use it.
///
/// - ``standard``: most requests.
/// - ``expedited``: medically urgent, with the physician's documentation.
/// - ``retrospective``: the service was already rendered; the date of service must be stated.
///
/// It is derived (see ``AuthorizationRequest/priority``): urgent or emergency level of service or an
/// immediate appeal is expedited; a service date before the request's creation date is retrospective.
public enum Priority: String, Sendable, Hashable, Codable, CaseIterable {
    /// Standard.
    case standard
    /// Expedited (urgent).
    case expedited
    /// Retrospective.
    case retrospective
}
