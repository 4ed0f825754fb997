import AuthModel
import Foundation
import Testing
@testable import X12Mapping

/// The standard-library layouts the JSON writer reads values through hold here (else it takes the generic paths,
/// which are correct but slower, and these tests fail to say so): a `String`'s two words, a boxed 278 payload.
@Suite struct ModelJSONWriterLayoutTests {
    @Test func stringWords() {
        #expect(StringBytes.layoutHolds)
        for s in ["", "x", "fifteen bytes!!", "sixteen bytes!!!", String(repeating: "\u{E9}", count: 30), "caf\u{E9}"] {
            #expect(StringBytes.bytes(s) == Array(s.utf8), "\(s.debugDescription)")
        }
    }

    @Test func boxedPayloadsAreReadInPlace() throws {
        #expect(ModelTransaction.layoutHolds)
        let generator = TestDataGenerator(seed: 21)
        for index in 0..<20 {
            let request = generator.transaction(.authorizationRequest, index: index)
            let decision = generator.transaction(.authorizationDecision, index: index)
            guard case .authorizationRequest(let r) = request, case .authorizationDecision(let d) = decision else {
                Issue.record("generated transactions of the wrong kind")
                return
            }
            let inPlaceRequest = try #require(request.boxedPayload(AuthorizationRequest.self))
            let inPlaceDecision = try #require(decision.boxedPayload(AuthorizationDecision.self))
            withExtendedLifetime((request, decision)) {
                #expect(inPlaceRequest.pointee == r)
                #expect(inPlaceDecision.pointee == d)
            }
            try ModelJSONByteCodecTests.check(request)
            try ModelJSONByteCodecTests.check(decision)
        }
    }
}
