/// Why a transaction was sent.
public enum TransactionPurpose: String, Sendable, Hashable, Codable, CaseIterable {
    /// A request (inquiry or review request).
    case request
    /// The cancellation of an earlier request.
    case cancellation
    /// Authority to deduct (reply), in a 278.
    case authorityToDeduct
    /// A response.
    case response
    /// A confirmation (a 271 that confirms without details).
    case confirmation
}
