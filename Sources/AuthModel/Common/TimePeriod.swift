/// The period an amount, a quantity or a delivery pattern applies to.
public enum TimePeriod: String, Sendable, Hashable, Codable, CaseIterable {
    /// Hour.
    case hour
    /// Day.
    case day
    /// 24 hours.
    case twentyFourHours
    /// Years.
    case years
    /// Service year.
    case serviceYear
    /// Calendar year.
    case calendarYear
    /// Year to date.
    case yearToDate
    /// Contract.
    case contract
    /// Episode.
    case episode
    /// Visit.
    case visit
    /// Outlier.
    case outlier
    /// Remaining.
    case remaining
    /// Exceeded.
    case exceeded
    /// Not exceeded.
    case notExceeded
    /// Lifetime.
    case lifetime
    /// Lifetime remaining.
    case lifetimeRemaining
    /// Month.
    case month
    /// Week.
    case week
    /// Admission.
    case admission
}
