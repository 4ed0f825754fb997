import AuthModel
import Foundation
import Testing
@testable import X12Mapping

/// The standard-library layouts the JSON writer reads values through hold here (else it takes the generic paths,
/// which are correct but slower, and these tests fail to say so): a `String`'s two words.
@Suite struct ModelJSONWriterLayoutTests {
    @Test func stringWords() {
        #expect(StringBytes.layoutHolds)
        for s in ["", "x", "fifteen bytes!!", "sixteen bytes!!!", String(repeating: "\u{E9}", count: 30), "caf\u{E9}"] {
            #expect(StringBytes.bytes(s) == Array(s.utf8), "\(s.debugDescription)")
        }
    }

    /// Generated 278 requests and decisions (written from their boxed cases) encode as `JSONEncoder` does and read back.
    @Test func boxedPayloadsWriteAndReadBack() throws {
        let generator = TestDataGenerator(seed: 21)
        for index in 0..<20 {
            try ModelJSONByteCodecTests.check(generator.transaction(.authorizationRequest, index: index))
            try ModelJSONByteCodecTests.check(generator.transaction(.authorizationDecision, index: index))
        }
    }
}
