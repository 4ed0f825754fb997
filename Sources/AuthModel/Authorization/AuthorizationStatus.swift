/// The status vocabulary of the portals: REQUESTED, SYSTEM HOLD, APPROVED, DENIED, CANCELLED.
///
/// From a decision (``init(action:)``):
///
/// | decision | status |
/// |---|---|
/// | certified in total, certified partially, modified, no action required | APPROVED |
/// | not certified | DENIED |
/// | pended, contact payer | SYSTEM HOLD |
/// | cancelled | CANCELLED |
/// | none yet (request received, no answer) | REQUESTED |
///
/// A rejected request (request validation, no decision) never becomes an authorization: it has no status.
/// To a decision (``decisionAction``): APPROVED → certified in total, DENIED → not certified,
/// CANCELLED → cancelled, SYSTEM HOLD and REQUESTED → pended.
public enum AuthorizationStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Received, not yet processed.
    case requested = "REQUESTED"
    /// Still processing (pended for review).
    case systemHold = "SYSTEM HOLD"
    /// Approved: valid for service.
    case approved = "APPROVED"
    /// Denied.
    case denied = "DENIED"
    /// Cancelled.
    case cancelled = "CANCELLED"

    /// The status a decision puts an authorization in.
    public init(action: DecisionAction) {
        switch action {
        case .certifiedInTotal, .certifiedPartially, .modified, .noActionRequired: self = .approved
        case .notCertified: self = .denied
        case .pended, .contactPayer: self = .systemHold
        case .cancelled: self = .cancelled
        }
    }

    /// The decision an answer reports for this status.
    public var decisionAction: DecisionAction {
        switch self {
        case .approved: return .certifiedInTotal
        case .denied: return .notCertified
        case .cancelled: return .cancelled
        case .systemHold, .requested: return .pended
        }
    }

    /// `true` only for an approved authorization (the only status valid for service).
    public var isValidForService: Bool { self == .approved }

    /// `true` when no further change is expected (approved, denied, cancelled).
    public var isFinal: Bool { self == .approved || self == .denied || self == .cancelled }
}
