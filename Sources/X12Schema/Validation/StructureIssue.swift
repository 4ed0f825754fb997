/// A problem with the order or count of segments and loops, found by a ``LoopTracker``.
///
/// The validator turns each into a ``X12/Finding`` with an IK304 code.
public struct StructureIssue: Sendable, Hashable {
    /// The IK304 code (`2`, `3`, `4`, `5`, `7`, `I4`, `I6` …).
    public var code: String
    /// The segment concerned: the one seen, or the one missing.
    public var segmentID: String
    /// The guide loop the segment belongs (or belonged) to; `nil` when the segment fits nowhere.
    public var loopID: String?
    /// The standard loop ID for IK303.
    public var standardLoopID: String?
    /// The segment position in the set (ST = 1) the issue is reported at; for a missing segment, where it was expected.
    public var position: Int
    /// `true` when the segment is missing (it was not seen at all).
    public var isMissing: Bool
    /// A plain sentence.
    public var message: String
}
