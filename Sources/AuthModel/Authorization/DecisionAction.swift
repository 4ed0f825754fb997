/// The UMO's decision on a review.
public enum DecisionAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// Certified in total: approved as requested.
    case certifiedInTotal
    /// Certified partially (event level only).
    case certifiedPartially
    /// Not certified: denied (an adverse determination, with a reason).
    case notCertified
    /// Pended: no decision yet; the final answer follows.
    case pended
    /// Modified: approved with changes (dates, units, provider, service).
    case modified
    /// Cancelled (the answer to a cancel request).
    case cancelled
    /// Contact the payer: cannot be resolved electronically.
    case contactPayer
    /// No action required (e.g. no certification needed for this service).
    case noActionRequired
}
