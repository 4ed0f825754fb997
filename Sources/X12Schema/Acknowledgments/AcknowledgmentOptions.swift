import Foundation
import X12

/// What the acknowledgments we write depend on besides the input: their own date and time, what we support, and
/// how to name an element's dictionary number.
///
/// Tests fix ``date`` and ``time`` (and pass a ``SequentialControlNumbers`` with a fixed start) to compare
/// acknowledgments byte for byte.
public struct AcknowledgmentOptions: Sendable {
    /// The acknowledgment's date, `CCYYMMDD` (GS04; ISA09 uses its last six digits).
    public var date: String
    /// The acknowledgment's time, `HHMM` (ISA10, GS05).
    public var time: String
    /// The groups, versions and transaction sets we handle.
    public var support: ImplementationSupport
    /// IK402: the data element reference number of segment ID + element position (`("NM1", 9)` → `67`), when known.
    public var elementReference: @Sendable (String, Int) -> String?
    /// ISA15 of the acknowledgment; `nil` mirrors the received interchange (`T` answers `T`).
    public var usage: String?

    /// Creates options; `date` and `time` default to now (UTC).
    public init(date: String? = nil, time: String? = nil, support: ImplementationSupport = .hipaa5010,
                usage: String? = nil, elementReference: @escaping @Sendable (String, Int) -> String? = { _, _ in nil }) {
        let now = AcknowledgmentOptions.stamp(Date())
        self.date = date ?? now.date
        self.time = time ?? now.time
        self.support = support
        self.usage = usage
        self.elementReference = elementReference
    }

    /// `CCYYMMDD` and `HHMM` of `date` in UTC.
    public static func stamp(_ date: Date) -> (date: String, time: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return ("\(c.year ?? 2000)\(two(c.month))\(two(c.day))", "\(two(c.hour))\(two(c.minute))")
    }
}
