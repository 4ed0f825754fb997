import ArgumentParser
import Foundation
import X12
import X12Schema

/// `x12gate ack FILE [--out PATH] [--sender-control-start N]`: validates a file against the guides in `Specs/` and
/// writes the TA1 (when due) and the 999s for it.
///
/// Exit status: 0 when everything was accepted without a note, 1 when anything was rejected or noted (or the file
/// holds no interchange), 2 when the file cannot be read or the output cannot be written.
struct AckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack",
        abstract: "Write the TA1 and 999 acknowledgments for an X12 file.",
        discussion: """
        One acknowledgment interchange per received interchange: a TA1 when ISA14 is 1 or the envelope has errors, \
        and one 999 (005010X231A1) per functional group. Acknowledgments (TA1, GS01 FA) are never acknowledged. \
        Exit status: 0 all accepted, 1 something rejected or noted, 2 I/O error.
        """)

    @Argument(help: "The X12 file to acknowledge ('-' reads standard input).")
    var file: String

    @Option(name: .long, help: "Write the acknowledgments here instead of standard output.")
    var out: String?

    @Option(name: .long, help: "First ISA13 / GS06 of the acknowledgments.")
    var senderControlStart: Int = 1

    @Option(name: .long, help: "The acknowledgments' date, CCYYMMDD (default: today, UTC).")
    var date: String?

    @Option(name: .long, help: "The acknowledgments' time, HHMM (default: now, UTC).")
    var time: String?

    @Option(name: .long, help: "The specs directory (default: X12GATE_SPECS, <exe>/../share/x12gate/Specs, the repository's Specs/).")
    var specs: String?

    func validate() throws {
        guard (1...999_999_999).contains(senderControlStart) else {
            throw ValidationError("--sender-control-start must be between 1 and 999999999.")
        }
        if let date, !(date.utf8.count == 8 && DateCheck.isValidDate(date)) {
            throw ValidationError("--date must be a CCYYMMDD date.")
        }
        if let time, !(time.utf8.count == 4 && DateCheck.isValidTime(time)) {
            throw ValidationError("--time must be an HHMM time.")
        }
    }

    func run() throws {
        let library: SpecLibrary
        do {
            library = try SpecLibrary.load(directory: specs)
        } catch {
            FileHandle.standardError.write(Data("x12gate ack: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let options = AcknowledgmentOptions(library: library, date: date, time: time)
        let run: AcknowledgmentRun
        let summary: AckSummary
        do {
            summary = try AckSummary()
            let writer = try X12Writer.toFile(out ?? "-")
            let acknowledger = Acknowledger(options: options, controlNumbers: SequentialControlNumbers(start: senderControlStart))
            // A file is read twice (validation, its findings spooled to disk, then the acknowledgments written as
            // they go: flat memory); standard input is copied to a temporary file first. The summary waits on disk.
            let input = file == "-" ? try StandardInputFile() : nil
            defer { input?.remove() }
            run = try acknowledger.acknowledge(path: input?.path ?? file, validator: Validator(library: library), to: writer,
                                               onEvent: summary.handle)
            try writer.close()
        } catch {
            FileHandle.standardError.write(Data("x12gate ack: \(error)\n".utf8))
            throw ExitCode(2)
        }
        summary.print(unattached: run.unattached)
        if !(summary.interchanges > 0 && run.unattached.isEmpty && summary.allAccepted) { throw ExitCode(1) }
    }
}
