import AuthModel
import Foundation

extension CalendarDate {
    /// Today in UTC (the gateway's processing date).
    public static var today: CalendarDate { CalendarDate(utcDayOf: Date()) }

    /// The UTC day of `date`.
    public init(utcDayOf date: Date) {
        self.init(daysSinceEpoch: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
