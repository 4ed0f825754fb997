import Foundation
import Testing
import X12
@testable import X12Mapping

/// The mapping's fast paths give exactly what the general code gives.
@Suite struct MappingFastPathTests {
    static var x12Files: [String] {
        let root = MappingTestSupport.testData
        let found = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { ($0 as? URL)?.path } ?? []
        return found.filter { $0.hasSuffix(".x12") || $0.hasSuffix(".edi") || $0.hasSuffix(".txt") }.sorted()
    }

    @Test func thereAreFiles() { #expect(Self.x12Files.count > 20) }

    @Test(arguments: ["0", "25", "25.00", "0.2", ".2", "-0.5", "-.25", "-0", "0.000", "100", "250", "0.10",
                      "123456789012345678", "12345678.90123", "007", "1.", "-5."])
    func plainDecimalEqualsFoundation(_ text: String) throws {
        let fast = try #require(X12Values.plainDecimal(text))
        let slow = try #require(Decimal(string: text, locale: X12Values.posix))
        #expect(fast == slow)
        #expect(fast.description == slow.description)
        #expect(X12Values.string(fast) == X12Values.string(slow))
    }

    @Test(arguments: ["", ".", "-", "1.2.3", "5-3", "1e3", "1234567890123456789", "+1", " 1", "1,5"])
    func plainDecimalLeavesTheRestToFoundation(_ text: String) {
        #expect(X12Values.plainDecimal(text) == nil)
    }
}
