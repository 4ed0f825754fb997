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

    /// `SegmentCopier` (shared empty and short elements) equals `SegmentView.copy()` on every segment of
    /// every TestData file, whatever its delimiters, and on generated files.
    @Test func segmentCopierEqualsCopy() throws {
        var inputs: [[UInt8]] = try Self.x12Files.map { Array(try Data(contentsOf: URL(fileURLWithPath: $0))) }
        for type in GeneratedType.allCases {
            let w = X12Writer.inMemory(delimiters: Delimiters(element: 0x2A, component: 0x3A, repetition: 0x5E, segment: 0x7E))
            _ = try TestDataGenerator(seed: 3).write(type, count: 40, sizeBytes: nil, to: w)
            inputs.append(w.bytes)
        }
        var copier = SegmentCopier()
        var segments = 0
        for bytes in inputs {
            let reader = X12Reader(bytes: bytes)
            while let event = try? reader.next() {
                if case .endOfInput = event { break }
                guard reader.hasSegment else { continue }
                let fast = copier.copy(reader.segment)
                #expect(fast == reader.segment.copy())
                segments += 1
            }
        }
        #expect(segments > 5000)
    }

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
