import X12

/// Follows the HL tree of one transaction set: HL01 unique, HL02 naming an earlier HL of an allowed parent level,
/// HL04 consistent with the children that actually follow. State is one small record per HL of the set.
///
/// The hot path keeps no `String` and no ``X12/Location`` per HL: an HL01 that is a plain decimal number (`1`,
/// `27`; no leading zero) is looked up by its value in an array, any other in a dictionary; where the HL is
/// stays as a ``Place`` (integers and its loop) and becomes a `Location` only for a problem.
struct HierarchyTracker {
    /// Where an HL is: what changes from one segment of the set to the next.
    struct Place {
        var byteOffset: Int
        var line: Int
        var segmentIndex: Int
        var segmentPosition: Int
        /// The guide loop the HL opened (or the loop it was left in). Not retained: the guide owns its loops and
        /// outlives every transaction-set validator that follows it (no reference counting per HL).
        unowned(unsafe) var loop: LoopSpec
    }

    struct Problem {
        var code: String
        var element: Int
        var place: Place
        var value: String?
        var message: String
    }

    /// What the tree checks read and update for an HL (plain values, cheap to copy).
    private struct Node {
        /// The level's index in the guide's levels, or -1.
        var levelIndex: Int
        /// HL04: 0 for `0`, 1 for `1`, 2 for anything else.
        var childCode: UInt8
        var hasChild: Bool
    }

    /// What only a problem needs: HL01, HL03 and where the HL is.
    private struct Detail {
        /// HL01 as a number, or -1 when HL01 is kept in `name`.
        var number: Int
        var name: String?
        /// HL03 when it is not exactly a known level's code (else that code is it).
        var level: String?
        var place: Place

        var id: String { name ?? String(number) }
    }

    /// HL01 values up to this bound are indexed in `byNumber`.
    private static let numberLimit = 1 << 17

    private let levels: [HierarchyLevel]
    private let levelKeys: [UInt64]
    /// Per level: bit `j` set when level `j`'s code is one of its allowed parents.
    private let parentMasks: [UInt64]

    /// The HLs of the set in order of first appearance (`details` in step).
    private var nodes: [Node] = []
    private var details: [Detail] = []
    /// `byNumber[n]` is the node index of HL01 `n`, or -1.
    private var byNumber: [Int32] = []
    private var byName: [String: Int] = [:]
    /// The HL01 numbers in `byNumber`, to clear them for the next set.
    private var numbers: [Int] = []

    init(levels: [HierarchyLevel]) {
        self.levels = levels
        levelKeys = levels.map { level in
            var code = level.code
            return code.withUTF8 { SegmentSpec.key(UnsafeRawBufferPointer($0)) }
        }
        parentMasks = levels.map { level in
            var mask: UInt64 = 0
            for (j, other) in levels.enumerated() where j < 64 && level.parents.contains(other.code) { mask |= 1 << UInt64(j) }
            return mask
        }
    }

    mutating func reset() {
        guard !nodes.isEmpty else { return }
        for v in numbers { byNumber[v] = -1 }
        numbers.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
        details.removeAll(keepingCapacity: true)
        if !byName.isEmpty { byName.removeAll(keepingCapacity: true) }
    }

    /// HL01/HL02 bytes as a number when they are a plain decimal (no sign, no leading zero) under the limit.
    @inline(__always)
    private static func number(_ b: UnsafeRawBufferPointer) -> Int? {
        let n = b.count
        guard n > 0, n <= 6 else { return nil }
        if n > 1 && b[0] == UInt8(ascii: "0") { return nil }
        var v = 0
        for c in b {
            guard c &- UInt8(ascii: "0") < 10 else { return nil }
            v = v * 10 + Int(c &- UInt8(ascii: "0"))
        }
        return v < numberLimit ? v : nil
    }

    /// HL03 of node `i`, as the HL had it.
    private func levelText(_ i: Int) -> String { details[i].level ?? levels[nodes[i].levelIndex].code }

    /// HL01…HL04 (what ``X12/SegmentView/element(_:)`` gives for 1…4), in one pass over the segment.
    private static func fields(_ seg: SegmentView)
        -> (UnsafeRawBufferPointer, UnsafeRawBufferPointer, UnsafeRawBufferPointer, UnsafeRawBufferPointer) {
        var f = (UnsafeRawBufferPointer(start: nil, count: 0), UnsafeRawBufferPointer(start: nil, count: 0),
                 UnsafeRawBufferPointer(start: nil, count: 0), UnsafeRawBufferPointer(start: nil, count: 0))
        let b = seg.bytes
        guard let base = b.baseAddress else { return f }
        let sep = seg.delimiters.element
        let n = b.count
        /// The end of the field starting at `start` (the next separator, or `n`).
        @inline(__always) func end(_ start: Int) -> Int {
            var i = start
            while i < n && base.load(fromByteOffset: i, as: UInt8.self) != sep { i &+= 1 }
            return i
        }
        // Each field after the ID exists only when a separator ends the one before it.
        var e = end(0)
        var k = 0
        while e < n && k < 4 {
            let s = e &+ 1
            e = end(s)
            let field = UnsafeRawBufferPointer(start: base + s, count: e &- s)
            switch k {
            case 0: f.0 = field
            case 1: f.1 = field
            case 2: f.2 = field
            default: f.3 = field
            }
            k &+= 1
        }
        return f
    }

