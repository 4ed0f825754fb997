import AuthModel
import Foundation
import X12
import X12Schema
@testable import X12Mapping

/// Files and helpers for the domain mapping tests.
enum MappingTestSupport {
    static let testData = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("TestData")

    static func path(_ relative: String) -> String { testData.appendingPathComponent(relative).path }

    static func bytes(_ relative: String) throws -> [UInt8] { Array(try Data(contentsOf: testData.appendingPathComponent(relative))) }

    /// Every transaction of a file, mapped; fails on a mapping error.
    static func models(_ bytes: [UInt8]) throws -> [MappedTransaction] {
        let reader = X12ModelReader(bytes: bytes)
        var out: [MappedTransaction] = []
        while let t = try reader.next() {
            if case .failure(let e) = t.result { throw e }
            out.append(t)
        }
        return out
    }

    static func models(_ relative: String) throws -> [ModelTransaction] {
        try models(try bytes(relative)).map { try $0.result.get() }
    }

    /// X12 → model → X12 in the envelope each transaction was read in, with the input's delimiters and suffix.
    static func rewrite(_ bytes: [UInt8]) throws -> [UInt8] {
        let probe = X12Reader(bytes: bytes)
        var suffix = SegmentSuffix.none
        var delimiters = Delimiters.standard
        if case .interchangeStart(let isa)? = try probe.next() { delimiters = isa.delimiters; suffix = probe.suffix }
        let writer = X12Writer.inMemory(delimiters: delimiters, suffix: suffix)
        let builder = ModelX12Builder(writer: writer)
        for t in try models(bytes) {
            try builder.add(try t.result.get(), keeping: (t.interchange!, t.group!, t.header))
        }
        try builder.finish()
        return writer.bytes
    }

    /// Validates bytes with the specs; returns the error findings as text.
    static func validationErrors(_ bytes: [UInt8]) throws -> [String] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("x12gate-mapping-\(UUID().uuidString).x12")
        try Data(bytes).write(to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        lock.lock()
        defer { lock.unlock() }
        let report = try validator.validate(path: dir.path)
        return report.isClean ? [] : report.allFindings.filter { $0.severity == .error }.map { "\($0)" }
    }

    /// The validator is not meant to be shared between threads: tests run in parallel, so calls are serialized.
    static let lock = NSLock()
    nonisolated(unsafe) static let validator: Validator = Validator(library: try! SpecLibrary.load())
}
