/// National Provider Identifier checks: ten digits whose last is a Luhn check digit over `80840` + the first nine.
public enum NPI {
    /// `true` when `text` is ten digits with a correct check digit.
    public static func isValid(_ text: String) -> Bool {
        let d = Array(text.utf8)
        guard d.count == 10, d.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        return checkDigit(String(decoding: d[0..<9], as: UTF8.self)) == Int(d[9] - 48)
    }

    /// The check digit for nine leading digits.
    public static func checkDigit(_ nine: String) -> Int {
        var sum = 24 // the constant contribution of the prefix 80840
        for (i, c) in nine.utf8.reversed().enumerated() {
            var v = Int(c - 48)
            if i % 2 == 0 { v *= 2; if v > 9 { v -= 9 } }
            sum += v
        }
        return (10 - sum % 10) % 10
    }
}
