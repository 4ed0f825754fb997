import AuthModel

/// What the authorization responder did with one request: the answer, and the stored authorization when the
/// request was accepted (a rejected request gets no tracking number and is not stored).
public struct AuthorizationOutcome: Sendable, Equatable {
    /// The 278 response, as domain values.
    public var decision: AuthorizationDecision
    /// The stored authorization, `nil` for a rejection.
    public var authorization: AuthorizationRecord?

    /// The tracking number given, `nil` for a rejection.
    public var trackingNumber: String? { authorization?.trackingNumber }
}
