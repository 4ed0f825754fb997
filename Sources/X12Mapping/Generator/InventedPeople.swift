import AuthModel

/// Invented names, identifiers, addresses and telephone numbers: syllable-made names that belong to no
/// one, 555-01xx telephone numbers, NPIs with a valid check digit.
enum InventedPeople {
    static let syllables = ["VA", "LO", "RE", "KI", "TA", "NO", "MI", "SO", "DE", "LA", "QUE", "RI", "VEN", "DAR",
                            "TO", "MA", "PE", "LI", "SA", "NU", "ZO", "KEL", "BRI", "FEN", "OR", "AN", "EL", "US"]
    static let endings = ["N", "R", "S", "NDO", "LI", "VAN", "TON", "RA", "NE", ""]
    static let streets = ["ORCHARD WAY", "SYCAMORE LANE", "VALLEY ROAD", "MAIN STREET", "CLINIC DRIVE", "MISSION AVENUE"]
    static let cities: [(String, String, String)] = [("SALINAS", "CA", "93901"), ("MONTEREY", "CA", "93940"),
                                                     ("OAKLAND", "CA", "94607"), ("FRESNO", "CA", "93721"),
                                                     ("MERCED", "CA", "95340")]

    static func name(_ g: inout SeededGenerator, syllables count: ClosedRange<Int> = 2...3) -> String {
        var s = ""
        for _ in 0..<g.int(count) { s += g.pick(syllables) }
        return s + g.pick(endings)
    }

    static func phone(_ g: inout SeededGenerator) -> String { "831555" + "01" + g.digits(2) }

    static func address(_ g: inout SeededGenerator) -> Address {
        let (city, state, zip) = g.pick(cities)
        return Address(address1: "\(g.int(1...999)) \(g.pick(streets))", city: city, state: state, postalCode: zip)
    }

    /// A 10-digit NPI whose check digit is right (Luhn over `80840` + the first nine digits).
    static func npi(_ g: inout SeededGenerator) -> String {
        let base = String(g.pick([1, 2])) + g.digits(8)
        var sum = 0
        for (i, ch) in ("80840" + base).reversed().enumerated() {
            var d = Int(ch.asciiValue! - 48)
            if i % 2 == 0 { d *= 2; if d > 9 { d -= 9 } }
            sum += d
        }
        return base + String((10 - sum % 10) % 10)
    }

    static func birthDate(_ g: inout SeededGenerator, minAge: Int, maxAge: Int) -> CalendarDate {
        let d = CalendarDate(year: 2026 - g.int(minAge...maxAge), month: g.int(1...12), day: g.int(1...28))
        return d
    }

    static func person(_ g: inout SeededGenerator) -> (last: String, first: String) {
        (name(&g), name(&g, syllables: 1...2))
    }
}
