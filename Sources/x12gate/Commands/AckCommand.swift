import ArgumentParser

/// `x12gate ack` (placeholder until its issue lands).
struct AckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ack", abstract: "Not built yet.")

    func run() throws {
        throw ValidationError("'ack' is not built yet")
    }
}
