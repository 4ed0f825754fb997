import ArgumentParser

/// `x12gate members` (placeholder until its issue lands).
struct MembersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "members", abstract: "Not built yet.")

    func run() throws {
        throw ValidationError("'members' is not built yet")
    }
}
