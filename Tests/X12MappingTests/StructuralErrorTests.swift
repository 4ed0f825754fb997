import Testing
import X12
@testable import X12Mapping

/// Structural JSON/XML with bad structure gives a clear error with a position, never a crash.
@Suite struct StructuralErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var format: StructuralFormat
        var input: String
        var message: String
        var line: Int
        var testDescription: String { "\(format): \(label)" }
    }

    static let delims = #"{"element": "*", "component": ":", "repetition": "^", "segment": "~"}"#
    static let isa = #"{"id": "ISA", "elements": ["00"]}"#

    static let cases: [Case] = [
        Case(label: "not an object", format: .json, input: "[1]", message: "a structural JSON document is an object", line: 1),
        Case(label: "truncated", format: .json, input: "{\"interchanges\": [\n{\"delimiters\": \(delims),\n\"isa\": \(isa)", message: "expected ',' or '}'", line: 3),
        Case(label: "bad token", format: .json, input: "{\"interchanges\": [\n  nope]}", message: "expected a value", line: 2),
        Case(label: "unknown key", format: .json, input: "{\"interchanges\": [],\n \"colour\": 1}", message: "unknown key \"colour\"", line: 2),
        Case(label: "isa before delimiters", format: .json, input: "{\"interchanges\": [{\"isa\": \(isa)}]}", message: "\"delimiters\" must come before \"isa\"", line: 1),
        Case(label: "elements not an array", format: .json, input: "{\"interchanges\": [{\"delimiters\": \(delims),\n \"isa\": {\"id\": \"ISA\", \"elements\": 5}}]}", message: "\"elements\" must be an array", line: 2),
        Case(label: "group at top", format: .json, input: "{\"interchanges\": [{\"gs\": {}}]}", message: "must be inside an interchange", line: 1),
        Case(label: "two-byte delimiter", format: .json, input: "{\"interchanges\": [{\"delimiters\": {\"element\": \"**\"}}]}", message: "exactly one byte", line: 1),
        Case(label: "bad hex", format: .json, input: "{\"interchanges\": [{\"delimiters\": \(delims), \"isa\": {\"id\": {\"hex\": \"zz\"}}}]}", message: "hex digit pairs", line: 1),
        Case(label: "composite with array", format: .json, input: "{\"interchanges\": [{\"delimiters\": \(delims), \"isa\": {\"id\": \"ISA\", \"elements\": [[\"a\", [\"b\"]]]}}]}", message: "a composite holds strings only", line: 1),
        Case(label: "segment without id", format: .json, input: "{\"interchanges\": [{\"delimiters\": \(delims), \"isa\": {\"elements\": []}}]}", message: "non-empty \"id\"", line: 1),
        Case(label: "bad escape", format: .json, input: "{\"trailing\": \"\\q\"}", message: "invalid escape", line: 1),
        Case(label: "extra data", format: .json, input: "{\"interchanges\": []} {}", message: "after the end of the JSON document", line: 1),
        Case(label: "wrong root", format: .xml, input: "<?xml version=\"1.0\"?>\n<edi/>", message: "root element must be <x12>", line: 2),
        Case(label: "not well formed", format: .xml, input: "<x12>\n<interchange element=\"*\" component=\":\" segment=\"~\">\n<segment id=\"ISA\"></interchange></x12>", message: "mismatch", line: 3),
        Case(label: "missing delimiter", format: .xml, input: "<x12>\n<interchange element=\"*\"/></x12>", message: "needs the component=", line: 2),
        Case(label: "segment outside interchange", format: .xml, input: "<x12>\n  <segment id=\"ST\"/></x12>", message: "<segment> cannot appear in <x12>", line: 2),
        Case(label: "unknown element", format: .xml, input: "<x12><interchange element=\"*\" component=\":\" segment=\"~\">\n<segment id=\"ISA\"><x>1</x></segment></interchange></x12>", message: "<x> cannot appear in <segment>", line: 2),
        Case(label: "mixed content", format: .xml, input: "<x12><interchange element=\"*\" component=\":\" segment=\"~\">\n<segment id=\"ISA\"><e>a<c>b</c></e></segment></interchange></x12>", message: "either text or child elements", line: 2),
        Case(label: "repetitions without separator", format: .xml, input: "<x12><interchange element=\"*\" component=\":\" segment=\"~\">\n<segment id=\"EQ\"><e><r>1</r><r>2</r></e></segment></interchange></x12>", message: "this interchange has none", line: 2),
        Case(label: "unknown attribute", format: .xml, input: "<x12><interchange element=\"*\" component=\":\" segment=\"~\" colour=\"red\"/></x12>", message: "unknown attribute colour", line: 1),
        Case(label: "truncated", format: .xml, input: "<x12><interchange element=\"*\" component=\":\" segment=\"~\">\n<segment id=\"ISA\"><e>00</e>", message: "", line: 2),
    ]

    @Test(arguments: cases)
    func badStructureGivesAPositionedError(c: Case) throws {
        let error = #expect(throws: StructuralError.self) {
            _ = try StructuralTestSupport.importX12(Array(c.input.utf8), c.format)
        }
        guard let error else { return }
        #expect(c.message.isEmpty || error.message.contains(c.message), "message: \(error.message)")
        #expect(error.line == c.line, "\(error)")
        #expect(error.column != nil)
        #expect(error.description.hasPrefix("test.\(c.format.rawValue): line \(c.line)"))
    }

    /// Every prefix of a valid document fails cleanly (no crash, no hang) or, for the whole, succeeds.
    @Test(arguments: StructuralFormat.allCases)
    func everyTruncationFailsCleanly(format: StructuralFormat) throws {
        let x12 = Array("ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261125*1200*^*00501*000000001*0*T*:~\nGS*HS*S*R*20261125*1200*1*X*005010X279A1~\nST*270*0001~\nEQ*30^1*HC:9~\nSE*3*0001~\nGE*1*1~\nIEA*1*000000001~\n".utf8)
        let full = try StructuralTestSupport.export(x12, format)
        var failures = 0
        for n in stride(from: 0, to: full.count, by: 3) {
            do {
                _ = try StructuralTestSupport.importX12(Array(full[0..<n]), format)
            } catch is StructuralError {
                failures += 1
            }
        }
        #expect(failures > 0)
        #expect(try StructuralTestSupport.importX12(full, format) == x12)
    }
}
