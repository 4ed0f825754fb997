import AuthModel
import Foundation

/// Applies ``ReferralRules`` to one specialty-care referral.
public struct ReferralEvaluator: Sendable {
    /// The verdict.
    public enum Verdict: Sendable, Equatable {
        /// Certified for `visits` (initial + follow-ups); `asked` is the number of visits requested, if stated.
        case certified(visits: Int, asked: Int?)
        /// Cancelled with an HCR03 reason code and a sentence.
        case cancelled(reason: String, explanation: String)
    }

    /// The rules.
    public let rules: ReferralRules
    private let followUps: [String: Int]
    private let allowed: Set<String>

    /// An evaluator for `rules` (specialty names normalized once).
    public init(rules: ReferralRules) {
        self.rules = rules
        var map: [String: Int] = [:]
        for (name, n) in rules.followUpVisits { map[ReferralRules.normalize(name)] = n }
        for (alias, name) in rules.specialtyAliases { if let n = map[ReferralRules.normalize(name)] { map[ReferralRules.normalize(alias)] = n } }
        followUps = map
        allowed = Set(rules.allowedProcedureCodes)
    }

    /// The verdict for `request`, for a member of `lineOfBusiness`, on `day`.
    public func evaluate(_ request: AuthorizationRequest, lineOfBusiness: String, memberID: String, on day: CalendarDate,
                         in session: any GatewaySession) throws -> Verdict {
        let codes = rules.reasonCodes
        guard let npi = (request.event.servicingProvider ?? request.serviceLines.lazy.flatMap(\.providers).first)?.npi,
              let provider = try session.provider(npi: npi) else {
            return .cancelled(reason: codes.providerNotOnFile, explanation: "the specialist is not on file")
        }
        if rules.tertiaryExcluded && provider.tertiary {
            return .cancelled(reason: codes.tertiaryProvider, explanation: "tertiary providers need an authorization, not a referral")
        }
        if rules.contractedOnly && !provider.contracted {
            return .cancelled(reason: codes.providerNotContracted, explanation: "the specialist is not contracted")
        }
        guard let followUps = followUps[ReferralRules.normalize(provider.specialty)] else {
            return .cancelled(reason: codes.specialtyNotListed,
                              explanation: "specialty \(provider.specialty) is not reachable by a referral")
        }
        let procedures = request.serviceLines.compactMap { $0.procedure?.code }
        if let bad = procedures.first(where: { !allowed.contains($0) }) {
            return .cancelled(reason: codes.procedureNotAllowed,
                              explanation: "procedure \(bad) is not a low or mid level E/M code allowed on a referral")
        }
        for rule in rules.lineOfBusinessRules where rule.linesOfBusiness.contains(lineOfBusiness) {
            if let bad = procedures.first(where: { rule.disallowedProcedureCodes.contains($0) }) {
                return .cancelled(reason: codes.lineOfBusinessRule, explanation: "\(bad): \(rule.explanation)")
            }
        }
        let diagnosis = request.diagnoses.first?.code ?? ""
        if !(try session.activeReferrals(memberID: memberID, servicingNPI: npi, diagnosis: diagnosis, on: day.description)).isEmpty {
            return .cancelled(reason: codes.duplicateReferral,
                              explanation: "a referral for this specialist and diagnosis is still valid; more visits need an authorization")
        }
        let asked = (request.event.delivery?.quantity).map { NSDecimalNumber(decimal: $0).intValue }
        return .certified(visits: 1 + followUps, asked: asked)
    }
}
