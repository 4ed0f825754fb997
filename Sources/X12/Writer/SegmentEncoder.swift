/// A ``SegmentSink`` that writes segment bytes straight into a byte buffer with given delimiters: no
/// ``Segment`` or ``Element`` is built. ``X12Writer/encodeSegments(_:)`` hands one out over its own buffer.
///
/// The bytes equal ``Segment/bytes(delimiters:trimTrailing:)`` (trailing empty elements and components
/// dropped) followed by the suffix.
/// ```swift
/// var e = SegmentEncoder(delimiters: .standard)
/// e.begin("DTP"); e.element("472"); e.element("D8"); e.element("20261125"); e.end()
/// e.bytes   // DTP*472*D8*20261125~
/// ```
///
/// The bytes go into one allocation through a pointer: each call checks the room it needs once (a few bytes more,
/// so that short values are written with whole-word stores) and writes without further bounds checks. Copies of an
/// encoder are independent (the buffer is copied when a copy begins a segment).
public struct SegmentEncoder: SegmentSink {
    /// The delimiters.
    public let delimiters: Delimiters
    /// Segments ended so far.
    public var segmentCount: Int { ended }
    @usableFromInline var ended = 0

    @usableFromInline var storage: EncoderStorage
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    /// Bytes written.
    @usableFromInline var count = 0

    @usableFromInline let elementSeparator: UInt8
    @usableFromInline let componentSeparator: UInt8
    @usableFromInline let repetitionSeparator: UInt8
    /// The terminator and the suffix, first byte lowest, and their length: written with one store.
    @usableFromInline let endBits: UInt32
    @usableFromInline let endCount: Int
    /// Eight element separators, for empty elements.
    @usableFromInline let emptyBits: UInt64
    /// Whether short `String`s are read from their in-line bytes (``SmallStringBytes``).
    @usableFromInline let readsSmallStrings: Bool
    /// The end of the last element that holds data (or of the ID): where trailing empty elements are cut.
    @usableFromInline var keepEnd = 0
    /// The end of the last kept component of the open repetition.
    @usableFromInline var componentKeepEnd = 0
    @usableFromInline var componentIndex = 0
    @usableFromInline var componentStart = 0
    @usableFromInline var elementHasData = false

    /// An encoder that appends to `bytes`, with `suffix` after each terminator.
    public init(bytes: [UInt8] = [], delimiters: Delimiters, suffix: SegmentSuffix = .none) {
        let s = EncoderStorage(capacity: Swift.max(256, bytes.count * 2))
        bytes.withUnsafeBufferPointer { b in
            if let p = b.baseAddress { s.base.update(from: p, count: b.count) }
        }
        self.init(storage: s, count: bytes.count, delimiters: delimiters, suffix: suffix)
    }

    /// An encoder writing into `storage` after its first `count` bytes.
    @usableFromInline init(storage: EncoderStorage, count: Int, delimiters: Delimiters, suffix: SegmentSuffix) {
        self.storage = storage
        base = storage.base
        capacity = storage.capacity
        self.count = count
        self.delimiters = delimiters
        elementSeparator = delimiters.element
        componentSeparator = delimiters.component
        repetitionSeparator = delimiters.repetition ?? delimiters.component
        let t = UInt32(delimiters.segment)
        switch suffix {   // not `suffix.bytes`, which makes an array
        case .none: (endBits, endCount) = (t, 1)
        case .lf: (endBits, endCount) = (t | 0x0A << 8, 2)
        case .crlf: (endBits, endCount) = (t | 0x0D << 8 | 0x0A << 16, 3)
        case .cr: (endBits, endCount) = (t | 0x0D << 8, 2)
        }
        emptyBits = UInt64(delimiters.element) &* 0x0101_0101_0101_0101
        readsSmallStrings = storage.readsSmallStrings
    }

    /// The bytes written.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Makes room for `n` more bytes.
    @inlinable @inline(__always) mutating func reserve(_ n: Int) {
        if _slowPath(count &+ n > capacity) { grow(n) }
    }

    @usableFromInline @inline(never) mutating func grow(_ n: Int) {
        storage.grow(to: count + n, keeping: count)
        base = storage.base
        capacity = storage.capacity
    }

    /// Gives this encoder its own buffer when a copy of it shares the one it has.
    @inlinable @inline(__always) mutating func makeUnique() {
        if _slowPath(!isKnownUniquelyReferenced(&storage)) { copyStorage() }
    }

