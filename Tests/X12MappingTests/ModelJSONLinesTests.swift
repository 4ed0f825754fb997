import AuthModel
import Foundation
import Testing
import X12
@testable import X12Mapping

/// X12 → model JSON Lines → X12 with a new envelope, through the streaming reader and writer.
@Suite struct ModelJSONLinesTests {
    @Test func x12ToJSONLinesToX12() throws {
        let sink = ByteSink()
        let out = ModelJSONLinesWriter(sink: sink)
        let summary = try out.convert(X12ModelReader(path: MappingTestSupport.path("mapping/278-responses-pended-denied.x12")))
        try out.flush()
        #expect(summary.written == 2 && summary.failed.isEmpty && out.lineCount == 2)
        let text = String(decoding: sink.bytes, as: UTF8.self)
        #expect(text.split(separator: "\n").count == 2)
        #expect(text.hasPrefix(#"{"type":"278-response","authorizationDecision":{"#) || text.hasPrefix(#"{"authorizationDecision""#))
        #expect(text.contains(#""creationDate":"2026-11-25""#))

        // Blank lines are skipped; the lines come back in order and build a valid interchange.
        let input = ModelJSONLinesReader(bytes: Array(("\n" + text + "\n\n").utf8))
        let writer = X12Writer.inMemory(suffix: .lf)
        let builder = ModelX12Builder(writer: writer, envelope: EnvelopeOptions(
            senderID: "ALLCAREIPA", receiverID: "CLINICSUBMIT01", interchangeControlNumber: 7,
            date: CalendarDate(year: 2026, month: 11, day: 26), time: "0800"))
        while let m = try input.next() { try builder.add(m) }
        try builder.finish()
        #expect(builder.transactionCount == 2)
        #expect(try MappingTestSupport.validationErrors(writer.bytes) == [])
        let original = try MappingTestSupport.models("mapping/278-responses-pended-denied.x12")
        #expect(try MappingTestSupport.models(writer.bytes).map { try $0.result.get() } == original)
        let x12 = String(decoding: writer.bytes, as: UTF8.self)
        #expect(x12.contains("*ZZ*ALLCAREIPA     *ZZ*CLINICSUBMIT01 *261126*0800*^*00501*000000007*0*P*:~"))
        #expect(x12.contains("GS*HI*ALLCAREIPA*CLINICSUBMIT01*20261126*0800*1*X*005010X217~"))
        #expect(x12.contains("ST*278*0002*005010X217~"))
    }

    /// Found by fuzzing `x12gate convert FILE.jsonl --to x12`: a 150 MB line took 48 s of CPU, as every chunk read
    /// made the reader search the whole line again for its newline. Now each byte is searched once.
    @Test(.timeLimit(.minutes(1))) func aLongLineReadInSmallChunksIsScannedOnce() throws {
        let long = Array(#"{"type":"999","x":""#.utf8) + [UInt8](repeating: 0x41, count: 2 << 20) + Array("\"}\n{\"type\":\"999\"}\n".utf8)
        var offset = 0
        let input = ModelJSONLinesReader { (buffer: inout [UInt8]) -> Bool in
            guard offset < long.count else { return false }
            let end = min(offset + 16, long.count)
            buffer.append(contentsOf: long[offset..<end])
            offset = end
            return true
        }
        #expect { _ = try input.next() } throws: { ($0 as? ModelJSONLinesReader.LineError)?.line == 1 }
        #expect { _ = try input.next() } throws: { ($0 as? ModelJSONLinesReader.LineError)?.line == 2 }
        #expect(try input.next() == nil)
        #expect(input.bytesRead == long.count)
    }

    /// A line longer than `maxLineLength` is never held: it is skipped up to its newline and reported, and the
    /// lines after it are read (a 150 MB line made the fast decoder's node table fail to allocate).
    @Test(arguments: [true, false])
    func anOverLongLineIsSkippedAndReported(_ newlineAfter: Bool) throws {
        let good = try ModelJSON.encode(TestDataGenerator(seed: 3).transaction(.eligibilityInquiry, index: 0))
        var text = good + [0x0A] + [UInt8](repeating: 0x41, count: 5_000)
        if newlineAfter { text += [0x0A] + good + [0x0A] }
        var offset = 0
        let input = ModelJSONLinesReader { (buffer: inout [UInt8]) -> Bool in
            guard offset < text.count else { return false }
            let end = min(offset + 700, text.count)
            buffer.append(contentsOf: text[offset..<end])
            offset = end
            return true
        }
        input.maxLineLength = 2_000
        #expect(try input.next() != nil)
        #expect { _ = try input.next() } throws: { error in
            guard let e = error as? ModelJSONLinesReader.LineError else { return false }
            return e.line == 2 && e.message.contains("5000 bytes")
        }
        if newlineAfter { #expect(try input.next() != nil) }
        #expect(try input.next() == nil)
        #expect(input.bytesRead == text.count)
    }

    @Test func badLineIsReportedWithItsNumber() throws {
        let input = ModelJSONLinesReader(bytes: Array("\n{\"type\":\"999\"}\n".utf8))
        #expect { _ = try input.next() } throws: { ($0 as? ModelJSONLinesReader.LineError)?.line == 2 }
        #expect(try input.next() == nil)
    }
}
