import ArgumentParser
import Foundation
import Gateway
import Logging

/// `x12gate demo`: the whole chain on the bundled sample data, in a fresh folder.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole chain on the bundled sample data: import members, providers and benefits, drop the sample files, run one batch.",
        discussion: """
        Uses TestData/gateway/sample (members.csv, providers.csv, benefits.csv, inbox/*.x12). The output folder \
        is emptied first and then holds x12gate.sqlite, inbox/, outbox/ (TA1/999, 271, 278), archive/ and errors/.

        Example:
          x12gate demo --out demo-out
          ls demo-out/outbox
        """)

    @Option(help: "The folder to run in (emptied first).") var out: String = "demo-out"
    @Option(help: "The sample data folder (default: TestData/gateway/sample of this repository).") var sample: String?

    func run() throws {
        LoggingSystem.bootstrap { label in
            var h = StreamLogHandler.standardError(label: label)
            h.logLevel = .warning
            return h
        }
        let fm = FileManager.default
        let sampleDir = try locateSample()
        let root = URL(fileURLWithPath: out)
        try? fm.removeItem(at: root)
        let inbox = root.appendingPathComponent("inbox"), outbox = root.appendingPathComponent("outbox")
        try fm.createDirectory(at: inbox, withIntermediateDirectories: true)
        let store = try StoreOption.parse(["--store", root.appendingPathComponent("x12gate.sqlite").path])

        func text(_ name: String) throws -> String {
            try String(contentsOf: sampleDir.appendingPathComponent(name), encoding: .utf8)
        }
        let importer = ReferenceDataImporter(store: try store.open())
        try finishImport(importer.importProviders(text: text("providers.csv")), what: "providers")
        try finishImport(importer.importMembers(text: text("members.csv")), what: "members")
        try finishImport(importer.importBenefits(text: text("benefits.csv")), what: "benefits")

        let samples = try fm.contentsOfDirectory(atPath: sampleDir.appendingPathComponent("inbox").path).sorted()
        for name in samples {
            try fm.copyItem(at: sampleDir.appendingPathComponent("inbox").appendingPathComponent(name),
                            to: inbox.appendingPathComponent(name))
        }
        print("dropped \(samples.count) file(s) in \(inbox.path)")

        let processor = try BatchProcessor(
            folders: BatchFolders(inbox: inbox.path, outbox: outbox.path, archive: nil, errors: nil),
            store: store.open(), options: BatchOptions(specs: loadSpecs(nil)))
        let summary = try processor.runOnce()
        print(summary.text)
        print("outbox (\(outbox.path)):")
        for name in try fm.contentsOfDirectory(atPath: outbox.path).sorted() {
            let size = (try? fm.attributesOfItem(atPath: outbox.appendingPathComponent(name).path)[.size] as? Int) ?? 0
            print("  \(name)  \(size) bytes")
        }
        print("Next: x12gate inspect \(outbox.path)/<file>   x12gate auth list --store \(root.path)/x12gate.sqlite")
        if summary.rejected > 0 { throw ExitCode(1) }
    }

    private func locateSample() throws -> URL {
        if let sample { return URL(fileURLWithPath: sample) }
        let candidates = [
            URL(fileURLWithPath: "TestData/gateway/sample"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("TestData/gateway/sample"),
        ]
        for c in candidates where FileManager.default.fileExists(atPath: c.appendingPathComponent("members.csv").path) {
            return c
        }
        throw ValidationError("cannot find the sample data; pass --sample DIR")
    }
}
