import AuthModel
import Foundation
import Testing
@testable import Gateway

/// The stored request and decision JSON leaves out empty lists; a store written before (every list written,
/// `"rejections":[]`) still reads: a pended request stored in the old form is decided as one in the new form.
@Suite struct StoredModelJSONTests {
    typealias B = RequestBuilder
    let store: SQLiteGatewayStore
    let responder = AuthorizationResponder(clock: ResponderClock(today: RequestBuilder.today, time: "1000"))
    let meli = RequestBuilder.member("W100000001", "KAVORA", "MELI", "1984-03-09")

    init() throws { store = try GatewayTestSupport.referenceStore() }

    /// `json` (the JSON of `value`) with every empty list of `value`, at any depth, written as `[]` again.
    static func oldForm(_ json: Any, of value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return json }
            return oldForm(json, of: wrapped)
        }
        if var object = json as? [String: Any] {
            for child in mirror.children {
                guard let label = child.label else { continue }
                if let list = child.value as? [Any], list.isEmpty {
                    object[label] = [Any]()
                } else if let inner = object[label] {
                    object[label] = oldForm(inner, of: child.value)
                }
            }
            return object
        }
        if let array = json as? [Any], let values = value as? [Any], array.count == values.count {
            return zip(array, values).map { oldForm($0, of: $1) }
        }
        return json
    }

    @Test func aRequestStoredInTheOldFormIsDecided() throws {
        let pended = try store.write { try responder.respond(to: B.authorization(meli, serviceDate: "2026-12-10"), in: $0) }
        let tracking = try #require(pended.trackingNumber)
        var record = try #require(try store.read { try $0.authorization(trackingNumber: tracking) })
        #expect(!record.requestJSON.contains("[]"))
        let request = try JSONDecoder().decode(AuthorizationRequest.self, from: Data(record.requestJSON.utf8))
        let json = try JSONSerialization.jsonObject(with: Data(record.requestJSON.utf8))
        let old = String(decoding: try JSONSerialization.data(withJSONObject: Self.oldForm(json, of: request)), as: UTF8.self)
        #expect(old.contains(#""rejections":[]"#) && old.count > record.requestJSON.count)
        #expect(try JSONDecoder().decode(AuthorizationRequest.self, from: Data(old.utf8)) == request)
        record.requestJSON = old
        try store.write { try $0.update(record) }
        let reviewer = AuthorizationReviewer(clock: ResponderClock(today: B.today.adding(days: 1), time: "1400"))
        let approved = try store.write { try reviewer.decide(tracking, verdict: .approve, reasons: [], note: nil, reviewer: "rn.lee", in: $0) }
        #expect(approved.decision.outcome?.action == .certifiedInTotal)
        var subscriber = request.subscriber
        subscriber.traceNumbers = subscriber.traceNumbers.map { $0.echoed() }
        #expect(approved.decision.subscriber == subscriber)
        #expect(approved.decision.subscriber?.memberId == "W100000001")
        #expect(approved.authorization?.decisionJSON.contains("[]") == false)
    }
}
