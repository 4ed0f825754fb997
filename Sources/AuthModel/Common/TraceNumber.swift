/// A trace number that lets a response be paired with its request (the transaction's TRN).
///
/// A requester sends its numbers as ``Kind/current``; the answer returns each of them as
/// ``Kind/referenced`` (see ``echoed()``) and may add its own ``Kind/current`` number.
public struct TraceNumber: Sendable, Hashable, Codable {
    /// Whose number it is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Assigned by the sender of this transaction.
        case current
        /// A number from the request, returned in the answer.
        case referenced
    }

    /// Current or referenced.
    public var kind: Kind
    /// The trace number.
    public var number: String
    /// The originator: 10 characters, `1` + EIN or `9` + an assigned number.
    public var originatorId: String
    /// An optional further identifier of the originator (a department, a division).
    public var originatorSupplementalId: String?

    /// Creates a trace number.
    public init(kind: Kind = .current, number: String, originatorId: String, originatorSupplementalId: String? = nil) {
        self.kind = kind
        self.number = number
        self.originatorId = originatorId
        self.originatorSupplementalId = originatorSupplementalId
    }

    /// The same number as an answer returns it (``Kind/referenced``).
    public func echoed() -> TraceNumber {
        var t = self
        t.kind = .referenced
        return t
    }

    /// `true` when both name the same trace (number and originator), whatever their kinds.
    public func matches(_ other: TraceNumber) -> Bool {
        number == other.number && originatorId == other.originatorId
    }
}
