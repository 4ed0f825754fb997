import ArgumentParser

/// `x12gate convert` (placeholder until its issue lands).
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "convert", abstract: "Not built yet.")

    func run() throws {
        throw ValidationError("'convert' is not built yet")
    }
}