    @usableFromInline @inline(never) mutating func copyStorage() {
        storage = storage.copy(count: count)
        base = storage.base
        capacity = storage.capacity
    }

    @inlinable @inline(__always) mutating func put(_ b: UInt8) {
        base[count] = b
        count &+= 1
    }

    /// Appends the bytes of a small string from the two words of its value (two stores; the bytes past its length are
    /// overwritten later); false when the string is not small.
    @inlinable @inline(__always) mutating func appendSmall(_ raw: (UInt64, UInt64)) -> Bool {
        guard SmallStringBytes.isSmall(raw.1) else { return false }
        reserve(16)
        let p = UnsafeMutableRawPointer(base + count)
        p.storeBytes(of: raw.0, as: UInt64.self)
        p.storeBytes(of: raw.1, toByteOffset: 8, as: UInt64.self)
        count &+= SmallStringBytes.count(raw.1)
        return true
    }

    /// Appends the UTF-8 bytes of `text`.
    @inlinable @inline(__always) mutating func appendUTF8(_ text: String) {
        if readsSmallStrings, appendSmall(unsafeBitCast(text, to: (UInt64, UInt64).self)) { return }
        appendLargeUTF8(text)
    }

    /// Appends the UTF-8 bytes of the string at `p`: a short one is read in place (no retain of the string).
    @inlinable @inline(__always) mutating func appendUTF8(at p: UnsafePointer<String>) {
        if readsSmallStrings, appendSmall(UnsafeRawPointer(p).load(as: (UInt64, UInt64).self)) { return }
        appendLargeUTF8(p.pointee)
    }

    /// Components or simple repetitions, each string read in place.
    @inlinable public mutating func elementParts(_ values: [String], repeated: Bool) {
        beginElement()
        values.withUnsafeBufferPointer { b in
            guard let p = b.baseAddress else { return }
            for k in 0..<b.count {
                if k > 0 { if repeated { nextRepetition() } else { nextComponent() } }
                appendUTF8(at: p + k)
            }
        }
        endElement()
    }

    @usableFromInline @inline(never) mutating func appendLargeUTF8(_ text: String) {
        var t = text
        t.withUTF8 { b in
            guard let p = b.baseAddress, b.count > 0 else { return }
            reserve(b.count)
            (base + count).update(from: p, count: b.count)
            count &+= b.count
        }
    }

    /// Appends `value` in decimal (room for 20 bytes reserved by the caller).
    @inlinable @inline(__always) mutating func appendDecimal(_ value: Int) {
        if value >= 0 && value < 10 {
            put(0x30 &+ UInt8(truncatingIfNeeded: value))
            return
        }
        appendLongDecimal(value)
    }

    @usableFromInline mutating func appendLongDecimal(_ value: Int) {
        if value < 0 { put(0x2D) }
        var v = value.magnitude
        var n = 1
        var t = v
        while t >= 10 { t /= 10; n += 1 }
        var i = count &+ n
        count = i
        repeat {
            i &-= 1
            base[i] = 0x30 &+ UInt8(truncatingIfNeeded: v % 10)
            v /= 10
        } while v > 0
    }

    @inlinable @inline(__always) public mutating func begin(_ id: String) {
        makeUnique()
        appendUTF8(id)
        keepEnd = count
    }

    @inlinable @inline(__always) public mutating func element(_ value: String) {
        reserve(1)
        put(elementSeparator)
        let start = count
        appendUTF8(value)
        if count > start { keepEnd = count }
    }

    @inlinable @inline(__always) public mutating func element(at p: UnsafePointer<String>) {
        reserve(1)
        put(elementSeparator)
        let start = count
        appendUTF8(at: p)
        if count > start { keepEnd = count }
    }

    @inlinable public mutating func append(at p: UnsafePointer<String>) { appendUTF8(at: p) }

    @inlinable @inline(__always) public mutating func element(_ code: PackedCode) {
        reserve(9)
        let p = UnsafeMutableRawPointer(base + count)
        p.storeBytes(of: elementSeparator, as: UInt8.self)
        p.storeBytes(of: code.bits, toByteOffset: 1, as: UInt64.self)
        count &+= 1 &+ code.count
        if code.count > 0 { keepEnd = count }
    }

    @inlinable public mutating func element(_ value: Int) {
        reserve(22)
        put(elementSeparator)
        appendDecimal(value)
        keepEnd = count
    }