    /// `true` when `a` and `b` hold the same bytes (then they are the same text).
    @inline(__always)
    private static func sameBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        var i = 0
        while i < a.count && a[i] == b[i] { i &+= 1 }
        return i == a.count
    }

    /// `true` when no byte of `a` or `b` is above 0x7F.
    @inline(__always)
    private static func isASCII(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        var high: UInt8 = 0
        for c in a { high |= c }
        for c in b { high |= c }
        return high < 0x80
    }

    /// `String` equality of two values, without a `String` when both are ASCII.
    private static func sameText(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        if sameBytes(a, b) { return true }
        // Different bytes: the same text only when non-ASCII bytes make two spellings of it.
        var high: UInt8 = 0
        for c in a { high |= c }
        for c in b { high |= c }
        if high < 0x80 { return false }
        return String(decoding: a, as: UTF8.self) == String(decoding: b, as: UTF8.self)
    }

    /// The node index of the HL01 given as bytes, or `nil`.
    @inline(__always)
    private func find(_ b: UnsafeRawBufferPointer) -> Int? {
        if let v = Self.number(b) {
            guard v < byNumber.count else { return nil }
            let i = byNumber[v]
            return i >= 0 ? Int(i) : nil
        }
        guard !b.isEmpty, !byName.isEmpty else { return nil }
        return byName[String(decoding: b, as: UTF8.self)]
    }

    @inline(__always)
    private func levelIndex(_ b: UnsafeRawBufferPointer) -> Int {
        // Codes longer than a packed key go the String way (a key would not tell them apart).
        if b.count > 7 {
            let code = String(decoding: b, as: UTF8.self)
            return levels.firstIndex { $0.code == code } ?? -1
        }
        let key = SegmentSpec.key(b)
        var j = 0
        while j < levelKeys.count {
            if levelKeys[j] == key { return j }
            j += 1
        }
        return -1
    }

    /// Records an HL at `place`; appends what is wrong with it to `problems`.
    mutating func add(_ seg: SegmentView, place: Place, problems: inout [Problem]) {
        let (idBytes, parentBytes, levelBytes, childBytes) = Self.fields(seg)
        let known = find(idBytes)
        let li = levelIndex(levelBytes)
        if known != nil {
            let id = String(decoding: idBytes, as: UTF8.self)
            problems.append(Problem(code: "7", element: 1, place: place, value: id, message: "HL01 \(id) is used by an earlier HL in this transaction set."))
        }
        if !parentBytes.isEmpty {
            // Different ASCII bytes are different text: the String comparison only for non-ASCII values.
            if Self.sameBytes(parentBytes, idBytes)
                || (!Self.isASCII(parentBytes, idBytes) && Self.sameText(parentBytes, idBytes)) {
                problems.append(Problem(code: "7", element: 2, place: place, value: String(decoding: parentBytes, as: UTF8.self),
                                        message: "HL02 names the HL itself as its parent."))
            } else if let pi = find(parentBytes) {
                if li >= 0 {
                    let parentIndex = nodes[pi].levelIndex
                    let allowed = parentIndex >= 0 && parentIndex < 64
                        ? parentMasks[li] & (1 << UInt64(parentIndex)) != 0
                        : levels[li].parents.contains(levelText(pi))
                    if !allowed {
                        let lvl = levels[li]
                        let allowedText = lvl.parents.isEmpty ? "none (top level)" : lvl.parents.joined(separator: ", ")
                        problems.append(Problem(code: "7", element: 2, place: place, value: String(decoding: parentBytes, as: UTF8.self),
                                                message: "An HL of level \(String(decoding: levelBytes, as: UTF8.self)) cannot hang under an HL of level \(levelText(pi)) (allowed parents: \(allowedText))."))
                    }
                }
                if nodes[pi].childCode == 0 {
                    problems.append(Problem(code: "7", element: 4, place: details[pi].place, value: "0",
                                            message: "HL04 says this HL has no children, but HL \(String(decoding: idBytes, as: UTF8.self)) names it as parent."))
                }
                nodes[pi].hasChild = true
            } else {
                let parent = String(decoding: parentBytes, as: UTF8.self)
                problems.append(Problem(code: "7", element: 2, place: place, value: parent,
                                        message: "HL02 \(parent) does not name an earlier HL in this transaction set."))
            }
        }
        // A missing HL02 on a level that needs a parent is reported by the element check (usage R); HL04 `1` on a
        // level without children by the guide's HL04 codes.
        if !idBytes.isEmpty && known == nil {
            let childCode: UInt8 = childBytes.count != 1 ? 2 : childBytes[0] == UInt8(ascii: "0") ? 0 : childBytes[0] == UInt8(ascii: "1") ? 1 : 2
            // The level's code is the HL03 text when the packed bytes matched it (seven bytes or fewer).
            let exact = li >= 0 && levelBytes.count <= 7
            var number = -1
            var name: String?
            if let v = Self.number(idBytes) {
                number = v
                if v >= byNumber.count {
                    byNumber.append(contentsOf: repeatElement(-1, count: max(v + 1, min(2 * byNumber.count, Self.numberLimit)) - byNumber.count))
                }
                byNumber[v] = Int32(nodes.count)
                numbers.append(v)
            } else {
                let text = String(decoding: idBytes, as: UTF8.self)
                name = text
                byName[text] = nodes.count
            }
            nodes.append(Node(levelIndex: li, childCode: childCode, hasChild: false))
            details.append(Detail(number: number, name: name, level: exact ? nil : String(decoding: levelBytes, as: UTF8.self), place: place))
        }
    }

    /// At the end of the set: every HL whose HL04 is `1` must have had a child.
    /// `mutating` only so that a caller holding the tracker in a class property does not copy it (and retain
    /// every array in it) to call this; nothing is changed.
    mutating func finish(problems: inout [Problem]) {
        for i in nodes.indices where nodes[i].childCode == 1 && !nodes[i].hasChild {
            problems.append(Problem(code: "7", element: 4, place: details[i].place, value: "1",
                                    message: "HL04 says HL \(details[i].id) has children, but no HL names it as parent."))
        }
    }
}
