import Testing
import X12
@testable import X12Mapping

/// X12 → JSON → X12 and X12 → XML → X12 give the input back byte for byte, for every `.x12` file under TestData/.
@Suite struct StructuralRoundTripTests {
    static let files = StructuralTestSupport.allX12Files()

    @Test(arguments: files, StructuralFormat.allCases)
    func roundTripIsByteExact(file: String, format: StructuralFormat) throws {
        let x12 = try StructuralTestSupport.bytes(file)
        let structural = try StructuralTestSupport.export(x12, format)
        let back = try StructuralTestSupport.importX12(structural, format)
        #expect(back == x12, "\(file) via \(format) differs")
    }

    @Test func thereAreFilesToTest() {
        #expect(Self.files.count >= 10)
        #expect(Self.files.contains { $0.hasPrefix("syntax/") })
    }

    /// Odd inputs written by hand: every byte must survive, whatever the reader thinks of it.
    static let oddInputs: [(String, String)] = [
        ("crlf and blank lines", "\r\n\nISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261125*1200*^*00501*000000001*0*T*:~\r\nGS*HS*S*R*20261125*1200*1*X*005010X279A1~\r\nST*270*0001*005010X279A1~\r\nBHT*0022*13*X*20261125*1200~\r\nSE*3*0001~\r\nGE*1*1~\r\nIEA*1*000000001~\r\n\r\n"),
        ("bom, mixed suffixes, trailing empties", "\u{FEFF}ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261125*1200*^*00501*000000001*0*T*:~GS*HS*S*R*20261125*1200*1*X*005010X279A1~\nST*270*0001*005010X279A1~\r\nEB*1**1^33^35*HM**~SV1*HC:97110:GP:KX**UN*12~EQ*30^HC:1:2^^~SE*5*0001~GE*1*1~IEA*1*000000001~"),
        ("unterminated last segment", "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261125*1200*^*00501*000000001*0*T*:~GS*HS*S*R*20261125*1200*1*X*005010X279A1~ST*270*0001~SE*2*0001~GE*1*1~IEA*1*0000"),
        ("stray bytes, missing trailers, garbage ids", "junk before\nISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261125*1200*^*00501*000000001*0*T*:~TA1*000000001*261125*1200*A*000~ST*270*1~~N M*x~\u{01}\u{02}*y~GS*HS*S*R*20261125*1200*1*X*005010X279A1~ST*270*0002~NM1*&<>\"'*é~"),
        ("newline terminator, pipe and 4010", "ISA|00|          |00|          |ZZ|SENDER         |ZZ|RECEIVER       |261125|1200|U|00401|000000001|0|T|>\nGS|HS|S|R|20261125|1200|1|X|004010X092A1\nST|270|0001\nEQ|30^1>2\nSE|3|0001\nGE|1|1\nIEA|1|000000001\n"),
        ("control-character delimiters", "ISA\u{1D}00\u{1D}          \u{1D}00\u{1D}          \u{1D}ZZ\u{1D}SENDER         \u{1D}ZZ\u{1D}RECEIVER       \u{1D}261125\u{1D}1200\u{1D}\u{1F}\u{1D}00501\u{1D}000000001\u{1D}0\u{1D}T\u{1D}\u{1E}\u{1C}GS\u{1D}HS\u{1D}S\u{1D}R\u{1D}20261125\u{1D}1200\u{1D}1\u{1D}X\u{1D}005010X279A1\u{1C}GE\u{1D}0\u{1D}1\u{1C}IEA\u{1D}1\u{1D}000000001\u{1C}"),
        ("broken isa", "ISA*00*short~GS*HS~more junk~\n"),
        ("nothing but text", "hello\n"),
        ("empty", ""),
    ]

    @Test(arguments: oddInputs.indices, StructuralFormat.allCases)
    func oddInputsRoundTrip(index: Int, format: StructuralFormat) throws {
        let (label, text) = Self.oddInputs[index]
        var x12 = Array(text.utf8)
        if label.hasPrefix("stray") { x12.append(contentsOf: [0xFF, 0xFE, 0x7E]) }   // not UTF-8
        let structural = try StructuralTestSupport.export(x12, format)
        let back = try StructuralTestSupport.importX12(structural, format)
        #expect(back == x12, "\(label) via \(format): \(String(decoding: structural, as: UTF8.self))")
    }

    /// Chunk boundaries anywhere: read the X12 and the structural form a few bytes at a time.
    @Test(arguments: [1, 3, 7, 64], StructuralFormat.allCases)
    func smallReadsGiveTheSameResult(readLimit: Int, format: StructuralFormat) throws {
        for (_, text) in Self.oddInputs.prefix(3) {
            let x12 = Array(text.utf8)
            let whole = try StructuralTestSupport.export(x12, format)
            let dripped = try StructuralTestSupport.export(x12, format, readLimit: readLimit)
            #expect(dripped == whole)
            #expect(try StructuralTestSupport.importX12(whole, format, readLimit: readLimit) == x12)
        }
    }
}
