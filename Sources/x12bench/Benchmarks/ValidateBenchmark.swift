import ArgumentParser

/// `x12bench validate` (placeholder until its issue lands).
struct ValidateBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "Not built yet.")

    func run() throws {
        throw ValidationError("'validate' benchmark is not built yet")
    }
}
