import ArgumentParser
import Foundation
import X12
import X12Mapping

/// `x12gate generate --type 270|271|278|278-response --count N [--seed S] [--size-mb M] [--out PATH]`:
/// deterministic X12 files with invented members and providers, built from the domain model through the mapping.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write deterministic test files (270, 271, 278 requests, 278 responses) with invented data.",
        discussion: """
        The same --seed always gives the same file. With --size-mb the file grows until it reaches that size \
        (--count is then ignored). Names are made of syllables, telephone numbers are 555-01xx, NPIs have \
        valid check digits; nothing is real.
        """)

    @Option(name: .long, help: "270, 271, 278 or 278-response.")
    var type: String

    @Option(name: .long, help: "How many transaction sets.")
    var count: Int = 10

    @Option(name: .long, help: "The seed of the pseudo-random generator.")
    var seed: UInt64 = 1

    @Option(name: .customLong("size-mb"), help: "Write until the file reaches this many megabytes (overrides --count).")
    var sizeMB: Double?

    @Option(name: .long, help: "Output file (default: standard output).")
    var out: String = "-"

    @Flag(name: .long, help: "Write each segment on its own line.")
    var lines = false

    func validate() throws {
        guard GeneratedType(rawValue: type) != nil else {
            throw ValidationError("--type must be one of 270, 271, 278, 278-response")
        }
        guard count >= 0 else { throw ValidationError("--count must not be negative") }
        if let m = sizeMB, m <= 0 { throw ValidationError("--size-mb must be positive") }
    }

    func run() throws {
        let writer: X12Writer
        do {
            writer = try X12Writer.toFile(out, suffix: lines ? .lf : .none)
        } catch {
            printError("x12gate generate: \(error)")
            throw ExitCode(2)
        }
        do {
            try TestDataGenerator(seed: seed).write(GeneratedType(rawValue: type)!, count: count,
                                                    sizeBytes: sizeMB.map { Int($0 * 1_048_576) }, to: writer)
            try writer.close()
        } catch {
            printError("x12gate generate: \(error)")
            throw ExitCode(2)
        }
    }

    private func printError(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }
}
