import Testing
@testable import X12

/// Random bytes and random mutations of valid files never crash, hang or grow the buffer past its bound,
/// and still read the same whatever the chunks (a bounded `maxSegmentLength` keeps memory flat).
@Suite struct RobustnessTests {
    static let options = X12Decoder.Options(maxSegmentLength: 256, initialCapacity: 4096)
    static let alphabet = Array("ISAGETSE*~:^|>!'\n\r 0123456789ABCXYZ".utf8) + [0xEF, 0xBB, 0xBF, 0x00, 0xFF]

    /// Feeds `bytes` in random chunks; checks that the event count and the buffer stay bounded.
    static func check(_ bytes: [UInt8], seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        let whole = EventLog.events(bytes, chunks: [max(bytes.count, 1)], options: options)
        let sizes = rng.chunkSizes(total: bytes.count, max: 300)
        let d = X12Decoder(options: options)
        var events = 0
        var off = 0
        var k = 0
        var records: [EventRecord] = []
        while off < bytes.count {
            let n = min(sizes[k % sizes.count], bytes.count - off)
            k += 1
            bytes[off..<(off + n)].withUnsafeBytes { d.feed($0) }
            off += n
            while let e = d.next() {
                events += 1
                records.append(EventLog.record(e, d))
            }
            #expect(d.capacity <= 4096 + 4 * (options.maxSegmentLength + 512), "buffer grew to \(d.capacity)")
        }
        d.finish()
        while let e = d.next() { events += 1; records.append(EventLog.record(e, d)) }
        #expect(events <= 8 * bytes.count + 16, "\(events) events for \(bytes.count) bytes")
        #expect(records == whole, "seed \(seed): \(firstDifference(records, whole))")
    }

    @Test(arguments: 0..<40)
    func randomByteSoup(seed: Int) {
        var rng = SeededRandom(seed: UInt64(seed) &* 7919)
        let count = Int.random(in: 0...6000, using: &rng)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        for _ in 0..<count { bytes.append(Self.alphabet.randomElement(using: &rng)!) }
        // Some soups start like an interchange.
        if seed % 2 == 0 { bytes = Fixtures.bytes("syntax/valid/standard-lf.x12").prefix(106) + bytes }
        Self.check(bytes, seed: UInt64(seed))
    }

    @Test(arguments: 0..<60)
    func mutatedValidFiles(seed: Int) {
        var rng = SeededRandom(seed: UInt64(seed) &+ 1000)
        let files = Fixtures.syntaxFiles("valid")
        var bytes = Fixtures.bytes(files[seed % files.count])
        for _ in 0..<Int.random(in: 1...12, using: &rng) where !bytes.isEmpty {
            let i = Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: bytes[i] = Self.alphabet.randomElement(using: &rng)!
            case 1: bytes.remove(at: i)
            case 2: bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "9"), count: Int.random(in: 1...600, using: &rng)), at: i)
            default: bytes.insert(contentsOf: bytes[i..<min(i + 120, bytes.count)], at: i)
            }
        }
        Self.check(bytes, seed: UInt64(seed))
    }
}
