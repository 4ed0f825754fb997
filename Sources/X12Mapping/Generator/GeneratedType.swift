/// What ``TestDataGenerator`` writes.
public enum GeneratedType: String, Sendable, CaseIterable {
    /// 270 eligibility inquiries.
    case eligibilityInquiry = "270"
    /// 271 eligibility responses.
    case eligibilityResponse = "271"
    /// 278 review requests.
    case authorizationRequest = "278"
    /// 278 review responses.
    case authorizationDecision = "278-response"
}
