import Foundation

/// The referral rules, as data: read from a JSON file (`config/referral-rules.json` ships DOMAIN.md's defaults).
///
/// A specialty-care referral is certified when the specialist is on file, contracted (``contractedOnly``), not
/// tertiary (``tertiaryExcluded``), of a specialty listed in ``followUpVisits``, and every procedure code is in
/// ``allowedProcedureCodes`` and not disallowed for the member's line of business.
public struct ReferralRules: Sendable, Equatable, Codable {
    /// Codes disallowed for some lines of business (the Medicare Advantage consultation-code rule).
    public struct LineOfBusinessRule: Sendable, Equatable, Codable {
        /// Lines of business the rule applies to (as in `members.csv`, e.g. `MEDICARE-ADVANTAGE`).
        public var linesOfBusiness: [String]
        /// Procedure codes not allowed for them.
        public var disallowedProcedureCodes: [String]
        /// The sentence given as the reason.
        public var explanation: String
    }

    /// HCR03 decision reason codes given when a rule is broken.
    public struct ReasonCodes: Sendable, Equatable, Codable {
        /// The specialist's specialty is not in ``ReferralRules/followUpVisits``.
        public var specialtyNotListed: String
        /// The specialist is not in the providers on file.
        public var providerNotOnFile: String
        /// The specialist is not contracted.
        public var providerNotContracted: String
        /// The specialist is a tertiary provider.
        public var tertiaryProvider: String
        /// A procedure is not one of ``ReferralRules/allowedProcedureCodes``.
        public var procedureNotAllowed: String
        /// A procedure is disallowed for the member's line of business.
        public var lineOfBusinessRule: String
        /// A referral for the same member, specialist and diagnosis is still valid.
        public var duplicateReferral: String
    }

    /// What the file says about itself.
    public var about: String?
    /// How long a referral is valid from the day it is issued.
    public var validityMonths: Int
    /// Only contracted specialists can be referred to.
    public var contractedOnly: Bool
    /// Tertiary providers are never reachable by a referral.
    public var tertiaryExcluded: Bool
    /// The low and mid level E/M codes a referral may request.
    public var allowedProcedureCodes: [String]
    /// Per line of business restrictions.
    public var lineOfBusinessRules: [LineOfBusinessRule]
    /// Follow-up visits allowed after the initial visit, by specialty.
    public var followUpVisits: [String: Int]
    /// Other names of listed specialties.
    public var specialtyAliases: [String: String]
    /// Notes for people.
    public var notes: [String]?
    /// Reason codes.
    public var reasonCodes: ReasonCodes

    /// Reads rules from JSON.
    public init(json: Data) throws {
        self = try JSONDecoder().decode(ReferralRules.self, from: json)
    }

    /// Reads rules from a file.
    public init(path: String) throws {
        try self.init(json: try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The defaults of DOMAIN.md (the same as the shipped `config/referral-rules.json`).
    public static let defaults: ReferralRules = try! ReferralRules(json: Data(defaultJSON.utf8))

    /// Follow-up visits for a specialty as written on a provider row, or `nil` when the specialty is not listed.
    public func followUps(forSpecialty specialty: String) -> Int? {
        let key = Self.normalize(specialty)
        if let hit = followUpVisits.first(where: { Self.normalize($0.key) == key }) { return hit.value }
        if let alias = specialtyAliases.first(where: { Self.normalize($0.key) == key }) {
            return followUpVisits.first(where: { Self.normalize($0.key) == Self.normalize(alias.value) })?.value
        }
        return nil
    }

    /// Lower-case letters and digits only, with `&` read as `and`.
    static func normalize(_ s: String) -> String {
        s.lowercased().replacingOccurrences(of: "&", with: "and").filter { $0.isLetter || $0.isNumber }
    }
}
