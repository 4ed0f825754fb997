/// A small streaming JSON reader: it pulls bytes from a ``ByteSource`` in chunks and yields one event at a
/// time (object and array bounds, keys, scalars), checking the grammar as it goes. Nothing is kept but the
/// current string and the stack of open containers, so a document of any size reads in flat memory.
final class JSONTokenizer {
    enum Event: Equatable {
        case objectStart, objectEnd, arrayStart, arrayEnd
        /// An object key; its bytes are in ``text``.
        case key
        /// A string value; its bytes are in ``text``.
        case string
        /// A number; its text is in ``text``.
        case number
        case bool(Bool)
        case null
        /// The end of the document.
        case end

        /// How the event is named in messages.
        var description: String {
            switch self {
            case .objectStart: return "an object"
            case .objectEnd: return "the end of an object"
            case .arrayStart: return "an array"
            case .arrayEnd: return "the end of an array"
            case .key: return "a key"
            case .string: return "a string"
            case .number: return "a number"
            case .bool: return "a boolean"
            case .null: return "null"
            case .end: return "the end of the input"
            }
        }
    }

    private enum Expect { case value, valueOrEnd, keyOrEnd, key, colon, commaOrEnd, done }

    private let source: ByteSource
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity = 256 << 10
    // Stored state is read and written on every token: one owner, one thread, so without run-time exclusivity
    // checks (`swift_beginAccess` was a quarter of a conversion).
    @exclusivity(unchecked) private var pos = 0
    @exclusivity(unchecked) private var count = 0
    @exclusivity(unchecked) private var sourceDone = false
    /// Absolute offset of `buffer[0]`.
    @exclusivity(unchecked) private var base = 0
    @exclusivity(unchecked) private var line = 1
    @exclusivity(unchecked) private var lineStart = 0
    @exclusivity(unchecked) private var stack: [Bool] = []   // true: object
    @exclusivity(unchecked) private var expect = Expect.value

    /// The bytes of the last key, string or number.
    @exclusivity(unchecked) var text: [UInt8] = []
    /// Where the last event starts.
    @exclusivity(unchecked) private(set) var eventOffset = 0
    @exclusivity(unchecked) private(set) var eventLine = 1
    @exclusivity(unchecked) private(set) var eventColumn = 1

    init(source: ByteSource) {
        self.source = source
        buffer = .allocate(capacity: capacity)
        text.reserveCapacity(256)
    }

    deinit { buffer.deallocate() }

    /// An error at the current event.
    func error(_ message: String) -> StructuralError {
        StructuralError(input: source.name, line: eventLine, column: eventColumn, byteOffset: eventOffset, message: message)
    }

    private func errorHere(_ message: String) -> StructuralError {
        let offset = base + pos
        return StructuralError(input: source.name, line: line, column: offset - lineStart + 1, byteOffset: offset, message: message)
    }

    /// The next byte without consuming it, or `nil` at the end of the input.
    @inline(__always)
    private func peekByte() throws -> UInt8? {
        if pos < count { return buffer[pos] }
        try refill()
        return pos < count ? buffer[pos] : nil
    }

