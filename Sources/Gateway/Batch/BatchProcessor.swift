import Foundation
import Logging
import X12
import X12Schema
#if canImport(Glibc)
import Glibc
#endif

/// The crash-safe batch processor over an inbox, an outbox, an archive and an errors folder.
///
/// For each file:
/// 1. **claim**: a file whose size and modification time did not change between two looks is renamed into the
///    work folder (a file still being written is left alone);
/// 2. **process**: read, validate, acknowledge and answer it; in ONE store transaction record everything it
///    changes (interchanges, authorizations, counters) and its journal row (state `processed`, the list of
///    outputs), after writing every output under a hidden temporary name (`.<name>.x12gate-tmp`, fsynced);
/// 3. **deliver**: rename the temporary outputs to their names, move the input to the archive (or to the errors
///    folder), and mark the journal row `done`.
///
/// Killed at any moment and started again, it looks at the work folder first: a file whose journal row is
/// `processed` is delivered (renames are idempotent); a file without one was never committed and is processed
/// from the start. Either way every input ends with exactly one set of outputs.
public final class BatchProcessor: @unchecked Sendable {
    /// The folders.
    public let folders: BatchFolders
    /// The store.
    public let store: any GatewayStore
    /// The options.
    public let options: BatchOptions
    /// The codec between transaction sets and domain values.
    public let codec: any TransactionCodec
    /// Where logs go (file names, counts and outcomes only: no PHI).
    public var logger: Logger
    /// Called after each file: (files done, files claimed, name).
    public var progress: (@Sendable (Int, Int, String) -> Void)?

    /// A processor; creates the folders that are missing.
    public init(folders: BatchFolders, store: any GatewayStore, options: BatchOptions = BatchOptions(),
                codec: any TransactionCodec = MappingTransactionCodec(), logger: Logger = Logger(label: "x12gate.batch")) throws {
        self.folders = folders
        self.store = store
        self.options = options
        self.codec = codec
        self.logger = logger
        try folders.create()
    }

    /// Finishes what a previous run left in the work folder, then claims and processes every settled file once.
    public func runOnce() throws -> BatchSummary {
        var summary = try recover()
        let claimed = try claimSettledFiles()
        summary.files += try processClaimed(claimed)
        return summary
    }

    /// Runs until `shouldStop` returns `true`, looking at the inbox every `pollSeconds`.
    public func watch(pollSeconds: Double = 2, shouldStop: () -> Bool = { false },
                      onFile: (FileResult) -> Void = { _ in }) throws {
        for f in try recover().files { onFile(f) }
        while !shouldStop() {
            let claimed = try claimSettledFiles()
            for f in try processClaimed(claimed) { onFile(f) }
            if claimed.isEmpty { Thread.sleep(forTimeInterval: pollSeconds) }
        }
    }

    // MARK: Recovery

    /// Delivers or reprocesses the files left in the work folder, and closes journal rows whose input has moved.
    public func recover() throws -> BatchSummary {
        let left = try visibleFiles(in: folders.work)
        if !left.isEmpty { logger.notice("resuming files left by a previous run", metadata: ["count": "\(left.count)"]) }
        var summary = BatchSummary()
        summary.files = try processClaimed(left)
        for row in try store.read({ try $0.unfinishedFiles() }) {
            try deliver(row)   // the input already left the work folder: finish the renames and close the row
        }
        return summary
    }

    // MARK: Claiming

    /// Takes two looks at the inbox and claims the files that did not change in between.
    public func claimSettledFiles() throws -> [String] {
        let first = try snapshot()
        guard !first.isEmpty else { return [] }
        if options.settleSeconds > 0 { Thread.sleep(forTimeInterval: options.settleSeconds) }
        let second = try snapshot()
        var claimed: [String] = []
        // An empty file is claimed too once it stayed empty between the two looks: it goes to the errors folder.
        for (name, look) in first.sorted(by: { $0.key < $1.key }) where second[name] == look {
            let target = folders.work + "/" + name
            if FileManager.default.fileExists(atPath: target) { continue }   // the same name is still being processed
            if rename(folders.inbox + "/" + name, target) == 0 { claimed.append(name) }
        }
        if !claimed.isEmpty { logger.info("claimed files", metadata: ["count": "\(claimed.count)"]) }
        return claimed
    }

    private struct Look: Equatable { var size: Int64; var modified: Double }

    private func snapshot() throws -> [String: Look] {
        var looks: [String: Look] = [:]
        for name in try visibleFiles(in: folders.inbox) {
            var st = stat()
            guard stat(folders.inbox + "/" + name, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            looks[name] = Look(size: Int64(st.st_size), modified: Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9)
        }
        return looks
    }

    private func visibleFiles(in dir: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir).filter { !$0.hasPrefix(".") }.sorted()
    }

    // MARK: Processing

