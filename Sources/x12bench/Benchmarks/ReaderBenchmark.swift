import ArgumentParser
import Foundation
import X12
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `x12bench reader`: reader throughput and memory on a generated corpus, against a `memchr` loop that only
/// counts segment terminators in the same file.
///
/// The corpus comes from the project's own fixture multiplier: the transaction set of a `TestData/` file is
/// written again and again through ``X12Writer`` with new control numbers (ISA13, GS06, ST02), so every
/// envelope count is right. No Python, no external generator.
struct ReaderBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reader",
        abstract: "Reader MB/s, segments/s and peak RSS, against a memchr loop over the same file.",
        discussion: """
        Examples:
          swift run -c release x12bench reader --size-mb 100
          swift run -c release x12bench reader --size-mb 1000 --file /tmp/x12-1g.x12 --keep
          swift run -c release x12bench reader --file big.x12 --no-generate

        Allocations per segment: run `--read-only` under `valgrind --tool=memcheck` on two corpus sizes and \
        divide the difference in "total heap usage … allocs" by the difference in segments \
        (docs/readme/syntax.md shows the commands).
        """
    )

    @Option(help: "Size of the generated corpus in MB (1 MB = 1,000,000 bytes).")
    var sizeMB = 100

    @Option(help: "Where to write the corpus (default: a temporary file, removed afterwards).")
    var file: String?

    @Flag(help: "Read --file as it is, without generating it.")
    var noGenerate = false

    @Flag(help: "Keep the generated corpus.")
    var keep = false

    @Option(help: "The fixture whose transaction set is multiplied (default: TestData/syntax/valid/standard-lf.x12).")
    var fixture: String?

    @Option(help: "Segment suffix in the corpus: none, lf or crlf.")
    var suffix: String = "lf"

    @Option(help: "Timed runs of each measurement; the best is reported.")
    var runs = 3

    @Flag(help: "Read the file once and print the segment count, nothing else (for valgrind).")
    var readOnly = false

    func validate() throws {
        if noGenerate && file == nil { throw ValidationError("--no-generate needs --file") }
        if SegmentSuffix(rawValue: suffix) == nil { throw ValidationError("--suffix is none, lf or crlf") }
    }

    func run() throws {
        let path = file ?? NSTemporaryDirectory() + "x12bench-reader-\(getpid()).x12"
        if !noGenerate {
            let fixturePath = fixture ?? Self.repositoryRoot + "/TestData/syntax/valid/standard-lf.x12"
            let t0 = Self.now()
            let written = try Self.generate(to: path, sizeBytes: sizeMB * 1_000_000, fixture: fixturePath,
                                            suffix: SegmentSuffix(rawValue: suffix)!)
            print("corpus: \(path), \(written) bytes, generated in \(String(format: "%.2f", Self.now() - t0)) s")
        }
        defer { if !noGenerate && !keep { unlink(path) } }
        if readOnly {
            let r = try Self.read(path)
            print("segments: \(r.segments), bytes: \(r.bytes)")
            return
        }
        let rssBefore = Self.peakRSSKiB()
        let terminator = try Self.terminator(of: path)

        // Warm the page cache, then time each loop.
        var base = (terminators: 0, bytes: 0)
        var baseTime = Double.infinity
        for _ in 0..<max(runs, 1) + 1 {
            let t = Self.now()
            base = try Self.memchrCount(path, terminator: terminator)
            baseTime = min(baseTime, Self.now() - t)
        }
        var result = (segments: 0, bytes: 0, findings: 0)
        var readTime = Double.infinity
        for _ in 0..<max(runs, 1) {
            let t = Self.now()
            result = try Self.read(path)
            readTime = min(readTime, Self.now() - t)
        }
        let rssAfter = Self.peakRSSKiB()

        let mb = Double(result.bytes) / 1_000_000
        let readerMBs = mb / readTime
        let baseMBs = Double(base.bytes) / 1_000_000 / baseTime
        print("cpu: \(Self.cpuModel()), \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print(String(format: "input: %.1f MB, %d segments, %d findings", mb, result.segments, result.findings))
        print(String(format: "reader:   %8.1f MB/s  %6.2f M segments/s  (best of %d, %.3f s)",
                     readerMBs, Double(result.segments) / readTime / 1e6, runs, readTime))
        print(String(format: "memchr:   %8.1f MB/s  (%d terminators, best of %d, %.3f s)", baseMBs, base.terminators, runs, baseTime))
        print(String(format: "ratio:    reader is %.2fx slower than the memchr loop", baseMBs / readerMBs))
        print("peak RSS: \(rssAfter / 1024) MB (\(rssBefore / 1024) MB before reading)")
    }

    // MARK: Corpus

    /// `<repository>` derived from this file's path.
    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// Writes about `sizeBytes` bytes: interchanges of one group of up to 1000 copies of the fixture's first
    /// transaction set, each with its own control numbers; trailers are filled by the writer.
    static func generate(to path: String, sizeBytes: Int, fixture: String, suffix: SegmentSuffix) throws -> Int {
        let reader = try X12Reader(path: fixture)
        var body: [Segment] = []
        var txID = "270", reference: String?, group: GroupHeader?
        var isa: InterchangeHeader?
        var inFirst = false, done = false
        while let e = try reader.next(), !done {
            switch e {
            case .interchangeStart(let h): if isa == nil { isa = h }
            case .groupStart(let g): if group == nil { group = g }
            case .transactionStart(let t):
                if body.isEmpty { txID = t.id; reference = t.implementationReference; inFirst = true }
            case .segment: if inFirst { body.append(reader.segment.copy()) }
            case .transactionEnd: if inFirst { inFirst = false; done = true }
            default: break
            }
        }
        guard let isa, let group, !body.isEmpty else { throw ValidationError("\(fixture) has no transaction set to multiply") }
        let writer = try X12Writer.toFile(path, delimiters: isa.delimiters, suffix: suffix)
        var interchange = 0
        var groupNumber = 0
        while writer.bytesWritten < sizeBytes {
            interchange += 1
            groupNumber += 1
            try writer.beginInterchange(ISAFields(senderQualifier: isa.senderQualifier, senderID: isa.senderID,
                                                  receiverQualifier: isa.receiverQualifier, receiverID: isa.receiverID,
                                                  date: isa.date, time: isa.time, controlNumber: interchange, usage: isa.usage))
            var g = group
            g.controlNumber = String(groupNumber)
            try writer.beginGroup(g)
            var st = 0
            while st < 1000 && writer.bytesWritten < sizeBytes {
                st += 1
                try writer.beginTransaction(id: txID, controlNumber: String(format: "%04d", st), implementationReference: reference)
                for s in body { try writer.write(s) }
                try writer.endTransaction()
            }
            try writer.endGroup()
            try writer.endInterchange()
        }
        try writer.close()
        return writer.bytesWritten
    }

    // MARK: Loops

    /// The baseline: read the file in the reader's chunk size and count `~` with `memchr`.
    static func memchrCount(_ path: String, terminator: UInt8) throws -> (terminators: Int, bytes: Int) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw ValidationError("cannot open \(path)") }
        defer { close(fd) }
        let size = 128 << 10
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        var count = 0, total = 0
        while true {
            let n = systemRead(fd, buffer, size)
            if n <= 0 { break }
            total += n
            var p = buffer
            let end = buffer + n
            while p < end, let hit = memchr(p, Int32(terminator), end - p) {
                count += 1
                p = UnsafeMutableRawPointer(hit) + 1
            }
        }
        return (count, total)
    }

    /// The segment terminator of the file's first interchange.
    static func terminator(of path: String) throws -> UInt8 {
        let reader = try X12Reader(path: path)
        _ = try reader.next()
        return reader.delimiters?.segment ?? UInt8(ascii: "~")
    }

    /// The reader: every event pulled, every segment's ID looked at (as a caller that dispatches would).
    static func read(_ path: String) throws -> (segments: Int, bytes: Int, findings: Int) {
        let reader = try X12Reader(path: path)
        var findings = 0
        var nm1 = 0
        while let e = try reader.next() {
            switch e {
            case .segment: if reader.segment.hasID("NM1") { nm1 += 1 }
            case .finding: findings += 1
            default: break
            }
        }
        Self.blackHole(nm1)
        return (reader.decoder.segmentsRead, reader.decoder.bytesFed, findings)
    }

    // MARK: Machine

    static func cpuModel() -> String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            return line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        }
        return "unknown"
    }
    /// Peak resident set size of this process in KiB (`getrusage`).
    static func peakRSSKiB() -> Int {
        var usage = rusage()
        #if canImport(Darwin)
        getrusage(RUSAGE_SELF, &usage)
        return usage.ru_maxrss / 1024
        #else
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
        #endif
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    @inline(never) static func blackHole(_ x: Int) { if x == -1 { print(x) } }
}

private func systemRead(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int { read(fd, p, n) }
