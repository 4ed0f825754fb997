import AuthModel
import Foundation

/// The processing date and time the responders put in their answers and rules (today when not fixed).
public struct ResponderClock: Sendable, Equatable {
    /// The processing day.
    public var today: CalendarDate
    /// `HHMM`.
    public var time: String

    /// A clock fixed at `today` and `time` (tests, replays).
    public init(today: CalendarDate, time: String = "1200") {
        self.today = today
        self.time = time
    }

    /// Now, in UTC.
    public static var now: ResponderClock {
        let d = Date()
        let minutes = Int(d.timeIntervalSince1970.truncatingRemainder(dividingBy: 86_400)) / 60
        let hh = minutes / 60, mm = minutes % 60
        return ResponderClock(today: CalendarDate(utcDayOf: d), time: (hh < 10 ? "0" : "") + "\(hh)" + (mm < 10 ? "0" : "") + "\(mm)")
    }

    /// `YYYY-MM-DDTHH:MM:00Z`, for the store's timestamps.
    public var timestamp: String {
        "\(today)T\(time.prefix(2)):\(time.dropFirst(2).prefix(2)):00Z"
    }
}
