import AuthModel
import Foundation
import Testing
import X12
@testable import X12Mapping

/// The hand-written files of TestData/mapping/ are in normalized form (segments in the guide's order,
/// HL numbered 1, 2, 3 …, no trailing delimiters, decimals without trailing zeros): X12 → model → X12
/// reproduces them byte for byte.
@Suite struct X12MappingRoundTripTests {
    static let handFiles = [
        "mapping/270-subscriber-and-dependents.x12",
        "mapping/271-benefits-pcp-rejections.x12",
        "mapping/278-request-dependent-lines.x12",
        "mapping/278-requests-referral-admission.x12",
        "mapping/278-response-partial.x12",
        "mapping/278-responses-pended-denied.x12",
        "mapping/278-responses-rejected.x12",
    ]

    /// Valid files written by colleagues for the validator: not in normalized form, so compared by content.
    static let otherValidFiles = [
        "validation/270-valid-dependent.x12", "validation/271-valid-benefits.x12",
        "validation/278-request-valid.x12", "validation/278-response-valid.x12",
    ]

    @Test(arguments: handFiles)
    func handFilesValidateClean(_ file: String) throws {
        #expect(try MappingTestSupport.validationErrors(try MappingTestSupport.bytes(file)) == [])
    }

    @Test(arguments: handFiles)
    func x12ToModelToX12IsByteExact(_ file: String) throws {
        let input = try MappingTestSupport.bytes(file)
        let output = try MappingTestSupport.rewrite(input)
        #expect(String(decoding: output, as: UTF8.self) == String(decoding: input, as: UTF8.self))
    }

    @Test(arguments: handFiles + otherValidFiles)
    func modelToX12ToModelIsEqualAndValid(_ file: String) throws {
        let input = try MappingTestSupport.bytes(file)
        let first = try MappingTestSupport.models(input).map { try $0.result.get() }
        let rewritten = try MappingTestSupport.rewrite(input)
        let second = try MappingTestSupport.models(rewritten).map { try $0.result.get() }
        #expect(first == second)
        #expect(try MappingTestSupport.validationErrors(rewritten) == [])
    }

    @Test(arguments: handFiles + otherValidFiles)
    func modelJSONRoundTrip(_ file: String) throws {
        for model in try MappingTestSupport.models(file) {
            let line = try ModelJSON.encode(model)
            #expect(!line.contains(UInt8(ascii: "\n")))
            #expect(try ModelJSON.decode(line) == model)
        }
    }
}
