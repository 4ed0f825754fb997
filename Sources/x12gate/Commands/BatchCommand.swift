import ArgumentParser
import Foundation
import Gateway
import Logging
import X12Schema
#if canImport(Glibc)
import Glibc
#endif

/// `x12gate batch`: acknowledge and answer every file dropped in an inbox, crash-safely.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Process the files dropped in an inbox: TA1/999, a 271 for every 270, a 278 response for every 278 request.",
        discussion: """
        Outputs go to the outbox as <input>.999 (TA1 included when due), <input>.ta1 (only a TA1: a duplicate or \
        rejected interchange), <input>.271 and <input>.278; the input then moves to the archive, or to the errors folder \
        with <input>.report.txt beside it when it was unreadable or every interchange was rejected. Files starting with a \
        dot are ignored (outputs are written under hidden temporary names first). Killed and restarted, it finishes every \
        file exactly once. Exit status: 0 all accepted, 1 something rejected, 2 usage or I/O error.
        """)

    @Option(help: "Where partners drop files.") var inbox: String
    @Option(help: "Where acknowledgments and responses are written.") var outbox: String
    @Option(help: "Where processed inputs go (default: <inbox>/../archive).") var archive: String?
    @Option(help: "Where refused inputs go, with a report (default: <inbox>/../errors).") var errors: String?
    @OptionGroup var store: StoreOption
    @Flag(help: "Process what is there, then stop (the default).") var once = false
    @Flag(help: "Keep watching the inbox.") var watch = false
    @Option(help: "Files processed at the same time.") var workers: Int = 1
    @Option(help: "Seconds between the two looks at a file's size.") var settle: Double = 0.5
    @Option(help: "Seconds between two looks at the inbox in --watch mode.") var poll: Double = 2
    @Option(help: "The site digits of tracking numbers (0-9999).") var site: Int = 7100
    @Option(help: "The referral rules file (default: the built-in copy of config/referral-rules.json).") var rules: String?
    @Option(help: "The Specs/ folder (default: found next to the executable or in the repository).") var specs: String?
    @Flag(help: "Check envelopes only; do not validate transaction sets against the guides.") var noValidate = false
    @Flag(help: "Answer eligibility inquiries from providers that are not on file.") var allowUnknownProviders = false
    @Option(help: "Log level on standard error (trace, debug, info, notice, warning, error).") var logLevel: String = "warning"

    func validate() throws {
        if once && watch { throw ValidationError("--once and --watch exclude each other.") }
        if workers < 1 { throw ValidationError("--workers must be at least 1.") }
        if !(0...9999).contains(site) { throw ValidationError("--site must be between 0 and 9999.") }
    }

    func run() throws {
        let level = Logger.Level(rawValue: logLevel) ?? .warning
        LoggingSystem.bootstrap { label in
            var h = StreamLogHandler.standardError(label: label)
            h.logLevel = level
            return h
        }
        let options = try BatchOptions(workers: workers, settleSeconds: settle, site: site, rules: loadRules(rules),
                                       requireKnownProvider: !allowUnknownProviders,
                                       specs: noValidate ? nil : loadSpecs(specs))
        let processor: BatchProcessor
        do {
            processor = try BatchProcessor(folders: BatchFolders(inbox: inbox, outbox: outbox, archive: archive, errors: errors),
                                           store: store.open(), options: options)
        } catch let e as ExitCode {
            throw e
        } catch {
            FileHandle.standardError.write(Data("x12gate batch: \(error)\n".utf8))
            throw ExitCode(2)
        }
        if isatty(STDERR_FILENO) != 0 {
            processor.progress = { done, total, name in
                FileHandle.standardError.write(Data("\r\u{1B}[K[\(done)/\(total)] \(name)".utf8))
                if done == total { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            }
        }
        var summary = BatchSummary()
        do {
            if watch {
                try processor.watch(pollSeconds: poll, onFile: { result in
                    summary.files.append(result)
                    var one = BatchSummary()
                    one.files = [result]
                    print(one.text.split(separator: "\n").first.map(String.init) ?? "")
                    fflush(nil)
                })
            } else {
                summary = try processor.runOnce()
            }
        } catch {
            FileHandle.standardError.write(Data("x12gate batch: \(error)\n".utf8))
            throw ExitCode(2)
        }
        print(summary.text)
        if summary.rejected > 0 || summary.files.contains(where: { $0.destination == .errors }) { throw ExitCode(1) }
    }
}

/// The referral rules of `path`, or the built-in defaults.
func loadRules(_ path: String?) throws -> ReferralRules {
    guard let path else { return .defaults }
    do {
        return try ReferralRules(path: path)
    } catch {
        FileHandle.standardError.write(Data("x12gate: cannot read the referral rules \(path): \(error)\n".utf8))
        throw ExitCode(2)
    }
}

/// The implementation guides from `directory` (or the usual places).
func loadSpecs(_ directory: String?) throws -> SpecLibrary {
    do {
        return try SpecLibrary.load(directory: directory, checkSchema: false)
    } catch {
        FileHandle.standardError.write(Data("x12gate: cannot load the specs: \(error) (use --specs DIR or --no-validate)\n".utf8))
        throw ExitCode(2)
    }
}
