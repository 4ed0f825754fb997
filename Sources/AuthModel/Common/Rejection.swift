/// The request could not be processed as sent (the request validation of the answer).
///
/// A rejection is not a denial: it says the request was unusable at the level where it is attached
/// (the payer, the provider, the member, the event, a service line, a benefit).
///
/// ```swift
/// Rejection(reasonCode: "75", followUpAction: .correctAndResubmit)   // subscriber not found
/// ```
public struct Rejection: Sendable, Hashable, Codable {
    /// `true` when the request was valid but cannot be answered as asked (e.g. provider not eligible for
    /// inquiries); `false` when the request is invalid.
    public var validRequest: Bool
    /// The reject reason code (`72` invalid member ID, `75` subscriber not found, `42` unable to respond now …).
    public var reasonCode: String
    /// What to do next.
    public var followUpAction: FollowUpAction?

    /// Creates a rejection.
    public init(validRequest: Bool = false, reasonCode: String, followUpAction: FollowUpAction? = nil) {
        self.validRequest = validRequest
        self.reasonCode = reasonCode
        self.followUpAction = followUpAction
    }
}
