import ArgumentParser

/// `x12gate inspect` (placeholder until its issue lands).
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inspect", abstract: "Not built yet.")

    func run() throws {
        throw ValidationError("'inspect' is not built yet")
    }
}
