import Testing
@testable import X12

/// Chunk boundaries can fall anywhere: one byte at a time and random chunk sizes give the same events
/// (kinds, locations, segment and leading bytes, suffixes, findings) as one buffer — for every file under
/// `TestData/`, whatever its area, including files added later.
@Suite struct DripFeedTests {
    static let files = Fixtures.allFiles()

    @Test(arguments: files)
    func oneByteChunksGiveTheSameEvents(file: String) {
        let bytes = Fixtures.bytes(file)
        let whole = EventLog.events(bytes, chunks: [max(bytes.count, 1)])
        let drip = EventLog.events(bytes, chunks: [1])
        #expect(drip == whole, "\(file): first difference at \(firstDifference(drip, whole))")
    }

    @Test(arguments: files)
    func randomChunksGiveTheSameEvents(file: String) {
        let bytes = Fixtures.bytes(file)
        let whole = EventLog.events(bytes, chunks: [max(bytes.count, 1)])
        for seed: UInt64 in [1, 2, 3, 42] {
            var rng = SeededRandom(seed: seed &+ UInt64(bytes.count))
            let sizes = rng.chunkSizes(total: bytes.count, max: 97)
            let events = EventLog.events(bytes, chunks: sizes)
            #expect(events == whole, "\(file) seed \(seed): first difference at \(firstDifference(events, whole))")
        }
    }

    @Test(arguments: files)
    func readerOverChunksMatchesTheDecoder(file: String) throws {
        let bytes = Fixtures.bytes(file)
        let whole = EventLog.events(bytes, chunks: [max(bytes.count, 1)])
        var chunks: [[UInt8]] = [[]]
        var i = 0
        while i < bytes.count {
            let n = min(7, bytes.count - i)
            chunks.append(Array(bytes[i..<(i + n)]))
            chunks.append([])
            i += n
        }
        let reader = X12Reader(chunks: chunks, name: file)
        var events: [EventRecord] = []
        while let e = try reader.next() { events.append(EventLog.record(e, reader.decoder)) }
        #expect(events == whole)
    }

    @Test func everyAreaIsCovered() {
        #expect(Self.files.contains { $0.hasPrefix("syntax/") })
    }
}

/// The index and both sides of the first differing event, for a readable failure.
func firstDifference(_ a: [EventRecord], _ b: [EventRecord]) -> String {
    for i in 0..<max(a.count, b.count) {
        let x = i < a.count ? a[i].description : "none"
        let y = i < b.count ? b[i].description : "none"
        if i >= a.count || i >= b.count || a[i] != b[i] { return "#\(i): \(x)  vs  \(y)" }
    }
    return "none"
}
