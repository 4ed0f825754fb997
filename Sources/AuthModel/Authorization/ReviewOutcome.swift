/// The decision on a review (the event as a whole, or one service line).
///
/// ```swift
/// ReviewOutcome(action: .certifiedInTotal, authorizationNumber: "20261125710002600001",
///               period: CertificationPeriod(issued: today, effective: DateRange(today), expires: today.adding(years: 1)))
/// ReviewOutcome(action: .pended, reasonCodes: ["0U"], administrativeReference: "ADM-77")
/// ```
public struct ReviewOutcome: Sendable, Hashable, Codable {
    /// Certified, denied, pended, modified …
    public var action: DecisionAction
    /// The authorization (certification) number the UMO assigned to this outcome.
    public var authorizationNumber: String?
    /// Decision reason codes (e.g. `0U` additional information required, `0F` not medically necessary).
    public var reasonCodes: [String]
    /// Whether a second surgical opinion is required.
    public var secondSurgicalOpinionRequired: Bool?
    /// The UMO's administrative reference for the review (typical when pended), to quote when following up.
    public var administrativeReference: String?
    /// Certification issue, effective and expiration dates.
    public var period: CertificationPeriod

    /// Creates an outcome.
    public init(action: DecisionAction, authorizationNumber: String? = nil, reasonCodes: [String] = [],
                secondSurgicalOpinionRequired: Bool? = nil, administrativeReference: String? = nil,
                period: CertificationPeriod = CertificationPeriod()) {
        self.action = action
        self.authorizationNumber = authorizationNumber
        self.reasonCodes = reasonCodes
        self.secondSurgicalOpinionRequired = secondSurgicalOpinionRequired
        self.administrativeReference = administrativeReference
        self.period = period
    }

    /// The status this outcome puts the authorization in.
    public var status: AuthorizationStatus { AuthorizationStatus(action: action) }
}
