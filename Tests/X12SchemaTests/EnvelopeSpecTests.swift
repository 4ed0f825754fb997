import Foundation
import Testing
import X12
@testable import X12Schema

/// `Specs/envelope.00501.xml`: it loads, the reader's ISA checks report exactly the TA105 codes it lists, every
/// header/trailer agreement is broken by its sample file with its code, and inbound TA1s are checked against it.
@Suite struct EnvelopeSpecTests {
    static let envelope: EnvelopeSpec = SchemaTestSupport.library.envelope!
    static let acks = SchemaTestSupport.repository + "/TestData/acks"
    /// A clean interchange whose ISA the mutations start from (fixed width, `*` `^` `:` `~`).
    static let base = (try? String(contentsOfFile: acks + "/accepted-270.x12", encoding: .utf8)) ?? ""

    @Test func envelopeLoadsWithItsSegmentsInOrder() throws {
        let e = Self.envelope
        #expect(e.version == "00501")
        #expect(e.segments.map(\.id) == ["ISA", "TA1", "GS", "ST", "SE", "GE", "IEA"])
        #expect(e.segment("ISA")?.element(5)?.noteCode == "005")
        #expect(e.segment("ISA")?.element(15)?.allowedCodes?.values.sorted() == ["I", "P", "T"])
        #expect(e.segment("IEA")?.element(2)?.noteCode == "001")
        #expect(e.segment("TA1")?.maxUse == Int.max)
        #expect(e.segment("TA1")?.consistency.count == 2)
        #expect(e.agreements.count >= 10)
    }

    /// `text` with ISA element `n` replaced by `value` (same width, so the ISA stays fixed width).
    static func mutate(_ text: String, element n: Int, to value: String) -> String {
        var fields = text.prefix(106).dropLast().split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        fields[n] = value
        return fields.joined(separator: "*") + "~" + text.dropFirst(106)
    }

    /// The TA105 codes the reader reports for ISA element `n`.
    static func readerCodes(_ text: String, element n: Int) -> [String] {
        let reader = X12Reader(bytes: Array(text.utf8))
        var codes: [String] = []
        while let event = try? reader.next() {
            if case .finding(let f) = event, f.code.family == .ta105, f.location.segmentID == "ISA", f.location.elementPosition == n {
                codes.append(f.code.value)
            }
            if case .endOfInput = event { break }
        }
        return codes
    }

    /// One bad value per ISA element the reader checks; the expected code is the spec's, not written here.
    static let badISAValues: [(Int, String)] = [
        (1, "05"), (3, "02"), (5, "AB"), (6, String(repeating: " ", count: 15)), (7, "9Z"),
        (8, String(repeating: " ", count: 15)), (9, "261332"), (10, "2561"), (11, ":"), (12, "00401"),
        (13, "00000000A"), (14, "2"), (15, "X"), (16, "A"),
    ]

    @Test(arguments: badISAValues.indices)
    func readerReportsTheSpecsNoteCodeForABadISAElement(_ i: Int) throws {
        let (n, value) = Self.badISAValues[i]
        let expected = try #require(Self.envelope.segment("ISA")?.element(n)?.noteCode)
        let codes = Self.readerCodes(Self.mutate(Self.base, element: n, to: value), element: n)
        #expect(codes == [expected], "ISA\(n) = '\(value)'")
    }

    @Test func readerAcceptsEveryISACodeTheSpecAllows() throws {
        #expect(Self.readerCodes(Self.base, element: 1) == [])
        for e in try #require(Self.envelope.segment("ISA")).elements {
            for code in e.allowedCodes?.values ?? [] {
                let codes = Self.readerCodes(Self.mutate(Self.base, element: e.position, to: code), element: e.position)
                #expect(codes == [], "ISA\(e.position) = \(code)")
            }
        }
    }

    @Test(arguments: envelope.agreements.map(\.sample))
    func everyAgreementIsBrokenByItsSampleWithItsCode(_ sample: String) throws {
        let agreement = try #require(Self.envelope.agreements.first { $0.sample == sample })
        let report = try Validator(library: SchemaTestSupport.library).validate(path: Self.acks + "/" + sample)
        #expect(report.allFindings.map(\.code).contains(agreement.code), "\(sample): \(report.allFindings.map(\.code))")
    }

    /// TA1 segments as they arrive; the expected findings as `code element`.
    static let ta1Cases: [(String, [String])] = [
        ("TA1*000000101*261124*0930*A*000", []),
        ("TA1*000000101*261124*0930*R*022", []),
        ("TA1*000000101*261124*0930*E*005", []),
        ("TA1*000000101*261124*0930*A*005", ["TA105-024 5"]),
        ("TA1*000000101*261124*0930*R*000", ["TA105-024 5"]),
        ("TA1*00000010*261124*0930*A*000", ["TA105-018 1"]),
        ("TA1*00000010X*261124*0930*A*000", ["TA105-018 1"]),
        ("TA1*000000101*261131*0930*A*000", ["TA105-014 2"]),
        ("TA1*000000101*261124*2460*A*000", ["TA105-015 3"]),
        ("TA1*000000101*261131*0930*R*014", []),
        ("TA1*000000101*261131*0930*R*015", ["TA105-014 2"]),
        ("TA1*000000101*261124*0930*X*000", ["TA105-024 4"]),
        ("TA1*000000101*261124*0930*A*999", ["TA105-024 5"]),
        ("TA1*000000101*261124*0930*A", ["TA105-024 5"]),
        ("TA1*000000101*261124*0930*A*000*X", ["TA105-024 6"]),
    ]

    @Test(arguments: ta1Cases.indices)
    func inboundTA1IsCheckedAgainstTheSpec(_ i: Int) throws {
        let (segment, expected) = Self.ta1Cases[i]
        let text = "ISA*00*          *00*          *ZZ*PAYER01        *ZZ*SUBMITTER01    *261124*0930*^*00501*000000901*0*T*:~"
            + segment + "~IEA*0*000000901~"
        let report = SchemaTestSupport.library.validateForTest(text)
        let got = report.allFindings.filter { $0.location.segmentID == "TA1" }
            .map { "\($0.code) \($0.location.elementPosition.map(String.init) ?? "-")" }
        #expect(got == expected, "\(segment)")
        #expect(report.isClean == expected.isEmpty)
    }

    @Test func everyTA1WeSendConformsToTheSpec() throws {
        let checker = try #require(InterchangeAcknowledgmentChecker(envelope: Self.envelope))
        var checked = 0
        for f in try FileManager.default.contentsOfDirectory(atPath: Self.acks).sorted() where f.hasSuffix(".ack") {
            let reader = try X12Reader(path: Self.acks + "/" + f)
            while let event = try reader.next() {
                if case .interchangeAcknowledgment = event {
                    #expect(checker.check(reader.segment, at: reader.location) == [], "\(f)")
                    checked += 1
                }
                if case .endOfInput = event { break }
            }
        }
        #expect(checked >= 10)
    }
}

extension SpecLibrary {
    /// Validates `text` (a test helper).
    func validateForTest(_ text: String) -> ValidationReport {
        Validator(library: self).validate(bytes: Array(text.utf8))
    }
}
