import ArgumentParser

/// `x12gate format` (placeholder until its issue lands).
struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "format", abstract: "Not built yet.")

    func run() throws {
        throw ValidationError("'format' is not built yet")
    }
}
