/// What a batch run did.
public struct BatchSummary: Sendable, Equatable {
    /// One result per file finished, in the order they finished.
    public var files: [FileResult] = []

    /// An empty summary.
    public init() {}

    /// Transaction sets in all files.
    public var transactions: Int { files.reduce(0) { $0 + $1.transactions } }
    /// Sets accepted.
    public var accepted: Int { files.reduce(0) { $0 + $1.accepted } }
    /// Sets rejected.
    public var rejected: Int { files.reduce(0) { $0 + $1.rejected } }

    /// The summary as text: one line per file with its acceptance rate, then the totals.
    public var text: String {
        var lines = files.map { f in
            "\(f.name): \(f.outcome), \(f.accepted)/\(f.transactions) sets accepted (\(Self.percent(f.acceptanceRate))), "
                + "\(f.rejected) rejected, \(f.answeredWithRejection) answered with AAA → \(f.outputs.map(\.name).joined(separator: ", "))"
        }
        let rate = transactions == 0 ? 1 : Double(accepted) / Double(transactions)
        lines.append("\(files.count) file\(files.count == 1 ? "" : "s"), \(transactions) transaction sets: \(accepted) accepted, "
                     + "\(rejected) rejected (\(Self.percent(rate)) accepted)")
        return lines.joined(separator: "\n")
    }

    static func percent(_ r: Double) -> String {
        let tenths = Int((r * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10) %"
    }
}
