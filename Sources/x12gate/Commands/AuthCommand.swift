import ArgumentParser

/// `x12gate auth` (placeholder until its issue lands).
struct AuthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "auth", abstract: "Not built yet.")

    func run() throws {
        throw ValidationError("'auth' is not built yet")
    }
}
