import AuthModel
import Testing
import X12
@testable import X12Mapping

/// `TransactionMapper.write(_:controlNumber:to:)` looks at the model once; its ST names the transaction set and guide
/// of the model, and it refuses an empty 270 / 271 before writing anything.
@Suite struct TransactionMapperWriteTests {
    @Test(arguments: [GeneratedType.eligibilityInquiry, .eligibilityResponse, .authorizationRequest, .authorizationDecision])
    func stNamesTheModelsSetAndGuide(_ type: GeneratedType) throws {
        let model = TestDataGenerator(seed: 3).transaction(type, index: 1)
        let w = X12Writer.inMemory()
        try TransactionMapper.write(model, controlNumber: "0042", to: w)
        let text = String(decoding: w.bytes, as: UTF8.self)
        #expect(text.hasPrefix("ST*\(model.transactionSetID)*0042*\(model.implementationReference)~BHT*"))
        let body = try TransactionMapper.segments(for: model)
        #expect(text.hasSuffix("SE*\(body.count + 2)*0042~"))
    }

    @Test func emptyEligibilityListsAreRefused() {
        for model in [ModelTransaction.eligibilityInquiry([]), .eligibilityResponse([])] {
            let w = X12Writer.inMemory()
            #expect(throws: MappingError.self) { try TransactionMapper.write(model, controlNumber: "0001", to: w) }
            #expect(w.bytes.isEmpty)
        }
    }
}
