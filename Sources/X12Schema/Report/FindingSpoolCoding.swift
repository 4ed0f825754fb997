import X12

/// The binary form of one ``FindingSpool`` record: a ``TransactionReport`` with its findings, every field kept.
///
/// Integers are LEB128 varints (signed ones zigzagged), strings a length and their UTF-8 bytes, optional fields
/// behind a presence bit. The form lives only as long as one spool file: it has no version.
enum FindingSpoolCoding {
    // MARK: Encoding

    static func encode(_ r: TransactionReport, into out: inout [UInt8]) {
        putString(r.header.id, into: &out)
        putString(r.header.controlNumber, into: &out)
        putOptional(r.header.implementationReference, into: &out)
        putOptional(r.guideID, into: &out)
        putLocation(r.location, into: &out)
        putSigned(r.segmentCount, into: &out)
        putUnsigned(UInt64(r.findings.count), into: &out)
        for f in r.findings {
            out.append(familyCode(f.code.family))
            putString(f.code.value, into: &out)
            out.append(f.severity == .error ? 1 : 0)
            putLocation(f.location, into: &out)
            putOptional(f.value, into: &out)
            putString(f.message, into: &out)
        }
    }

    static func putUnsigned(_ value: UInt64, into out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    private static func putSigned(_ value: Int, into out: inout [UInt8]) {
        let v = Int64(value)
        putUnsigned(UInt64(bitPattern: (v << 1) ^ (v >> 63)), into: &out)
    }

    private static func putString(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { p in
            putUnsigned(UInt64(p.count), into: &out)
            out.append(contentsOf: p)
        }
    }

    private static func putOptional(_ s: String?, into out: inout [UInt8]) {
        guard let s else {
            out.append(0)
            return
        }
        out.append(1)
        putString(s, into: &out)
    }

    private static func putLocation(_ l: Location, into out: inout [UInt8]) {
        putSigned(l.byteOffset, into: &out)
        putSigned(l.line, into: &out)
        putSigned(l.segmentIndex, into: &out)
        let strings = [l.interchangeControlNumber, l.groupControlNumber, l.transactionControlNumber, l.transactionSetID,
                       l.segmentID, l.loopID, l.standardLoopID]
        let ints = [l.segmentPosition, l.elementPosition, l.componentPosition, l.repetitionPosition]
        var present: UInt64 = 0
        for (i, s) in strings.enumerated() where s != nil { present |= 1 << UInt64(i) }
        for (i, n) in ints.enumerated() where n != nil { present |= 1 << UInt64(strings.count + i) }
        putUnsigned(present, into: &out)
        for s in strings { if let s { putString(s, into: &out) } }
        for n in ints { if let n { putSigned(n, into: &out) } }
    }

    private static let families: [FindingCode.Family] = [.ta105, .ak905, .ik502, .ik304, .ik403, .note]

    private static func familyCode(_ f: FindingCode.Family) -> UInt8 {
        UInt8(families.firstIndex(of: f)!)
    }

    // MARK: Decoding

    /// The report in `bytes`, `nil` when they are not one record.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> TransactionReport? {
        var c = Cursor(bytes: bytes)
        guard let id = c.string(), let control = c.string(), let reference = c.optional(), let guide = c.optional(),
              let location = c.location(), let segments = c.signed(), let n = c.unsigned(), n <= UInt64(bytes.count)
        else { return nil }
        var findings: [Finding] = []
        findings.reserveCapacity(Int(n))
        for _ in 0..<n {
            guard let family = c.byte(), Int(family) < families.count, let value = c.string(), let severity = c.byte(),
                  let at = c.location(), let bad = c.optional(), let message = c.string()
            else { return nil }
            findings.append(Finding(code: FindingCode(families[Int(family)], value), severity: severity == 1 ? .error : .warning,
                                    location: at, value: bad, message: message))
        }
        guard c.offset == bytes.count else { return nil }
        return TransactionReport(header: TransactionHeader(id: id, controlNumber: control, implementationReference: reference),
                                 guideID: guide, location: location, findings: findings, segmentCount: segments)
    }

    /// Reads a record's fields in order; each read is `nil` past the end.
    private struct Cursor {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func unsigned() -> UInt64? {
            var v: UInt64 = 0
            var shift: UInt64 = 0
            while let b = byte() {
                guard shift < 64 else { return nil }
                v |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return v }
                shift += 7
            }
            return nil
        }

        mutating func signed() -> Int? {
            guard let u = unsigned() else { return nil }
            let v = Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
            return Int(exactly: v)
        }

        mutating func string() -> String? {
            guard let n = unsigned(), n <= UInt64(bytes.count - offset) else { return nil }
            let end = offset + Int(n)
            defer { offset = end }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
        }

        /// `.some(nil)` for an absent string.
        mutating func optional() -> String?? {
            guard let flag = byte() else { return nil }
            if flag == 0 { return .some(nil) }
            guard flag == 1, let s = string() else { return nil }
            return .some(s)
        }

        mutating func location() -> Location? {
            guard let offset = signed(), let line = signed(), let index = signed(), let present = unsigned() else { return nil }
            func has(_ bit: UInt64) -> Bool { present & (1 << bit) != 0 }
            guard let interchange = string(if: has(0)), let group = string(if: has(1)), let transaction = string(if: has(2)),
                  let setID = string(if: has(3)), let segmentID = string(if: has(4)), let loopID = string(if: has(5)),
                  let standardLoopID = string(if: has(6)), let position = signed(if: has(7)), let element = signed(if: has(8)),
                  let component = signed(if: has(9)), let repetition = signed(if: has(10))
            else { return nil }
            return Location(byteOffset: offset, line: line, segmentIndex: index, interchangeControlNumber: interchange,
                            groupControlNumber: group, transactionControlNumber: transaction, transactionSetID: setID,
                            segmentPosition: position, segmentID: segmentID, loopID: loopID, elementPosition: element,
                            componentPosition: component, repetitionPosition: repetition, standardLoopID: standardLoopID)
        }

        /// A string when `present`, `.some(nil)` when not; `nil` past the end.
        mutating func string(if present: Bool) -> String?? {
            guard present else { return .some(nil) }
            return string().map { .some($0) }
        }

        /// An integer when `present`, `.some(nil)` when not; `nil` past the end.
        mutating func signed(if present: Bool) -> Int?? {
            guard present else { return .some(nil) }
            return signed().map { .some($0) }
        }
    }
}