    private func refill() throws {
        guard !sourceDone else { return }
        base += count
        pos = 0
        count = 0
        while count == 0 {
            let n = try source.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: capacity))
            if n == 0 { sourceDone = true; return }
            count = n
        }
    }

    private func skipWhitespace() throws {
        while true {
            while pos < count {
                let b = buffer[pos]
                if b == 0x20 || b == 0x09 || b == 0x0D {
                    pos += 1
                } else if b == 0x0A {
                    pos += 1
                    line += 1
                    lineStart = base + pos
                } else {
                    return
                }
            }
            try refill()
            if pos >= count { return }
        }
    }

    /// The next event.
    func next() throws -> Event {
        while true {
            try skipWhitespace()
            eventOffset = base + pos
            eventLine = line
            eventColumn = eventOffset - lineStart + 1
            let b = try peekByte()
            switch expect {
            case .done:
                if let b { throw errorHere("unexpected \(show(b)) after the end of the JSON document") }
                return .end
            case .colon:
                guard b == UInt8(ascii: ":") else { throw errorHere("expected ':' after the key, found \(show(b))") }
                pos += 1
                expect = .value
                continue
            case .commaOrEnd:
                let inObject = stack.last!
                if b == UInt8(ascii: ",") {
                    pos += 1
                    expect = inObject ? .key : .value
                    continue
                }
                if inObject && b == UInt8(ascii: "}") { return closeContainer(.objectEnd) }
                if !inObject && b == UInt8(ascii: "]") { return closeContainer(.arrayEnd) }
                throw errorHere("expected ',' or '\(inObject ? "}" : "]")', found \(show(b))")
            case .keyOrEnd, .key:
                if expect == .keyOrEnd && b == UInt8(ascii: "}") { return closeContainer(.objectEnd) }
                guard b == UInt8(ascii: "\"") else { throw errorHere("expected a key in double quotes, found \(show(b))") }
                pos += 1
                try readString()
                expect = .colon
                return .key
            case .valueOrEnd, .value:
                if expect == .valueOrEnd && b == UInt8(ascii: "]") { return closeContainer(.arrayEnd) }
                guard let b else { throw errorHere("the input ends where a value was expected") }
                switch b {
                case UInt8(ascii: "{"):
                    pos += 1
                    stack.append(true)
                    expect = .keyOrEnd
                    return .objectStart
                case UInt8(ascii: "["):
                    pos += 1
                    stack.append(false)
                    expect = .valueOrEnd
                    return .arrayStart
                case UInt8(ascii: "\""):
                    pos += 1
                    try readString()
                    afterValue()
                    return .string
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    try readNumber()
                    afterValue()
                    return .number
                case UInt8(ascii: "t"):
                    try literal("true"); afterValue(); return .bool(true)
                case UInt8(ascii: "f"):
                    try literal("false"); afterValue(); return .bool(false)
                case UInt8(ascii: "n"):
                    try literal("null"); afterValue(); return .null
                default:
                    throw errorHere("expected a value, found \(show(b))")
                }
            }
        }
    }

    private func closeContainer(_ e: Event) -> Event {
        pos += 1
        stack.removeLast()
        afterValue()
        return e
    }

    private func afterValue() { expect = stack.isEmpty ? .done : .commaOrEnd }

    private func show(_ b: UInt8?) -> String {
        guard let b else { return "the end of the input" }
        if b >= 0x21 && b < 0x7F { return "'\(String(UnicodeScalar(b)))'" }
        return "byte 0x" + String(b, radix: 16)
    }

    private func literal(_ word: StaticString) throws {
        let p = word.utf8Start
        for i in 0..<word.utf8CodeUnitCount {
            guard try peekByte() == p[i] else { throw errorHere("expected a value ('\(word)'?)") }
            pos += 1
        }
    }

    private func readNumber() throws {
        text.removeAll(keepingCapacity: true)
        while let b = try peekByte(), b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".")
                || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") || (b >= 0x30 && b <= 0x39) {
            text.append(b)
            pos += 1
        }
    }

    /// Reads a string body (after the opening quote) into `text`, escapes decoded.
    private func readString() throws {
        text.removeAll(keepingCapacity: true)
        while true {
            // Fast path: copy a run of plain bytes.
            var i = pos
            while i < count {
                let b = buffer[i]
                if b == 0x22 || b == 0x5C || b < 0x20 { break }
                i += 1
            }
            if i > pos {
                text.append(contentsOf: UnsafeBufferPointer(start: buffer + pos, count: i - pos))
                pos = i
            }
            guard let b = try peekByte() else { throw errorHere("the input ends inside a string") }
            if b == 0x22 { pos += 1; return }
            if b < 0x20 { throw errorHere("a control character (byte 0x\(String(b, radix: 16))) must be escaped inside a string") }
            if b == 0x5C {
                pos += 1
                guard let e = try peekByte() else { throw errorHere("the input ends inside a string") }
                pos += 1
                switch e {
                case UInt8(ascii: "\""): text.append(0x22)
                case UInt8(ascii: "\\"): text.append(0x5C)
                case UInt8(ascii: "/"): text.append(0x2F)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if scalar >= 0xD800 && scalar <= 0xDBFF {
                        guard try peekByte() == 0x5C else { throw errorHere("a high surrogate must be followed by a low surrogate") }
                        pos += 1
                        guard try peekByte() == UInt8(ascii: "u") else { throw errorHere("a high surrogate must be followed by a low surrogate") }
                        pos += 1
                        let low = try hex4()
                        guard low >= 0xDC00 && low <= 0xDFFF else { throw errorHere("invalid low surrogate") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                        throw errorHere("a lone low surrogate is not a character")
                    }
                    appendUTF8(scalar)
                default:
                    throw errorHere("invalid escape '\\\(String(UnicodeScalar(e)))' in a string")
                }
            }
        }
    }

    private func hex4() throws -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let b = try peekByte() else { throw errorHere("the input ends inside a \\u escape") }
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw errorHere("\\u must be followed by four hex digits")
            }
            v = v << 4 | d
            pos += 1
        }
        return v
    }

    private func appendUTF8(_ s: UInt32) {
        switch s {
        case 0..<0x80: text.append(UInt8(s))
        case 0x80..<0x800:
            text.append(UInt8(0xC0 | (s >> 6))); text.append(UInt8(0x80 | (s & 0x3F)))
        case 0x800..<0x10000:
            text.append(UInt8(0xE0 | (s >> 12))); text.append(UInt8(0x80 | ((s >> 6) & 0x3F)))
            text.append(UInt8(0x80 | (s & 0x3F)))
        default:
            text.append(UInt8(0xF0 | (s >> 18))); text.append(UInt8(0x80 | ((s >> 12) & 0x3F)))
            text.append(UInt8(0x80 | ((s >> 6) & 0x3F))); text.append(UInt8(0x80 | (s & 0x3F)))
        }
    }

    /// Skips the value that starts with `first` (already read), nested containers included.
    func skipValue(startingWith first: Event) throws {
        guard first == .objectStart || first == .arrayStart else { return }
        var depth = 1
        while depth > 0 {
            switch try next() {
            case .objectStart, .arrayStart: depth += 1
            case .objectEnd, .arrayEnd: depth -= 1
            default: break
            }
        }
    }
}
