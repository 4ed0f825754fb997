import AuthModel

/// One transaction set as domain values: what a 270, 271 or 278 holds.
///
/// A 270 or 271 may ask or answer about several patients, so it holds a list (usually of one); a 278
/// holds exactly one request or one decision.
///
/// The two 278 cases are boxed (`indirect`): a request is about 1.8 KB and a decision 2.3 KB as plain values, and a
/// transaction is handed on several times between the reader and its consumer; boxed, each hand-over is one
/// reference.
public enum ModelTransaction: Sendable, Hashable, Codable {
    /// A 270.
    case eligibilityInquiry([EligibilityInquiry])
    /// A 271.
    case eligibilityResponse([EligibilityResponse])
    /// A 278 request (BHT02 `13`, `01` or `36`).
    indirect case authorizationRequest(AuthorizationRequest)
    /// A 278 response (BHT02 `11`).
    indirect case authorizationDecision(AuthorizationDecision)

    /// The transaction set identifier: `270`, `271` or `278`.
    public var transactionSetID: String {
        switch self {
        case .eligibilityInquiry: return "270"
        case .eligibilityResponse: return "271"
        case .authorizationRequest, .authorizationDecision: return "278"
        }
    }

    /// The model JSON's `type`: `270`, `271`, `278` or `278-response` (the generator's names too).
    public var typeName: String {
        if case .authorizationDecision = self { return "278-response" }
        return transactionSetID
    }

    /// The implementation guide (`005010X279A1` or `005010X217`).
    public var implementationReference: String {
        transactionSetID == "278" ? "005010X217" : "005010X279A1"
    }

    /// The functional identifier of the group that carries it (`HS`, `HB`, `HI`).
    public var functionalID: String {
        switch self {
        case .eligibilityInquiry: return "HS"
        case .eligibilityResponse: return "HB"
        case .authorizationRequest, .authorizationDecision: return "HI"
        }
    }
}
