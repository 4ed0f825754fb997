import Testing
@testable import X12

/// `X12AsyncReading` over an `AsyncSequence` of chunks gives the events of the sync reader.
@Suite struct AsyncReadingTests {
    @Test(arguments: Fixtures.syntaxFiles("valid") + Fixtures.syntaxFiles("broken").prefix(6))
    func asyncChunksGiveTheSyncEvents(file: String) async throws {
        let bytes = Fixtures.bytes(file)
        let expected = EventLog.events(bytes, chunks: [max(bytes.count, 1)])
        let stream = AsyncStream<[UInt8]> { c in
            var i = 0
            while i < bytes.count {
                let n = min(13, bytes.count - i)
                c.yield(Array(bytes[i..<(i + n)]))
                i += n
            }
            c.finish()
        }
        var got: [EventRecord] = []
        try await X12AsyncReading.forEachEvent(in: stream) { event, decoder in
            got.append(EventLog.record(event, decoder))
        }
        #expect(got == expected)
        if case .endOfInput = try #require(got.last).kind == "end" ? X12Event.endOfInput : X12Event.segment {} else {
            Issue.record("the last event is not the end of input")
        }
    }
}
