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
        (new, empty, or made by an earlier demo; any other folder is refused) is emptied first and then holds x12gate.sqlite, inbox/, outbox/ (TA1/999, 271, 278), archive/ and errors/.

        Example:
          x12gate demo --out demo-out
          ls demo-out/outbox
        """)

    @Option(help: "The folder to run in: new, empty, or one an earlier demo made (it is emptied first).") var out: String = "demo-out"
    @Option(help: "The sample data folder (default: TestData/gateway/sample of this repository).") var sample: String?

    /// The file that marks a folder as made by `demo` (so that a later run may empty it).
    static let marker = ".x12gate-demo"
    /// What a demo folder holds (folders made before the marker existed have only these).
    static let demoEntries: Set<String> = [marker, "x12gate.sqlite", "x12gate.sqlite-wal", "x12gate.sqlite-shm", "inbox",
                                           "outbox", "archive", "errors"]

    /// Removes `root` when it is missing, empty or a previous demo folder; throws for any other folder, which is
    /// left as it is (`--out ~` must not empty a home folder).
    static func clear(_ root: URL) throws {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: root.path) else {
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: root.path, isDirectory: &isDirectory) {
                throw refuse("\(root.path) exists and is not a folder; give --out a new or an empty folder")
            }
            return
        }
        guard entries.allSatisfy(demoEntries.contains) else {
            throw refuse("\(root.path) is not empty and was not made by x12gate demo; give --out a new or an empty folder")
        }
        try fm.removeItem(at: root)
    }

    /// Prints why the folder is refused and returns the usage exit code (2).
    private static func refuse(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("x12gate demo: \(message)\n".utf8))
        return ExitCode(2)
    }

    func run() throws {
        LoggingSystem.bootstrap { label in
            var h = StreamLogHandler.standardError(label: label)
            h.logLevel = .warning
            return h
        }
        let fm = FileManager.default
        let sampleDir = try locateSample()
        let root = URL(fileURLWithPath: out)
        try Self.clear(root)
        let inbox = root.appendingPathComponent("inbox"), outbox = root.appendingPathComponent("outbox")
        try fm.createDirectory(at: inbox, withIntermediateDirectories: true)
        _ = fm.createFile(atPath: root.appendingPathComponent(Self.marker).path, contents: Data("x12gate demo folder\n".utf8))
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
