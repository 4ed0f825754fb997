/// The byte buffer under a ``SegmentEncoder``: one allocation that grows by doubling, written through a pointer.
/// ``X12Writer`` keeps one and lends it to each ``X12Writer/encodeSegments(_:)`` call. Its two variables change only
/// when it grows, under the one encoder that owns it, so they are not checked for overlapping access at run time.
@usableFromInline final class EncoderStorage {
    @usableFromInline @exclusivity(unchecked) private(set) var base: UnsafeMutablePointer<UInt8>
    @usableFromInline @exclusivity(unchecked) private(set) var capacity: Int
    /// ``SmallStringBytes/layoutHolds``, read once here rather than (through a lazy global) per encoder.
    @usableFromInline let readsSmallStrings = SmallStringBytes.layoutHolds

    @usableFromInline init(capacity: Int) {
        self.capacity = Swift.max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Grows to at least `minimumCapacity`, keeping the first `count` bytes.
    @usableFromInline func grow(to minimumCapacity: Int, keeping count: Int) {
        var c = capacity
        while c < minimumCapacity { c &*= 2 }
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        p.update(from: base, count: count)
        base.deallocate()
        base = p
        capacity = c
    }

    /// A new storage holding the first `count` bytes of this one.
    @usableFromInline func copy(count: Int) -> EncoderStorage {
        let s = EncoderStorage(capacity: capacity)
        s.base.update(from: base, count: count)
        return s
    }
}
