/// A segment at one place in a guide: its tag, usage, max use, discriminator and merged element specs.
public final class SegmentSpec: @unchecked Sendable {
    /// The segment ID (`NM1`).
    public let tag: String
    /// The tag's bytes, for matching without a `String`.
    public let tagBytes: [UInt8]
    /// The guide's name for the segment at this place (`Subscriber Name`), else the base name.
    public let name: String
    /// Usage at this place.
    public let usage: Usage
    /// Max use at this place (`Int.max` = unbounded).
    public let maxUse: Int
    /// The element (or component) whose guide codes tell this segment from a same-tag neighbour.
    public let discriminator: ElementPath?
    /// The codes of ``discriminator`` that select this segment.
    public let discriminatorCodes: CodeSet?
    /// The elements, by position (index 0 = element 1).
    public let elements: [ElementSpec]
    /// Base and guide rules.
    public let rules: [SyntaxRule]
    /// The TR3 sequence number, when given.
    public let sequence: String?

    // The flattened forms the validator's clean path reads (immutable after init).
    /// One ``ValuePlan`` per element (index 0 = element 1).
    let plans: UnsafeMutablePointer<ValuePlan>
    /// Bit `p` set for every required element `p` (< 64).
    let requiredMask: UInt64
    /// `true` when a required element sits at position 64 or later.
    let hasFarRequired: Bool
    /// Positions `p` where element `p` is a `1250` date format qualifier and `p + 1` its `1251` value.
    let datePairs: UnsafeMutablePointer<Int>
    let datePairCount: Int
    /// ``rules`` as masks.
    let rulePlans: UnsafeMutablePointer<RulePlan>
    let ruleCount: Int
    /// `elements.count`.
    let elementCount: Int
    /// The tag packed as ``SegmentSpec/key(_:)`` does.
    let tagKey: UInt64

    /// A segment ID packed with its length into a `UInt64` (IDs of up to seven bytes); `UInt64.max - 1` for longer IDs.
    @inline(__always)
    static func key(_ b: UnsafeRawBufferPointer) -> UInt64 {
        let n = b.count
        guard n <= 7 else { return UInt64.max - 1 }
        return PackedKey.pack(b)
    }

    /// The spec of element `position` (1-based), or `nil` past the defined ones.
    public func element(_ position: Int) -> ElementSpec? {
        position >= 1 && position <= elements.count ? elements[position - 1] : nil
    }

    /// Creates a spec (the loader does).
    public init(tag: String, tagBytes: [UInt8], name: String, usage: Usage, maxUse: Int, discriminator: ElementPath?, discriminatorCodes: CodeSet?, elements: [ElementSpec], rules: [SyntaxRule], sequence: String?) {
        self.tag = tag
        self.tagBytes = tagBytes
        self.name = name
        self.usage = usage
        self.maxUse = maxUse
        self.discriminator = discriminator
        self.discriminatorCodes = discriminatorCodes
        self.elements = elements
        self.rules = rules
        self.sequence = sequence
        plans = UnsafeMutablePointer<ValuePlan>.allocate(capacity: max(elements.count, 1))
        var mask: UInt64 = 0
        var far = false
        for (i, e) in elements.enumerated() {
            (plans + i).initialize(to: e.plan)
            if e.usage == .required {
                if e.position < 64 { mask |= 1 << UInt64(e.position) } else { far = true }
            }
        }
        requiredMask = mask
        hasFarRequired = far
        var pairs: [Int] = []
        var p = 1
        while p < elements.count {
            if elements[p - 1].element?.id == "1250", elements[p].element?.id == "1251" { pairs.append(p); p += 2 } else { p += 1 }
        }
        datePairs = .allocate(capacity: max(pairs.count, 1))
        datePairs.initialize(from: pairs, count: pairs.count)
        datePairCount = pairs.count
        rulePlans = .allocate(capacity: max(rules.count, 1))
        rulePlans.initialize(from: rules.map(RulePlan.init), count: rules.count)
        ruleCount = rules.count
        elementCount = elements.count
        tagKey = tagBytes.count <= 7 ? tagBytes.withUnsafeBytes { SegmentSpec.key($0) } : UInt64.max
    }

    deinit {
        plans.deinitialize(count: elements.count)
        plans.deallocate()
        datePairs.deallocate()
        rulePlans.deinitialize(count: ruleCount)
        rulePlans.deallocate()
    }
}
