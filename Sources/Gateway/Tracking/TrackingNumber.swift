import AuthModel

/// The 20-digit tracking number returned at once for every authorization or referral request.
///
/// Layout (DOMAIN.md's example `20170808710002600002` read the same way):
///
/// | digits | content | example |
/// |---|---|---|
/// | 1–8 | the day the request was received, `YYYYMMDD` | `20170808` |
/// | 9–12 | the site (the gateway installation, 4 digits, `--site`) | `7100` |
/// | 13–20 | the day's sequence at that site, from the store's counter `tracking-YYYYMMDD-SSSS` | `02600002` |
///
/// The sequence restarts each day, so the number is unique per site as long as a site issues fewer than
/// 100 million numbers a day.
public struct TrackingNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 20 digits.
    public let digits: String

    /// Reads a tracking number; `nil` unless it is 20 digits with a real date in front.
    public init?(_ text: String) {
        guard text.utf8.count == 20, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              CalendarDate(String(text.prefix(8))) != nil else { return nil }
        digits = text
    }

    /// Builds a tracking number from its parts.
    public init(day: CalendarDate, site: Int, sequence: Int64) {
        precondition((0...9999).contains(site) && (1...99_999_999).contains(sequence))
        digits = day.compact + Self.pad(Int64(site), 4) + Self.pad(sequence, 8)
    }

    /// The day the request was received.
    public var day: CalendarDate { CalendarDate(String(digits.prefix(8)))! }
    /// The site.
    public var site: Int { Int(digits.dropFirst(8).prefix(4))! }
    /// The day's sequence number.
    public var sequence: Int64 { Int64(digits.suffix(8))! }
    public var description: String { digits }

    /// Takes the next number for `day` and `site` from the store's counter.
    public static func next(day: CalendarDate, site: Int, in session: any GatewaySession) throws -> TrackingNumber {
        let seq = try session.nextValue("tracking-\(day.compact)-\(pad(Int64(site), 4))")
        guard seq <= 99_999_999 else { throw ImportError("the tracking sequence for \(day) at site \(site) is exhausted") }
        return TrackingNumber(day: day, site: site, sequence: seq)
    }

    private static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
