extension X12Decoder {
    /// The control numbers seen in one envelope, to tell a duplicate (ST02 in a group, IK502 23).
    ///
    /// Senders number their sets `0001`, `0002`, …: while every value is the previous one plus one, with the
    /// same number of digits, the values are kept as a range (no hashing, no storage). The first value that
    /// breaks the run turns the range into a set.
    struct UniqueControlNumbers {
        private var width = 0
        private var first = 0
        private var last = -1
        private var set: Set<String>?

        /// Forgets every value (a new envelope starts).
        mutating func reset() {
            width = 0
            first = 0
            last = -1
            set = nil
        }

        /// Adds `value`; `false` when it was already there.
        mutating func insert(_ value: String) -> Bool {
            var v = value
            return v.withUTF8 { insert(value, bytes: UnsafeRawBufferPointer($0)) }
        }

        /// Adds `value`, whose UTF-8 is `bytes` (read for the digits, no String walk); `false` when it was already there.
        mutating func insert(_ value: String, bytes: UnsafeRawBufferPointer) -> Bool {
            if set == nil, let n = Self.digits(bytes) {
                if last < 0 {
                    width = bytes.count
                    first = n
                    last = n
                    return true
                }
                if bytes.count == width && n == last + 1 {
                    last = n
                    return true
                }
            }
            if set == nil {
                var s = Set<String>()
                if last >= 0 {
                    for n in first...last {
                        let d = String(n)
                        s.insert(String(repeating: "0", count: max(0, width - d.utf8.count)) + d)
                    }
                }
                set = s
            }
            return set!.insert(value).inserted
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
    }
}
