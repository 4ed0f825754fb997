import ArgumentParser

/// `x12gate generate` (placeholder until its issue lands).
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "Not built yet.")

    func run() throws {
        throw ValidationError("'generate' is not built yet")
    }
}
