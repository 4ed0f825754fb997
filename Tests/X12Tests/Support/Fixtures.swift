import Foundation
import Testing
@testable import X12

/// Finds the files under `TestData/` and reads them into comparable event records.
enum Fixtures {
    /// `TestData/` at the repository root, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TestData").resolvingSymlinksInPath()

    /// Every regular file under `TestData/` (all areas, recursively), sorted, as paths relative to `TestData/`.
    static func allFiles() -> [String] {
        let fm = FileManager.default
        guard let e = fm.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var out: [String] = []
        let base = root.standardizedFileURL.path + "/"
        for case let url as URL in e {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let p = url.standardizedFileURL.path
            out.append(p.hasPrefix(base) ? String(p.dropFirst(base.count)) : p)
        }
        return out.sorted()
    }

    /// The `.x12` files of `TestData/syntax/<folder>/`.
    static func syntaxFiles(_ folder: String) -> [String] {
        allFiles().filter { $0.hasPrefix("syntax/\(folder)/") && $0.hasSuffix(".x12") }
    }

    /// The bytes of a file relative to `TestData/`.
    static func bytes(_ relative: String) -> [UInt8] {
        (try? [UInt8](Data(contentsOf: root.appendingPathComponent(relative)))) ?? []
    }

    /// The text of a file relative to `TestData/`.
    static func text(_ relative: String) -> String {
        String(decoding: bytes(relative), as: UTF8.self)
    }
}

/// One event as a comparable value: what it was, where, and the bytes it carried.
struct EventRecord: Equatable, CustomStringConvertible {
    var kind: String
    var location: Location
    var hasSegment: Bool
    var segment: [UInt8]
    var leading: [UInt8]
    var suffix: SegmentSuffix
    var terminated: Bool
    var finding: Finding?

    var description: String {
        "\(kind) \(location.description) seg=\(hasSegment ? String(decoding: segment, as: UTF8.self) : "-") lead=\(leading.count) \(suffix)"
    }
}

/// Reads events with the sync reader or straight from a decoder.
enum EventLog {
    static func kind(_ e: X12Event) -> String {
        switch e {
        case .interchangeStart(let h): return "ISA(\(h.fields.joined(separator: "|")))"
        case .interchangeEnd: return "IEA"
        case .interchangeAcknowledgment: return "TA1"
        case .groupStart(let g): return "GS(\(g.functionalID) \(g.controlNumber) \(g.version))"
        case .groupEnd: return "GE"
        case .transactionStart(let t): return "ST(\(t.id) \(t.controlNumber) \(t.implementationReference ?? "-"))"
        case .transactionEnd: return "SE"
        case .segment: return "segment"
        case .finding(let f): return "finding \(f.code) \(f.severity)"
        case .endOfInput: return "end"
        }
    }

    static func record(_ e: X12Event, _ d: X12Decoder) -> EventRecord {
        var finding: Finding?
        if case .finding(let f) = e { finding = f }
        var isEnd = false
        if case .endOfInput = e { isEnd = true }
        return EventRecord(
            kind: kind(e), location: d.location, hasSegment: d.hasSegment,
            segment: d.hasSegment ? Array(d.segment.bytes) : [],
            leading: d.hasSegment || isEnd ? Array(d.leading) : [],
            suffix: d.hasSegment ? d.suffix : .none, terminated: d.hasSegment ? d.segmentTerminated : true,
            finding: finding)
    }

    /// Every event of `bytes` fed in the given chunk sizes (cycled), through a bare decoder.
    static func events(_ bytes: [UInt8], chunks sizes: [Int], options: X12Decoder.Options = .init()) -> [EventRecord] {
        let d = X12Decoder(options: options)
        var out: [EventRecord] = []
        var off = 0
        var k = 0
        while off < bytes.count {
            let n = min(max(sizes[k % sizes.count], 1), bytes.count - off)
            k += 1
            bytes[off..<(off + n)].withUnsafeBytes { d.feed($0) }
            off += n
            while let e = d.next() { out.append(record(e, d)) }
        }
        d.finish()
        while let e = d.next() { out.append(record(e, d)) }
        return out
    }

    /// Every finding of `bytes`, read in one buffer.
    static func findings(_ bytes: [UInt8]) throws -> [Finding] {
        let r = X12Reader(bytes: bytes)
        var out: [Finding] = []
        while let e = try r.next() { if case .finding(let f) = e { out.append(f) } }
        return out
    }
}
