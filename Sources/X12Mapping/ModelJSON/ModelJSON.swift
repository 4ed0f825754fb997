import AuthModel
import Foundation

/// The model JSON: one transaction set per line (JSON Lines).
///
/// Each line is an object with `type` (`270`, `271`, `278`, `278-response`) and one payload key:
/// `eligibilityInquiries` (array), `eligibilityResponses` (array), `authorizationRequest` or
/// `authorizationDecision`. Inside, keys are the model's property names; dates are `"YYYY-MM-DD"`, money,
/// quantities and percents are JSON numbers written exactly (percents as fractions: `0.2` = 20 %); absent
/// optional values and empty lists are left out; on input a missing list key is an empty list (so lines written with
/// `"key":[]`, the form before, read the same), as the AuthModel `Codable` conformances do.
///
/// ```swift
/// let line = try ModelJSON.encode(.authorizationRequest(request))   // bytes, no newline
/// let back = try ModelJSON.decode(line)
/// ```
public enum ModelJSON {
    /// The JSON object of one transaction (without a newline).
    public static func encode(_ t: ModelTransaction) throws -> [UInt8] {
        var w = ModelJSONWriter()
        t.writeJSON(to: &w)
        return w.out
    }

    /// The JSON object of one authorization request, as in a `278` line's `authorizationRequest` (the gateway
    /// stores it). Same text as `JSONEncoder` gives, except that `/` is not escaped; `JSONDecoder` reads it back.
    public static func encode(request: AuthorizationRequest) -> [UInt8] {
        var w = ModelJSONWriter()
        request.writeJSON(to: &w)
        return w.out
    }

    /// The JSON object of one authorization decision, as in a `278-response` line's `authorizationDecision`.
    public static func encode(decision: AuthorizationDecision) -> [UInt8] {
        var w = ModelJSONWriter()
        decision.writeJSON(to: &w)
        return w.out
    }

    /// Reads one line.
    public static func decode(_ line: some Collection<UInt8>) throws -> ModelTransaction {
        try decode(line, with: ModelJSONByteDecoder())
    }

    /// Reads one line with a reusable decoder; when the fast decoder gives up (bad JSON, a value it does not
    /// handle), `JSONDecoder` decides, so values and error messages are the ones `JSONDecoder` gives.
    static func decode(_ line: some Collection<UInt8>, with decoder: ModelJSONByteDecoder) throws -> ModelTransaction {
        do {
            return try decoder.decodeTransaction(from: line)
        } catch {
            return try JSONDecoder().decode(ModelTransaction.self, from: Data(line))
        }
    }

    /// Reads one line held at `base` (`count` bytes, padded as ``ModelJSONReader`` needs: the lines reader's
    /// buffer, no copy); when the fast path gives up, `JSONDecoder` decides.
    static func decode(at base: UnsafePointer<UInt8>, count: Int) throws -> ModelTransaction {
        do {
            return try ModelJSONByteDecoder.decode(ModelTransaction.self, at: base, count: count)
        } catch {
            return try JSONDecoder().decode(ModelTransaction.self, from: Data(bytes: base, count: count))
        }
    }

    /// Writes the JSON object of one transaction into `w` (reset first).
    static func encode(_ t: ModelTransaction, with w: inout ModelJSONWriter) {
        w.reset()
        t.writeJSON(to: &w)
    }
}

extension ModelTransaction {
    private enum CodingKeys: String, CodingKey {
        case type, eligibilityInquiries, eligibilityResponses, authorizationRequest, authorizationDecision
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "270": self = .eligibilityInquiry(try c.decode([EligibilityInquiry].self, forKey: .eligibilityInquiries))
        case "271": self = .eligibilityResponse(try c.decode([EligibilityResponse].self, forKey: .eligibilityResponses))
        case "278": self = .authorizationRequest(try c.decode(AuthorizationRequest.self, forKey: .authorizationRequest))
        case "278-response": self = .authorizationDecision(try c.decode(AuthorizationDecision.self, forKey: .authorizationDecision))
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown type \(type) (270, 271, 278, 278-response)")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(typeName, forKey: .type)
        switch self {
        case .eligibilityInquiry(let v): try c.encode(v, forKey: .eligibilityInquiries)
        case .eligibilityResponse(let v): try c.encode(v, forKey: .eligibilityResponses)
        case .authorizationRequest(let v): try c.encode(v, forKey: .authorizationRequest)
        case .authorizationDecision(let v): try c.encode(v, forKey: .authorizationDecision)
        }
    }
}
