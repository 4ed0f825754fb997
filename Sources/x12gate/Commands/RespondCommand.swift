import ArgumentParser

/// `x12gate respond` (placeholder until its issue lands).
struct RespondCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "respond", abstract: "Not built yet.")

    func run() throws {
        throw ValidationError("'respond' is not built yet")
    }
}
