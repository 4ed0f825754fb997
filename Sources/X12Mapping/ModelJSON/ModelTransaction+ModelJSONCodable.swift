import AuthModel

/// The line object: `type` then the payload, as `ModelTransaction`'s `Codable` conformance writes it.
extension ModelTransaction: ModelJSONCodable {
    static let jsonKeys = ModelJSONKeys(["type", "eligibilityInquiries", "eligibilityResponses", "authorizationRequest", "authorizationDecision"])

    func writeJSON(to w: inout ModelJSONWriter) {
        switch self {
        case .eligibilityInquiry(let v):
            w.literal("{\"type\":\"270\",\"eligibilityInquiries\":")
            v.writeJSON(to: &w)
        case .eligibilityResponse(let v):
            w.literal("{\"type\":\"271\",\"eligibilityResponses\":")
            v.writeJSON(to: &w)
        // A boxed 278 payload is bound with `if case`, which reads it in its box; bound in the `case` label it was
        // copied out with a retain of every field (5 MB 278: 532.5 → 513.5 M instructions). No assumption about
        // how Swift lays out an `indirect` case is made.
        case .authorizationRequest:
            w.literal("{\"type\":\"278\",\"authorizationRequest\":")
            if case .authorizationRequest(let v) = self { v.writeJSON(to: &w) }
        case .authorizationDecision:
            w.literal("{\"type\":\"278-response\",\"authorizationDecision\":")
            if case .authorizationDecision(let v) = self { v.writeJSON(to: &w) }
        }
        w.byte(0x7D)
    }

    static let jsonTypes = ModelJSONKeys(["270", "271", "278", "278-response"])

    /// Reads `type` and the payload it names, keys in any order: once `type` is known, its payload is read and
    /// returned as soon as the object is closed; other payload keys are skipped (as `JSONDecoder` ignores them).
    /// A payload before `type` is checked and skipped, then read again from its position. No large optional is
    /// kept (a `ModelTransaction` is as large as its largest case: it is made once).
    static func readJSON(_ r: inout ModelJSONReader) throws(ModelJSONReader.Failure) -> ModelTransaction {
        var type = -1
        var seen = 0
        var positions = (-1, -1, -1, -1)
        guard try r.beginObject() else { throw ModelJSONReader.Failure() }
        repeat {
            let f = try entry(&r, seen: &seen, expected: type + 1)
            if f < 0 { continue }
            if f == 0 {
                type = try r.caseIndex(jsonTypes)
                guard type >= 0 else { throw ModelJSONReader.Failure() }   // unknown or escaped: JSONDecoder decides
                continue
            }
            if type == f - 1 {
                let payload = try readPayload(type, &r)
                while try r.nextEntry() {
                    if try entry(&r, seen: &seen, expected: 5) >= 0 { try r.skipValue() }   // another kind's payload
                }
                return payload
            }
            if type < 0 {
                switch f {
                case 1: positions.0 = r.i
                case 2: positions.1 = r.i
                case 3: positions.2 = r.i
                default: positions.3 = r.i
                }
            }
            try r.skipValue()
        } while try r.nextEntry()
        let at: Int
        switch type {
        case 0: at = positions.0
        case 1: at = positions.1
        case 2: at = positions.2
        case 3: at = positions.3
        default: at = -1
        }
        guard at >= 0 else { throw ModelJSONReader.Failure() }
        var again = r
        again.i = at
        return try readPayload(type, &again)
    }

    /// The next key (`expected` tried first): its index (`type` 0, payloads 1–4; a duplicate throws), or -1 for an
    /// unknown key (its value skipped).
    @inline(__always)
    private static func entry(_ r: inout ModelJSONReader, seen: inout Int, expected: Int) throws(ModelJSONReader.Failure) -> Int {
        let f = try r.key(jsonKeys, expected: expected)
        if f < 0 {
            try r.skipValue()
            return -1
        }
        guard seen & (1 << f) == 0 else { throw ModelJSONReader.Failure() }
        seen |= 1 << f
        return f
    }

    /// The payload of kind `type` (0: 270 … 3: 278-response).
    private static func readPayload(_ type: Int, _ r: inout ModelJSONReader) throws(ModelJSONReader.Failure) -> ModelTransaction {
        switch type {
        case 0: return .eligibilityInquiry(try [EligibilityInquiry].readJSON(&r))
        case 1: return .eligibilityResponse(try [EligibilityResponse].readJSON(&r))
        case 2: return .authorizationRequest(try AuthorizationRequest.readJSON(&r))
        default: return .authorizationDecision(try AuthorizationDecision.readJSON(&r))
        }
    }
}
