import ArgumentParser

/// `x12gate batch` (placeholder until its issue lands).
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "batch", abstract: "Not built yet.")

    func run() throws {
        throw ValidationError("'batch' is not built yet")
    }
}
