/// Where segments are built one element at a time: ``SegmentEncoder`` writes their bytes straight away,
/// other sinks build ``Segment`` values. Writers that are generic over the sink serve both without building
/// throwaway segments.
///
/// Elements are appended in order, position 1 first; a sink drops trailing empty elements and trailing empty
/// components exactly like ``Segment/append(to:delimiters:trimTrailing:)``.
/// ```swift
/// sink.begin("NM1")
/// sink.element("IL"); sink.element("1"); sink.element("DOE")
/// sink.emptyElements(4)
/// sink.element("MI"); sink.element(memberID)
/// sink.end()
///
/// sink.begin("HI")               // a composite: HI*ABK:J449~
/// sink.beginElement()
/// sink.append("ABK"); sink.nextComponent(); sink.append("J449")
/// sink.endElement()
/// sink.end()
/// ```
public protocol SegmentSink {
    /// Starts a segment with its ID.
    mutating func begin(_ id: String)
    /// Appends a simple element (`""` is the empty element).
    mutating func element(_ value: String)
    /// Appends a simple element holding `value` in decimal.
    mutating func element(_ value: Int)
    /// Appends a simple element holding a short code (an empty code is the empty element).
    mutating func element(_ code: PackedCode)
    /// Appends `count` empty elements.
    mutating func emptyElements(_ count: Int)
    /// Starts an element whose components and repetitions follow (``append(_:)``, ``nextComponent()``,
    /// ``nextRepetition()``), closed by ``endElement()``.
    mutating func beginElement()
    /// Appends text to the current component of the open element.
    mutating func append(_ text: String)
    /// Appends `value` in decimal to the current component of the open element.
    mutating func append(_ value: Int)
    /// Appends a short code to the current component of the open element.
    mutating func append(_ code: PackedCode)
    /// Appends `CCYYMMDD` to the current component of the open element.
    mutating func appendDate(year: Int, month: Int, day: Int)
    /// Appends the UTF-8 bytes `body` adds to the array it is given to the current component of the open element.
    mutating func appendBytes(_ body: (inout [UInt8]) -> Void)
    /// Appends to the current component of the open element the UTF-8 bytes `body` writes at the pointer it is given
    /// (room for `maxCount` bytes); `body` returns how many it wrote.
    mutating func appendRaw(maxCount: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int)
    /// Starts the next component of the open element.
    mutating func nextComponent()
    /// Starts the next repetition of the open element.
    mutating func nextRepetition()
    /// Closes the open element.
    mutating func endElement()
    /// Ends the segment.
    mutating func end()
    /// Appends an element of `values` as components, or with `repeated` as simple repetitions.
    mutating func elementParts(_ values: [String], repeated: Bool)
    /// Appends a simple element holding the string at `p` (a string stored in a value the caller reads in place).
    mutating func element(at p: UnsafePointer<String>)
    /// Appends the string at `p` to the current component of the open element.
    mutating func append(at p: UnsafePointer<String>)
}

extension SegmentSink {
    /// Appends the code as a `String` element.
    @inlinable public mutating func element(_ code: PackedCode) { element(code.string) }

    /// Appends the code as text.
    @inlinable public mutating func append(_ code: PackedCode) { append(code.string) }

    /// Appends the string at `p` as an element.
    @inlinable public mutating func element(at p: UnsafePointer<String>) { element(p.pointee) }

    /// Appends the string at `p` to the open element.
    @inlinable public mutating func append(at p: UnsafePointer<String>) { append(p.pointee) }

    /// Writes through a scratch buffer and appends it with ``appendBytes(_:)``.
    @inlinable public mutating func appendRaw(maxCount: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        var scratch = [UInt8](repeating: 0, count: maxCount)
        let n = scratch.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
        appendBytes { $0.append(contentsOf: scratch[0..<Swift.min(Swift.max(n, 0), maxCount)]) }
    }

    /// Appends a simple element; `nil` is the empty element.
    @inlinable public mutating func element(_ value: String?) {
        if let value { element(value) } else { emptyElements(1) }
    }

    /// Appends one empty element.
    @inlinable public mutating func emptyElement() { emptyElements(1) }

    /// Appends an element of components (one repetition).
    @inlinable public mutating func composite(_ components: [String]) { elementParts(components, repeated: false) }

    /// Appends an element of simple repetitions (`EB03`, `HCR03`, …).
    @inlinable public mutating func repeated(_ values: [String]) { elementParts(values, repeated: true) }

    /// Appends the parts of an element: components, or with `repeated` simple repetitions.
    @inlinable public mutating func elementParts(_ values: [String], repeated: Bool) { parts(values, repeated: repeated) }

    @inlinable mutating func parts(_ values: [String], repeated: Bool) {
        beginElement()
        for (i, v) in values.enumerated() {
            if i > 0 { if repeated { nextRepetition() } else { nextComponent() } }
            append(v)
        }
        endElement()
    }

    /// Appends a built segment.
    public mutating func write(_ segment: Segment) {
        begin(segment.id)
        for e in segment.elements {
            if e.repetitions.count == 1, e.repetitions[0].count == 1 {
                element(e.repetitions[0][0])
                continue
            }
            beginElement()
            for (r, rep) in e.repetitions.enumerated() {
                if r > 0 { nextRepetition() }
                for (c, v) in rep.enumerated() {
                    if c > 0 { nextComponent() }
                    append(v)
                }
            }
            endElement()
        }
        end()
    }
}
