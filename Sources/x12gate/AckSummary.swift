#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import X12
import X12Schema

/// The summary `x12gate ack` prints on standard error (one line per received interchange, naming each group's 999),
/// written to a hidden temporary file as the acknowledgments are written and copied out at the end: the memory holds
/// counters, not one entry per group or interchange.
final class AckSummary {
    private let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var lineOpen = false
    private var failed = false
    /// Interchanges told.
    private(set) var interchanges = 0
    /// `false` once a TA1 or a 999 is not `A`.
    private(set) var allAccepted = true

    /// A summary file in `TMPDIR` (else `/tmp`), unlinked at once.
    init() throws {
        let file = try TemporaryFile(prefix: "summary")
        path = file.path
        fd = file.descriptor
    }

    deinit { close(fd) }

    /// Adds what the acknowledger told.
    func handle(_ event: AcknowledgmentEvent) {
        switch event {
        case .interchange(let o):
            interchanges += 1
            if lineOpen { put("\n") }
            lineOpen = true
            put("interchange \(o.interchangeControlNumber):")
            if let ta1 = o.interchangeAcknowledgment {
                put(" TA1 \(ta1.code) \(ta1.note)")
                if ta1.code != "A" { allAccepted = false }
            }
            if o.acknowledgmentControlNumber == nil { put(" nothing due (an acknowledgment)") }
        case .group(let ack):
            put(" 999 for group \(ack.groupControlNumber) \(ack.code) (\(ack.acceptedCount)/\(ack.receivedCount) accepted)")
            if ack.code != "A" { allAccepted = false }
        }
    }

    /// Writes the lines for the findings outside any interchange, then the interchanges' lines (or "no interchange
    /// found"), to standard error.
    func print(unattached: [Finding]) {
        var head = ""
        for f in unattached { head += "outside any interchange: \(f.code) at line \(f.location.line): \(f.message)\n" }
        if interchanges == 0 && unattached.isEmpty { head += "no interchange found\n" }
        if lineOpen { put("\n") }
        flush()
        FileHandle.standardError.write(Data(head.utf8))
        guard !failed, lseek(fd, 0, SEEK_SET) == 0 else { return }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            FileHandle.standardError.write(Data(chunk[0..<n]))
        }
    }

    private func put(_ s: String) {
        buffer += s.utf8
        if buffer.count >= 1 << 16 { flush() }
    }

    private func flush() {
        var off = 0
        while off < buffer.count && !failed {
            let n = buffer.withUnsafeBytes { write(fd, $0.baseAddress! + off, $0.count - off) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { failed = true } else { off += n }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
