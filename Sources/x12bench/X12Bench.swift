import ArgumentParser

/// `x12bench`: throughput and memory benchmarks on generated data. Run in release mode:
/// `swift run -c release x12bench <benchmark> --size-mb 100`.
@main
struct X12Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "x12bench",
        abstract: "Benchmarks for x12gate: MB/s, segments/s and peak memory on generated data (release build).",
        subcommands: [ReaderBenchmark.self, ValidateBenchmark.self, MappingBenchmark.self, GatewayBenchmark.self]
    )
}
