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
        case .authorizationRequest(let v):
            w.literal("{\"type\":\"278\",\"authorizationRequest\":")
            v.writeJSON(to: &w)
        case .authorizationDecision(let v):
            w.literal("{\"type\":\"278-response\",\"authorizationDecision\":")
            v.writeJSON(to: &w)
        }
        w.byte(0x7D)
    }

    /// Finds `type`, then reads only the payload it names (other keys are skipped, as `JSONDecoder` does).
    static func readJSON(_ r: ModelJSONReader, _ node: Int) throws(ModelJSONReader.Failure) -> ModelTransaction {
        var values = [-1, -1, -1, -1, -1]
        var i = try r.firstEntry(node)
        let stop = r.end(node)
        var hint = 0
        while i < stop {
            let f = try jsonKeys.index(r, i, hint: hint)
            if f >= 0 {
                guard values[f] < 0 else { throw ModelJSONReader.Failure() }
                values[f] = i + 1
                hint = f + 1
            }
            i = r.next(after: i + 1)
        }
        guard values[0] >= 0 else { throw ModelJSONReader.Failure() }
        let type = try r.string(values[0])
        func payload(_ k: Int) throws(ModelJSONReader.Failure) -> Int {
            guard values[k] >= 0, !r.isNull(values[k]) else { throw ModelJSONReader.Failure() }
            return values[k]
        }
        switch type {
        case "270": return .eligibilityInquiry(try [EligibilityInquiry].readJSON(r, try payload(1)))
        case "271": return .eligibilityResponse(try [EligibilityResponse].readJSON(r, try payload(2)))
        case "278": return .authorizationRequest(try AuthorizationRequest.readJSON(r, try payload(3)))
        case "278-response": return .authorizationDecision(try AuthorizationDecision.readJSON(r, try payload(4)))
        default: throw ModelJSONReader.Failure()
        }
    }
}
