/// What an import did: rows imported (inserted or updated by key) and rows refused, with their line numbers.
public struct ImportReport: Sendable, Equatable, Codable {
    /// A refused row.
    public struct RowError: Sendable, Equatable, Codable, CustomStringConvertible {
        /// The 1-based line in the CSV file (the header is line 1).
        public var line: Int
        /// What is wrong (names the column, never repeats personal data).
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Rows stored.
    public var imported = 0
    /// Rows refused.
    public var errors: [RowError] = []

    /// An empty report.
    public init() {}
}
