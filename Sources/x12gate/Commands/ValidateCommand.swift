import ArgumentParser

/// `x12gate validate` (placeholder until its issue lands).
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "Not built yet.")

    func run() throws {
        throw ValidationError("'validate' is not built yet")
    }
}
