import AuthModel
import Foundation
import Testing
import X12
@testable import X12Mapping

/// Model → X12 writes bytes straight into the writer (``TransactionMapper/write(_:controlNumber:to:)``); the
/// segment list of ``TransactionMapper/segments(for:)`` comes from the same writers. Both give the same bytes.
@Suite struct DirectWritingTests {
    static let odd = Delimiters(element: UInt8(ascii: "|"), component: UInt8(ascii: ">"), repetition: UInt8(ascii: "!"),
                                segment: UInt8(ascii: "'"))

    /// One transaction set of `model` written directly, and through its `[Segment]` list.
    static func bothWays(_ model: ModelTransaction, delimiters: Delimiters = .standard) throws -> (direct: [UInt8], listed: [UInt8]) {
        let direct = X12Writer.inMemory(delimiters: delimiters, suffix: .lf)
        try TransactionMapper.write(model, controlNumber: "0001", to: direct)
        let listed = X12Writer.inMemory(delimiters: delimiters, suffix: .lf)
        try listed.beginTransaction(id: model.transactionSetID, controlNumber: "0001", implementationReference: model.implementationReference)
        for s in try TransactionMapper.segments(for: model) { try listed.write(s) }
        try listed.endTransaction()
        return (direct.bytes, listed.bytes)
    }

    static let files = X12MappingRoundTripTests.handFiles + X12MappingRoundTripTests.otherValidFiles

    @Test(arguments: files)
    func testDataModelsGiveTheSameBytesBothWays(_ file: String) throws {
        let models = try MappingTestSupport.models(file)
        #expect(!models.isEmpty)
        for m in models {
            for d in [Delimiters.standard, Self.odd] {
                let (direct, listed) = try Self.bothWays(m, delimiters: d)
                #expect(String(decoding: direct, as: UTF8.self) == String(decoding: listed, as: UTF8.self))
            }
        }
    }

    @Test(arguments: GeneratedType.allCases)
    func generatedModelsGiveTheSameBytesBothWays(_ type: GeneratedType) throws {
        let gen = TestDataGenerator(seed: 29)
        for i in 0..<300 {
            let (direct, listed) = try Self.bothWays(gen.transaction(type, index: i))
            #expect(direct == listed, "\(type) #\(i)")
        }
    }

    @Test func theSE01CountOfADirectWriteIsTheNumberOfSegments() throws {
        let gen = TestDataGenerator(seed: 4)
        for type in GeneratedType.allCases {
            let model = gen.transaction(type, index: 7)
            let w = X12Writer.inMemory()
            try TransactionMapper.write(model, controlNumber: "0042", to: w)
            let count = try TransactionMapper.segments(for: model).count + 2
            #expect(String(decoding: w.bytes, as: UTF8.self).hasSuffix("~SE*\(count)*0042~"))
        }
    }

    @Test func anEmptyEligibilityListIsRefusedBeforeAnythingIsWritten() throws {
        let w = X12Writer.inMemory()
        #expect(throws: MappingError.self) { try TransactionMapper.write(.eligibilityResponse([]), controlNumber: "0001", to: w) }
        #expect(w.bytes.isEmpty)
    }
}