    /// Processes claimed files (names in the work folder) with ``BatchOptions/workers`` threads.
    public func processClaimed(_ names: [String]) throws -> [FileResult] {
        guard !names.isEmpty else { return [] }
        let queue = WorkQueue(names)
        let workers = max(1, min(options.workers, names.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let validator = options.specs.map { ReceivedInput.validator(for: $0) }
            while let name = queue.take() {
                do {
                    let result = try processClaimedFile(name, validator: validator)
                    let done = queue.finished(result)
                    progress?(done, names.count, name)
                } catch {
                    logger.error("file failed; it stays in the work folder for the next run", metadata: ["file": "\(name)", "error": "\(error)"])
                    queue.fail(error)
                }
            }
        }
        return try queue.outcome()
    }

    private func processClaimedFile(_ name: String, validator: Validator?) throws -> FileResult {
        let path = folders.work + "/" + name
        let hash = try SHA256.hex(path: path)
        if let row = try store.read({ try $0.unfinishedFile(name: name, contentHash: hash) }) {
            logger.info("delivering a file processed before a restart", metadata: ["file": "\(name)"])
            try deliver(row)
            return FileResult(name: name, outputs: Self.outputs(of: row).map { FileOutput(folder: $0.0, name: $0.1, bytes: []) },
                              outcome: row.outcome, destination: row.destination == "errors" ? .errors : .outbox,
                              transactions: row.transactions, accepted: row.accepted, rejected: row.rejected, answeredWithRejection: 0)
        }
        try removeTemporaries(for: name)
        // The file is read from the disk in chunks, twice: the guide validation, then the one pass that acknowledges
        // and answers it (it is never held whole).
        var input = try ReceivedInput(name: name, path: path, contentHash: hash)
        if let validator { try input.validate(with: validator, spoolDirectory: folders.work) }
        let processor = FileProcessor(options: options, codec: codec)
        let (result, row) = try store.write { session in
            let (result, row) = try processor.process(input, in: session, temporaryOutbox: folders.outbox)
            for output in result.outputs where output.fileSize == nil {
                try Self.writeDurably(output.bytes, to: folders.path(output.folder) + "/" + FileOutput.temporaryName(output.name))
            }
            return (result, row)
        }
        try deliver(row)
        logger.info("processed file", metadata: [
            "file": "\(name)", "outcome": "\(result.outcome)", "sets": "\(result.transactions)",
            "accepted": "\(result.accepted)", "rejected": "\(result.rejected)",
        ])
        return result
    }

    // MARK: Delivery

    /// Renames a processed file's outputs into place, moves its input out of the work folder and closes its row.
    private func deliver(_ row: ReceivedFileRecord) throws {
        for (folder, name) in Self.outputs(of: row) {
            let dir = folders.path(folder)
            let temp = dir + "/" + FileOutput.temporaryName(name)
            if FileManager.default.fileExists(atPath: temp) {
                guard rename(temp, dir + "/" + name) == 0 else { throw BatchError("cannot rename \(temp): \(String(cString: strerror(errno)))") }
            } else if !FileManager.default.fileExists(atPath: dir + "/" + name) {
                logger.error("an output of a processed file is missing", metadata: ["file": "\(row.name)", "output": "\(name)"])
            }
        }
        let input = folders.work + "/" + row.name
        if FileManager.default.fileExists(atPath: input) {
            let dir = row.destination == "errors" ? folders.errors : folders.archive
            var target = dir + "/" + row.name
            var n = 1
            while FileManager.default.fileExists(atPath: target) {
                target = dir + "/" + row.name + ".\(n)"
                n += 1
            }
            guard rename(input, target) == 0 else { throw BatchError("cannot move \(input): \(String(cString: strerror(errno)))") }
        }
        var done = row
        done.state = "done"
        done.doneAt = (options.clock ?? .now).timestamp
        try store.write { try $0.update(done) }
    }

    static func outputs(of row: ReceivedFileRecord) -> [(FileOutput.Folder, String)] {
        row.outputs.split(separator: "|").compactMap { entry in
            let parts = entry.split(separator: "/", maxSplits: 1)
            guard parts.count == 2, let folder = FileOutput.Folder(rawValue: String(parts[0])) else { return nil }
            return (folder, String(parts[1]))
        }
    }

    private func removeTemporaries(for name: String) throws {
        for dir in [folders.outbox, folders.errors] {
            for entry in try FileManager.default.contentsOfDirectory(atPath: dir)
            where entry.hasPrefix("." + name + ".") && entry.hasSuffix(".x12gate-tmp") {
                try? FileManager.default.removeItem(atPath: dir + "/" + entry)
            }
        }
    }

    /// Writes `bytes` to `path` (created or truncated) and flushes them to the disk.
    static func writeDurably(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw BatchError("cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        try bytes.withUnsafeBytes { p in
            while offset < p.count {
                let n = write(fd, p.baseAddress! + offset, p.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw BatchError("cannot write \(path): \(String(cString: strerror(errno)))")
                }
                offset += n
            }
        }
        guard fsync(fd) == 0 else { throw BatchError("cannot flush \(path): \(String(cString: strerror(errno)))") }
    }
}
