/// What processing one input produced and counted.
public struct FileResult: Sendable, Equatable {
    /// The input's name.
    public var name: String
    /// The outputs, in the order they are delivered.
    public var outputs: [FileOutput]
    /// `accepted` (every set accepted), `partial`, `rejected` (no set accepted), `duplicate` (interchange seen
    /// before) or `unreadable` (no interchange).
    public var outcome: String
    /// Where the input goes: the archive, or the errors folder.
    public var destination: FileOutput.Folder
    /// Transaction sets in the file (acknowledgments not counted).
    public var transactions: Int
    /// Sets accepted in the 999.
    public var accepted: Int
    /// Sets rejected in the 999 (or not acknowledged because the interchange was rejected).
    public var rejected: Int
    /// Answers that were rejections (AAA) rather than decisions or benefits.
    public var answeredWithRejection: Int
    /// What was refused and why, one line each (may quote input values: for people, not for logs): the first
    /// 1,000 lines (all of them go to the `reportPath` of ``FileProcessor/process(_:in:temporaryOutbox:reportPath:)``).
    public var problems: [String] = []
    /// The number of report lines (``problems`` holds the first 1,000).
    public var problemCount = 0

    /// Accepted sets as a fraction of all sets (1 when there are none).
    public var acceptanceRate: Double { transactions == 0 ? 1 : Double(accepted) / Double(transactions) }
}
