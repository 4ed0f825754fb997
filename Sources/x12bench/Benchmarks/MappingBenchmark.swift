#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation
import X12
import X12Mapping

/// `x12bench mapping --size-mb N`: X12 → model JSON Lines and model JSON Lines → X12 throughput on generated 271
/// and 278 (request and response) files, with segments/s and peak memory; and each half alone: the mapping without
/// JSON both ways, and the JSON writer alone (the first 2,000 models written again and again).
struct MappingBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mapping",
        abstract: "X12 → model JSON and model JSON → X12 MB/s on generated 271 and 278 data (release build).")

    @Option(name: .customLong("size-mb"), help: "Size of each generated X12 file in megabytes.")
    var sizeMB: Double = 100

    @Option(name: .long, help: "Generator seed.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Transaction types to measure (comma-separated).")
    var types: String = "271,278,278-response"

    @Option(name: .long, help: "Directory for the generated files (removed afterwards unless --keep).")
    var dir: String = NSTemporaryDirectory()

    @Flag(name: .long, help: "Keep the generated files.")
    var keep = false

    func run() throws {
        print("x12bench mapping: \(sizeMB) MB per file, seed \(seed)")
        for name in types.split(separator: ",") {
            guard let type = GeneratedType(rawValue: String(name)) else { throw ValidationError("unknown type \(name)") }
            try measure(type)
        }
        print("peak RSS: \(peakRSSMB()) MB")
    }

    func measure(_ type: GeneratedType) throws {
        let base = (dir as NSString).appendingPathComponent("x12bench-mapping-\(type.rawValue)-\(getpid())")
        let x12 = base + ".x12", jsonl = base + ".jsonl", back = base + ".back.x12"
        defer { if !keep { for p in [x12, jsonl, back] { unlink(p) } } }

        var t = now()
        var c = cpu()
        let writer = try X12Writer.toFile(x12)
        let count = try TestDataGenerator(seed: seed).write(type, count: 0, sizeBytes: Int(sizeMB * 1_048_576), to: writer)
        try writer.close()
        let x12Bytes = fileSize(x12)
        let generateSeconds = now() - t

        // The mapping alone, without JSON: X12 → model values, and those values → X12 in memory.
        t = now(); c = cpu()
        let mapOnly = X12ModelReader(reader: try X12Reader(path: x12))
        var models: [ModelTransaction] = []
        var mapped = 0
        var modelsX12Bytes = 0   // the X12 the kept models were read from
        while let m = try mapOnly.next() {
            guard case .success(let v) = m.result else { continue }
            mapped += 1
            if models.count < 2000 {
                models.append(v)
                modelsX12Bytes = mapOnly.reader.location.byteOffset
            }
        }
        let mapSeconds = now() - t, mapCPU = cpu() - c
        t = now(); c = cpu()
        var written = 0
        let sinkWriter = X12Writer(sink: { (b: UnsafeRawBufferPointer) throws(X12IOError) in written += b.count })
        let sinkBuilder = ModelX12Builder(writer: sinkWriter, envelope: EnvelopeOptions(
            senderID: "BENCH", receiverID: "BENCH", date: TestDataGenerator(seed: seed).today, time: "1200"))
        var rounds = 0
        while written < x12Bytes {
            for m in models { try sinkBuilder.add(m) }
            try sinkWriter.flush()
            rounds += 1
        }
        try sinkBuilder.finish()
        try sinkWriter.flush()
        let buildSeconds = now() - t, buildCPU = cpu() - c

        // The JSON writer alone: the same models written as model JSON lines (to /dev/null, through the lines
        // writer's buffer) until they covered as much X12 as the file holds.
        t = now(); c = cpu()
        let jsonOnly = try ModelJSONLinesWriter(path: "/dev/null")
        var covered = 0
        while covered < x12Bytes && modelsX12Bytes > 0 {
            for m in models { try jsonOnly.write(m) }
            covered += modelsX12Bytes
        }
        try jsonOnly.close()
        let jsonOnlySeconds = now() - t, jsonOnlyCPU = cpu() - c

        t = now(); c = cpu()
        let reader = X12ModelReader(reader: try X12Reader(path: x12))
        let out = try ModelJSONLinesWriter(path: jsonl)
        let summary = try out.convert(reader)
        try out.close()
        let toJSON = now() - t, toJSONCPU = cpu() - c
        let jsonBytes = fileSize(jsonl)
        let segments = reader.reader.location.segmentIndex

        t = now(); c = cpu()
        let input = try ModelJSONLinesReader(path: jsonl)
        let x12Out = try X12Writer.toFile(back)
        let builder = ModelX12Builder(writer: x12Out, envelope: EnvelopeOptions(
            senderID: "BENCH", receiverID: "BENCH", date: TestDataGenerator(seed: seed).today, time: "1200"))
        while let m = try input.next() { try builder.add(m) }
        try builder.finish()
        try x12Out.close()
        let toX12 = now() - t, toX12CPU = cpu() - c
        let backBytes = fileSize(back)

        func mb(_ b: Int) -> Double { Double(b) / 1_048_576 }
        print("\(type.rawValue): \(count) transactions, \(fmt(mb(x12Bytes))) MB X12, \(fmt(mb(jsonBytes))) MB JSON (generated in \(fmt(generateSeconds)) s)")
        print("  X12 → model (no JSON): \(fmt(mb(x12Bytes) / mapSeconds)) MB/s (\(mapped) transactions); model → X12 (no JSON): \(fmt(mb(written) / buildSeconds)) MB/s")
        print("    by CPU time: \(fmt(mb(x12Bytes) / mapCPU)) MB/s; \(fmt(mb(written) / buildCPU)) MB/s")
        print("  model → JSON alone: \(fmt(mb(covered) / jsonOnlySeconds)) MB/s of X12 (\(fmt(mb(jsonOnly.bytesWritten) / jsonOnlySeconds)) MB/s of JSON); by CPU time: \(fmt(mb(covered) / jsonOnlyCPU)) MB/s of X12 (\(fmt(mb(jsonOnly.bytesWritten) / jsonOnlyCPU)) MB/s of JSON)")
        print("  X12 → model JSON: \(fmt(mb(x12Bytes) / toJSON)) MB/s of X12, \(fmt(Double(segments) / toJSON / 1000)) k segments/s, \(fmt(Double(summary.written) / toJSON)) transactions/s, \(summary.failed.count) failed")
        print("  model JSON → X12: \(fmt(mb(jsonBytes) / toX12)) MB/s of JSON (\(fmt(mb(backBytes) / toX12)) MB/s of X12 written), \(fmt(Double(builder.transactionCount) / toX12)) transactions/s")
        print("  by CPU time (user + sys, this process; the wall clock is shared with other work): X12 → model JSON \(fmt(mb(x12Bytes) / toJSONCPU)) MB/s of X12 (\(fmt(mb(jsonBytes) / toJSONCPU)) MB/s of JSON); model JSON → X12 \(fmt(mb(jsonBytes) / toX12CPU)) MB/s of JSON (\(fmt(mb(backBytes) / toX12CPU)) MB/s of X12)")
    }

    func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// CPU seconds (user + sys) of this process so far.
    func cpu() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    func fileSize(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : 0
    }

    func peakRSSMB() -> String {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return fmt(Double(u.ru_maxrss) / 1024)
    }

    func fmt(_ v: Double) -> String { String(format: "%.1f", v) }
}
