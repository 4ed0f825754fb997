import ArgumentParser

/// `x12gate stats` (placeholder until its issue lands).
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Not built yet.")

    func run() throws {
        throw ValidationError("'stats' is not built yet")
    }
}
