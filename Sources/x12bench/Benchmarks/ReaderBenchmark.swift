import ArgumentParser

/// `x12bench reader` (placeholder until its issue lands).
struct ReaderBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reader", abstract: "Not built yet.")

    func run() throws {
        throw ValidationError("'reader' benchmark is not built yet")
    }
}
