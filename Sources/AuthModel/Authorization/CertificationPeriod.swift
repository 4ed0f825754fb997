/// When a certification was issued, takes effect and expires.
public struct CertificationPeriod: Sendable, Hashable, Codable {
    /// Issue date.
    public var issued: CalendarDate?
    /// Effective date, or effective span.
    public var effective: DateRange?
    /// Expiration date.
    public var expires: CalendarDate?

    /// Creates a period.
    public init(issued: CalendarDate? = nil, effective: DateRange? = nil, expires: CalendarDate? = nil) {
        self.issued = issued
        self.effective = effective
        self.expires = expires
    }

    /// `true` when no date is set.
    public var isEmpty: Bool { issued == nil && effective == nil && expires == nil }

    /// The first and last day the certification covers: the effective start (or issue date) to the expiration
    /// (or the effective span's end).
    public var validity: DateRange? {
        guard let start = effective?.start ?? issued else { return nil }
        return DateRange(start, end: expires ?? effective?.end)
    }
}
