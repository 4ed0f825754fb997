extension X12Decoder {
    /// The control numbers seen in one envelope, to tell a duplicate (ST02 in a group, IK502 23; GS06 in an
    /// interchange, AK905 19).
    ///
    /// Senders number their sets `0001`, `0002`, … (or `1`, `2`, …): while every value is the previous one plus
    /// one, zero-padded to the width of the first (`9999` is followed by `10000`), the values are kept as a range
    /// (no hashing, no storage). Values outside that run are kept in a set; the run goes on after them, so a
    /// few stray values never turn 200,000 numbered sets into 200,000 stored strings.
    struct UniqueControlNumbers {
        /// The minimum number of digits of the run (the width of its first value).
        private var width = 0
        private var first = 0
        private var last = -1
        private var others = Set<String>()

        /// The values held in the set (not in the run): what this costs in memory.
        var storedCount: Int { others.count }

        /// Forgets every value (a new envelope starts).
        mutating func reset() {
            width = 0
            first = 0
            last = -1
            if !others.isEmpty { others = [] }
        }

        /// Adds `value`; `false` when it was already there.
        mutating func insert(_ value: String) -> Bool {
            var v = value
            return v.withUTF8 { insert(value, bytes: UnsafeRawBufferPointer($0)) }
        }

        /// Adds `value`, whose UTF-8 is `bytes` (read for the digits, no String walk); `false` when it was already there.
        mutating func insert(_ value: String, bytes: UnsafeRawBufferPointer) -> Bool {
            if let n = Self.digits(bytes) {
                if last < 0 {
                    width = bytes.count
                    first = n
                    last = n
                    return true
                }
                if bytes.count == max(width, Self.digitCount(n)) {   // written the way the run writes its numbers
                    if n >= first && n <= last { return false }
                    if n == last + 1 {
                        if !others.isEmpty && others.contains(value) { return false }
                        last = n
                        return true
                    }
                }
            }
            return others.insert(value).inserted
        }

        /// The value of all-digit bytes, at most 18 of them.
        private static func digits(_ u: UnsafeRawBufferPointer) -> Int? {
            guard u.count > 0, u.count <= 18 else { return nil }
            var n = 0
            for b in u {
                guard b >= 0x30 && b <= 0x39 else { return nil }
                n = n * 10 + Int(b - 0x30)
            }
            return n
        }

        /// The number of decimal digits of `n` without leading zeros (`0` has one).
        private static func digitCount(_ n: Int) -> Int {
            var c = 1
            var v = n
            while v >= 10 { v /= 10; c += 1 }
            return c
        }
    }
}
