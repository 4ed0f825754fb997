import Foundation
import Testing
import X12
@testable import X12Schema

/// The streamed report (`x12gate validate`) gives exactly the bytes of the whole-report renderers, on every TestData
/// X12 file and on inputs large enough for every level's spool to go to disk.
@Suite struct ValidationReportStreamTests {
    static var files: [String] {
        let root = SchemaTestSupport.repository + "/TestData"
        let all = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        return all.filter { $0.hasSuffix(".x12") }.sorted()
    }

    /// The whole report rendered as before, and the streamed one (sets, groups and interchanges not kept).
    static func both(_ bytes: [UInt8], format: ValidationReportStream.Format, values: Bool = false)
        -> (whole: String, streamed: String, clean: Bool, wholeClean: Bool) {
        let report = Validator(library: SchemaTestSupport.library).validate(bytes: bytes, name: "in.x12")
        let whole = format == .text ? FindingTextRenderer(includeValues: values).render(report) + "\n"
                                    : FindingJSONRenderer(includeValues: values).render(report)
        let validator = Validator(library: SchemaTestSupport.library, options: .init(keepTransactions: false))
        let stream = ValidationReportStream(format: format, source: "in.x12", includeValues: values)
        let reader = X12Reader(bytes: bytes, name: "in.x12")
        var out: [UInt8] = []
        var clean = false
        do {
            let streamedReport = try validator.validate(reader: reader, onTransaction: stream.transaction,
                                                        onGroup: { g, _ in stream.group(g) }, onInterchange: stream.interchange)
            #expect(streamedReport.interchanges.isEmpty)
            clean = try stream.finish(streamedReport) { out.append(contentsOf: $0) }
        } catch {
            Issue.record("stream failed: \(error)")
        }
        return (whole, String(decoding: out, as: UTF8.self), clean, report.isClean)
    }

    @Test(arguments: files)
    func sameBytesAsTheWholeReport(_ name: String) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: SchemaTestSupport.repository + "/TestData/" + name)))
        for format in [ValidationReportStream.Format.text, .json] {
            let r = Self.both(bytes, format: format, values: format == .json)
            #expect(r.streamed == r.whole, "\(name) \(format)")
            #expect(r.clean == r.wholeClean, "\(name) \(format)")
        }
    }

    /// 40 copies of a file with findings at every level (a bad ISA field, a group with a wrong GE01, sets with
    /// element and segment errors, garbage between interchanges): megabytes of report, spooled on disk.
    @Test func manyCopiesSpillToDiskAndKeepTheirOrder() throws {
        let root = SchemaTestSupport.repository + "/TestData/validation/"
        let names = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasSuffix(".x12") }.sorted()
        var one: [UInt8] = []
        for n in names { one += Array(try Data(contentsOf: URL(fileURLWithPath: root + n))) }
        var bytes: [UInt8] = []
        for _ in 0..<40 { bytes += one }
        for format in [ValidationReportStream.Format.text, .json] {
            let r = Self.both(bytes, format: format)
            #expect(r.whole.utf8.count > 4 << 16, "the report should be larger than a spool's memory buffer")
            #expect(r.streamed == r.whole, "\(format): \(r.streamed.utf8.count) vs \(r.whole.utf8.count) bytes")
            #expect(r.clean == r.wholeClean && !r.clean)
        }
    }

    @Test func noInterchange() {
        let r = Self.both(Array("hello, not X12\n".utf8), format: .text)
        #expect(r.streamed == r.whole)
        #expect(r.streamed.hasSuffix("in.x12: no interchange found\n"))
    }
}

/// The spool under the streamed report: order, line prefixes across its 64 KB chunks, reuse after a drain.
@Suite struct TextSpoolTests {
    @Test func linesMovedWithAPrefixAcrossChunks() throws {
        let spool = TextSpool(), target = TextSpool()
        var expected = ""
        for i in 0..<9_000 {
            let line = String(repeating: "x", count: i % 97) + " line \(i)"
            spool.appendLine(line)
            expected += "P> " + line + "\n"
        }
        try spool.move(into: target, linePrefix: "P> ")
        #expect(spool.isEmpty)
        var out: [UInt8] = []
        try target.drain { out.append(contentsOf: $0) }
        #expect(String(decoding: out, as: UTF8.self) == expected)
        #expect(target.isEmpty)
    }

    @Test func reusedAfterDrain() throws {
        let spool = TextSpool()
        for round in 0..<3 {
            var expected = ""
            for i in 0..<(round == 1 ? 10 : 20_000) {
                spool.append("\(round):\(i),")
                expected += "\(round):\(i),"
            }
            var out: [UInt8] = []
            try spool.drain { out.append(contentsOf: $0) }
            #expect(String(decoding: out, as: UTF8.self) == expected, "round \(round)")
        }
    }
}

/// The JSON renderer's strings: values with and without escapes read back to themselves.
@Suite struct FindingJSONQuotingTests {
    @Test(arguments: ["plain", "", "é ü 日本", "a\"b", "back\\slash", "line\nfeed", "tab\tcr\r", "\u{01}\u{1F}", "end\""])
    func valuesReadBack(_ value: String) throws {
        let f = Finding(code: FindingCode(.ik403, "7"), location: Location(byteOffset: 0, line: 1, segmentIndex: 0, segmentID: value),
                        value: value, message: "m " + value)
        let text = FindingJSONRenderer(includeValues: true).json(f)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["value"] as? String == value)
        #expect(object["message"] as? String == "m " + value)
        #expect((object["location"] as? [String: Any])?["segment"] as? String == value)
    }
}