    @inlinable @inline(__always) public mutating func emptyElements(_ n: Int) {
        if n <= 8 {
            reserve(8)
            UnsafeMutableRawPointer(base + count).storeBytes(of: emptyBits, as: UInt64.self)
            count &+= Swift.max(n, 0)
        } else {
            reserve(n)
            (base + count).update(repeating: elementSeparator, count: n)
            count &+= n
        }
    }

    @inlinable @inline(__always) public mutating func beginElement() {
        reserve(1)
        put(elementSeparator)
        elementHasData = false
        componentIndex = 0
        componentStart = count
        componentKeepEnd = count
    }

    @inlinable public mutating func append(_ text: String) { appendUTF8(text) }

    @inlinable @inline(__always) public mutating func append(_ code: PackedCode) {
        reserve(8)
        UnsafeMutableRawPointer(base + count).storeBytes(of: code.bits, as: UInt64.self)
        count &+= code.count
    }

    @inlinable public mutating func append(_ value: Int) {
        reserve(21)
        appendDecimal(value)
    }

    @inlinable public mutating func appendDate(year: Int, month: Int, day: Int) {
        if year < 0 || year > 9999 || month < 0 || month > 99 || day < 0 || day > 99 {
            appendLongDate(year: year, month: month, day: day)
            return
        }
        reserve(8)
        let y = UInt32(truncatingIfNeeded: year)
        let m = UInt32(truncatingIfNeeded: month)
        let d = UInt32(truncatingIfNeeded: day)
        let high = y / 100
        let low = y % 100
        var w: UInt64 = 0x3030_3030_3030_3030
        w |= UInt64(high / 10) | UInt64(high % 10) << 8 | UInt64(low / 10) << 16 | UInt64(low % 10) << 24
        w |= UInt64(m / 10) << 32 | UInt64(m % 10) << 40 | UInt64(d / 10) << 48 | UInt64(d % 10) << 56
        UnsafeMutableRawPointer(base + count).storeBytes(of: w, as: UInt64.self)
        count &+= 8
    }

    @usableFromInline mutating func appendLongDate(year: Int, month: Int, day: Int) {
        if year < 0 || year > 9999 {
            append(year)
        } else {
            twoDigits(year / 100)
            twoDigits(year % 100)
        }
        twoDigits(month)
        twoDigits(day)
    }

    @usableFromInline mutating func twoDigits(_ v: Int) {
        reserve(21)
        if v >= 0 && v < 100 {
            put(0x30 &+ UInt8(truncatingIfNeeded: v / 10))
            put(0x30 &+ UInt8(truncatingIfNeeded: v % 10))
        } else {
            appendDecimal(v)
        }
    }

    public mutating func appendBytes(_ body: (inout [UInt8]) -> Void) {
        var scratch: [UInt8] = []
        body(&scratch)
        scratch.withUnsafeBufferPointer { b in
            guard let p = b.baseAddress, b.count > 0 else { return }
            reserve(b.count)
            (base + count).update(from: p, count: b.count)
            count &+= b.count
        }
    }

    @inlinable public mutating func appendRaw(maxCount: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(maxCount)
        let n = body(base + count)
        count &+= Swift.min(Swift.max(n, 0), maxCount)
    }

    /// Closes the open component: it is kept when it is the first one or holds data.
    @inlinable @inline(__always) mutating func closeComponent() {
        if count > componentStart {
            elementHasData = true
            componentKeepEnd = count
        } else if componentIndex == 0 {
            componentKeepEnd = count
        }
    }

    /// Closes the open repetition, dropping its trailing empty components.
    @inlinable @inline(__always) mutating func closeRepetition() {
        closeComponent()
        if count > componentKeepEnd { count = componentKeepEnd }
    }

    @inlinable @inline(__always) public mutating func nextComponent() {
        closeComponent()
        reserve(1)
        put(componentSeparator)
        componentIndex &+= 1
        componentStart = count
    }

    @inlinable public mutating func nextRepetition() {
        closeRepetition()
        reserve(1)
        put(repetitionSeparator)
        componentIndex = 0
        componentStart = count
        componentKeepEnd = count
    }

    @inlinable @inline(__always) public mutating func endElement() {
        closeRepetition()
        if elementHasData { keepEnd = count }
    }

    @inlinable @inline(__always) public mutating func end() {
        if count > keepEnd { count = keepEnd }
        reserve(4)
        UnsafeMutableRawPointer(base + count).storeBytes(of: endBits, as: UInt32.self)
        count &+= endCount
        ended &+= 1
    }
}
