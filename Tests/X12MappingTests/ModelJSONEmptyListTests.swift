import AuthModel
import Foundation
import Testing
@testable import X12Mapping

/// The model JSON leaves out every empty list (as `JSONEncoder` does with the AuthModel conformances) and reads a
/// missing list key as an empty list; lines written before, with `"key":[]`, read to the same values.
@Suite struct ModelJSONEmptyListTests {
    /// Old-form lines (written before empty lists were left out) of the X12 file of the same name.
    static let oldForm = [
        "mapping/271-benefits-pcp-rejections.old-form.jsonl", "mapping/278-request-dependent-lines.old-form.jsonl",
        "mapping/278-responses-pended-denied.old-form.jsonl",
    ]

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test(arguments: GeneratedType.allCases)
    func generatedLinesHaveNoEmptyList(_ type: GeneratedType) throws {
        let gen = TestDataGenerator(seed: 31)
        for i in 0..<200 {
            let m = gen.transaction(type, index: i)
            let ours = try ModelJSON.encode(m)
            #expect(!Self.text(ours).contains("[]"))
            #expect(try Canonical.text(ours) == (try Canonical.text(try ModelJSONByteCodecTests.reference(m))))
        }
    }

    /// Objects whose first keys may all be left out (the writer then checks for the comma at run time), empty or
    /// not: the same bytes as `JSONEncoder` in property order.
    @Test func objectsThatStartWithListsAndOptionals() throws {
        let reference = Reference(kind: "9F", value: "R1")
        let procedure = Procedure(code: "99213")
        let encounters = [
            Encounter(),
            Encounter(references: [reference]),
            Encounter(diagnosisPointers: [1, 2]),
            Encounter(serviceTypeCodes: ["30"], references: [reference]),
            Encounter(procedure: procedure, diagnosisPointers: [3], placeOfServiceCode: "11"),
            Encounter(serviceTypeCodes: ["98", "UC"], coverageLevel: .family, references: [reference, reference],
                      dateOfService: DateRange(CalendarDate(year: 2026, month: 11, day: 25))),
        ]
        let expected = [
            #"{}"#,
            #"{"references":[{"kind":"9F","value":"R1"}]}"#,
            #"{"diagnosisPointers":[1,2]}"#,
            #"{"serviceTypeCodes":["30"],"references":[{"kind":"9F","value":"R1"}]}"#,
        ]
        var w = ModelJSONWriter()
        for (i, e) in encounters.enumerated() {
            w.reset()
            e.writeJSON(to: &w)
            let ours = w.out
            if i < expected.count { #expect(Self.text(ours) == expected[i]) }
            #expect(try Canonical.text(ours) == (try Canonical.text(try ModelJSONByteCodecTests.reference(e))))
            #expect(try JSONDecoder().decode(Encounter.self, from: Data(ours)) == e)
            #expect(try ModelJSONByteDecoder().decode(Encounter.self, from: ours) == e)
        }
        // A list inside the first-key run of a larger value, and a list of those objects.
        var inquiry = try #require(Self.firstInquiry())
        inquiry.encounters = encounters
        try ModelJSONByteCodecTests.check(.eligibilityInquiry([inquiry, inquiry]))
    }

    static func firstInquiry() -> EligibilityInquiry? {
        guard case .eligibilityInquiry(let list) = TestDataGenerator(seed: 3).transaction(.eligibilityInquiry, index: 0) else { return nil }
        return list.first
    }

    /// Lines with every empty list written (`"messages":[]`, the form before) read to the values of their X12 file,
    /// through the fast reader, `ModelJSON.decode` and `JSONDecoder`; written again they are the new, shorter form.
    @Test(arguments: oldForm)
    func oldFormLinesReadTheSame(_ file: String) throws {
        let lines = try MappingTestSupport.bytes(file).split(separator: 0x0A).map(Array.init)
        let x12 = file.replacingOccurrences(of: ".old-form.jsonl", with: ".x12")
        let models = try MappingTestSupport.models(x12)
        #expect(lines.count == models.count)
        for (line, model) in zip(lines, models) {
            #expect(Self.text(line).contains(":[]"))
            #expect(try ModelJSON.decode(line) == model)
            #expect(try ModelJSONByteDecoder().decodeTransaction(from: line) == model)
            #expect(try JSONDecoder().decode(ModelTransaction.self, from: Data(line)) == model)
            let now = try ModelJSON.encode(model)
            #expect(now.count < line.count)
            #expect(!Self.text(now).contains("[]"))
        }
        let reader = ModelJSONLinesReader(bytes: try MappingTestSupport.bytes(file))
        var back: [ModelTransaction] = []
        while let t = try reader.next() { back.append(t) }
        #expect(back == models)
    }

    /// A list key may be left out or be `null` (an empty list); a required key that is not a list is still required.
    @Test func missingListsAreEmptyRequiredKeysStayRequired() throws {
        let m = TestDataGenerator(seed: 29).transaction(.eligibilityResponse, index: 0)
        let text = Self.text(try ModelJSON.encode(m))
        #expect(text.contains(#""relatedEntities":["#))
        let nulled = text.replacingOccurrences(of: #""benefitsInformation":["#, with: #""messages":null,"benefitsInformation":["#)
        #expect(nulled != text)
        #expect(try ModelJSON.decode(Array(nulled.utf8)) == m)
        for key in [#""identityCorrected":false,"#, #""kind":"activeCoverage","#] {
            #expect(text.contains(key))
            var cut = text
            cut.replaceSubrange(cut.range(of: key)!, with: "")
            #expect(throws: ModelJSONByteDecoder.Failure.self) { try ModelJSONByteDecoder().decodeTransaction(from: Array(cut.utf8)) }
            ModelJSONByteCodecTests.expectJSONDecoderError(cut)
        }
    }
}
