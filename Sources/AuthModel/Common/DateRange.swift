/// One day or a span of days (both ends included).
///
/// `end == nil` means a single day; a span whose two ends are the same day is kept as a span, so that
/// what was sent as a range is written back as a range.
public struct DateRange: Sendable, Hashable, Codable {
    /// The first day.
    public var start: CalendarDate
    /// The last day of a span; `nil` for a single day.
    public var end: CalendarDate?

    /// A single day, or a span when `end` is given.
    public init(_ start: CalendarDate, end: CalendarDate? = nil) {
        self.start = start
        self.end = end
    }

    /// The last day covered (`start` for a single day).
    public var last: CalendarDate { end ?? start }

    /// `true` when `date` falls within the range.
    public func contains(_ date: CalendarDate) -> Bool { date >= start && date <= last }
}
