import ArgumentParser

/// `x12bench gateway` (placeholder until its issue lands).
struct GatewayBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gateway", abstract: "Not built yet.")

    func run() throws {
        throw ValidationError("'gateway' benchmark is not built yet")
    }
}
