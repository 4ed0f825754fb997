import Foundation
import Testing
@testable import X12

/// ST02 is made in place when it is 1 to 15 ASCII bytes and SE02 is then compared by bytes: the header's
/// `controlNumber` and the SE02 findings are what `String(decoding:)` and `ElementView.equals` gave.
@Suite struct TransactionControlNumberTests {
    /// The valid fixture with ST02 and SE02 replaced by these bytes.
    static func file(st02: [UInt8], se02: [UInt8]) -> [UInt8] {
        let text = String(decoding: DecoderTests.valid, as: UTF8.self)
        let st = text.components(separatedBy: "ST*270*0001*")
        let parts = st[1].components(separatedBy: "SE*14*0001~")
        return Array((st[0] + "ST*270*").utf8) + st02 + Array(("*" + parts[0] + "SE*14*").utf8) + se02 + Array(("~" + parts[1]).utf8)
    }

    static let cases: [(String, [UInt8], [UInt8])] = [
        ("same", Array("0001".utf8), Array("0001".utf8)),
        ("other value", Array("0001".utf8), Array("0002".utf8)),
        ("longer SE02", Array("0001".utf8), Array("00010".utf8)),
        ("shorter SE02", Array("00010".utf8), Array("0001".utf8)),
        ("empty SE02", Array("0001".utf8), []),
        ("fifteen bytes", Array("123456789012345".utf8), Array("123456789012345".utf8)),
        ("fifteen bytes, last differs", Array("123456789012345".utf8), Array("123456789012346".utf8)),
        ("eight bytes", Array("ABCDEFGH".utf8), Array("ABCDEFGH".utf8)),
        ("sixteen bytes", Array("1234567890123456".utf8), Array("1234567890123456".utf8)),
        ("sixteen bytes, last differs", Array("1234567890123456".utf8), Array("1234567890123457".utf8)),
        ("valid UTF-8", Array("É001".utf8), Array("É001".utf8)),
        ("invalid UTF-8, same bytes", [0xFF, 0x30, 0x30, 0x31], [0xFF, 0x30, 0x30, 0x31]),
        ("control byte", [0x01, 0x30, 0x30, 0x31], [0x01, 0x30, 0x30, 0x31]),
    ]

    @Test(arguments: 0..<cases.count)
    func controlNumbersAsBefore(_ index: Int) throws {
        let (name, st02, se02) = Self.cases[index]
        let reader = X12Reader(bytes: Self.file(st02: st02, se02: se02))
        var header: TransactionHeader?
        var mismatch = false
        while let e = try reader.next() {
            switch e {
            case .transactionStart(let st): header = st
            case .finding(let f) where "\(f.code)" == "IK502-3": mismatch = true
            default: break
            }
        }
        let expected = String(decoding: st02, as: UTF8.self)
        let h = try #require(header, "\(name)")
        #expect(h.controlNumber == expected, "\(name)")
        #expect(Array(h.controlNumber.utf8) == Array(expected.utf8), "\(name)")
        if st02.count <= 15 && st02.allSatisfy({ $0 < 0x80 }) {   // made in place: the very bits of String(decoding:)
            #expect(unsafeBitCast(h.controlNumber, to: (UInt64, UInt64).self) == unsafeBitCast(expected, to: (UInt64, UInt64).self), "\(name)")
        }
        // What the decoder did before: SE02's bytes against the UTF-8 of the header's String.
        #expect(mismatch == (Array(expected.utf8) != se02), "\(name)")
    }
}
