import Testing
import X12
@testable import X12Schema

/// The clean path (`SegmentChecker.isClean`) finds element ends and odd bytes in one scan; wherever a separator,
/// a control character or DEL sits in an element, it must never call clean a segment the full check reports on.
@Suite struct CleanScanTests {
    /// NM1 of loop 2100C in the 271 guide, and a clean NM1 with long elements.
    private static let spec: SegmentSpec = {
        let guide = SchemaTestSupport.library.guide(st01: "271", version: "005010X279A1")!
        return guide.root.allLoops.first { $0.id == "2100C" }!.leadingSegment
    }()
    private static let clean = "NM1*IL*1*SAMPLEVERYLONGFAMILYNAME*ALEXANDRAMARIA*Q***MI*MEMBER0012345"

    private func verdicts(_ text: String, spec: SegmentSpec = CleanScanTests.spec) -> (clean: Bool, problems: Int) {
        let bytes = Array(text.utf8)
        let classes = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        defer { classes.deallocate() }
        SegmentChecker.fillClasses(classes, for: .standard)
        return bytes.withUnsafeBytes { raw in
            let seg = SegmentView(bytes: raw, delimiters: .standard)
            var problems: [SegmentChecker.Problem] = []
            SegmentChecker.check(seg, spec: spec, problems: &problems)
            return (SegmentChecker.isClean(seg, spec: spec, classes: classes), problems.count)
        }
    }

    @Test func theLongNameSegmentIsClean() {
        let v = verdicts(Self.clean)
        #expect(v.clean)
        #expect(v.problems == 0)
    }

    @Test(arguments: [UInt8(0x01), 0x09, 0x1F, 0x7F, UInt8(ascii: ":"), UInt8(ascii: "^")])
    func anOddByteAnywhereInAnElementIsNotClean(_ odd: UInt8) {
        let base = Array(Self.clean.utf8)
        // Every position inside NM103 … NM109 (not the separators themselves).
        for k in 9..<base.count where base[k] != UInt8(ascii: "*") {
            var bytes = base
            bytes[k] = odd
            let v = verdicts(String(decoding: bytes, as: UTF8.self))
            #expect(v.problems > 0, "byte \(odd) at \(k) should be reported by the full check")
            #expect(!v.clean, "byte \(odd) at \(k) must not pass the clean scan")
        }
    }

    /// SV1 of the 278 request (SV101 is a composite): a control character or DEL inside a component.
    private static let sv1: SegmentSpec = {
        let guide = SchemaTestSupport.library.guide(st01: "278", version: "005010X217", bht02: "13")!
        for loop in guide.root.allLoops {
            for case .segment(let s) in loop.children where s.tag == "SV1" { return s }
        }
        fatalError("no SV1 in the 278 request guide")
    }()

    @Test(arguments: [UInt8(0x01), 0x09, 0x1F, 0x7F])
    func aControlCharacterInAComponentIsNotClean(_ odd: UInt8) {
        let base = Array("SV1*HC:97110:GP:KX**UN*12".utf8)
        #expect(verdicts(String(decoding: base, as: UTF8.self), spec: Self.sv1) == (true, 0))
        for k in 4..<18 where base[k] != UInt8(ascii: ":") {
            var bytes = base
            bytes[k] = odd
            let v = verdicts(String(decoding: bytes, as: UTF8.self), spec: Self.sv1)
            #expect(v.problems > 0, "byte \(odd) at \(k) should be reported by the full check")
            #expect(!v.clean, "byte \(odd) at \(k) must not pass the clean scan")
        }
    }

    @Test func lengthsAroundTheMaximumMatchTheFullCheck() {
        // NM103 (max 60) around its maximum length: clean exactly when the check is silent.
        for extra in 50...70 {
            let name = String(repeating: "A", count: extra)
            let v = verdicts("NM1*IL*1*\(name)*ALEX*Q***MI*MEMBER001")
            #expect(v.clean == (v.problems == 0), "NM103 of \(extra) bytes")
            #expect(v.clean == (extra <= 60), "NM103 of \(extra) bytes")
        }
    }
}
