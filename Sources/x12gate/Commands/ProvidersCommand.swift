import ArgumentParser

/// `x12gate providers` (placeholder until its issue lands).
struct ProvidersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "providers", abstract: "Not built yet.")

    func run() throws {
        throw ValidationError("'providers' is not built yet")
    }
}
