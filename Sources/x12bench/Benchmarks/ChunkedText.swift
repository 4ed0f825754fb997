import Foundation

/// Generated X12 text written to a file in chunks of about 1 MB, counting bytes and segments (`~`), so that a
/// benchmark's input of any size costs no memory of its own.
final class ChunkedText {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    /// Bytes written so far.
    private(set) var bytes = 0
    /// Segment terminators (`~`) written so far.
    private(set) var segments = 0

    /// Text going to `handle`.
    init(handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    /// Appends `text`.
    static func += (lhs: ChunkedText, rhs: String) {
        for b in rhs.utf8 {
            lhs.buffer.append(b)
            if b == UInt8(ascii: "~") { lhs.segments += 1 }
        }
        lhs.bytes += rhs.utf8.count
        if lhs.buffer.count >= 1 << 20 { lhs.flush() }
    }

    /// Writes what is buffered and closes the file.
    func close() throws {
        flush()
        try handle.close()
    }

    private func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
