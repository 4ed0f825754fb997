import ArgumentParser

/// `x12bench mapping` (placeholder until its issue lands).
struct MappingBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mapping", abstract: "Not built yet.")

    func run() throws {
        throw ValidationError("'mapping' benchmark is not built yet")
    }
}
