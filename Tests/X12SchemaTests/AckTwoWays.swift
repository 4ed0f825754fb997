import Foundation
import X12
@testable import X12Schema

/// A text acknowledged the in-memory way (one reading, the report held) and from its path (findings spooled),
/// with the same options and control numbers; the path way may stream its outcomes to `onEvent`.
struct AckTwoWays {
    var held: String
    var streamed: String
    var heldRun: AcknowledgmentRun
    var streamedRun: AcknowledgmentRun

    init(_ text: String, onEvent: ((AcknowledgmentEvent) -> Void)? = nil) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("two-ways-\(UUID().uuidString).x12").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let options = AcknowledgmentOptions(library: SchemaTestSupport.library, date: "20261125", time: "1200")
        let a = X12Writer.inMemory(), b = X12Writer.inMemory()
        heldRun = try Acknowledger(options: options, controlNumbers: SequentialControlNumbers(start: 1))
            .acknowledge(X12Reader(path: path), validator: Validator(library: SchemaTestSupport.library), to: a)
        streamedRun = try Acknowledger(options: options, controlNumbers: SequentialControlNumbers(start: 1))
            .acknowledge(path: path, validator: Validator(library: SchemaTestSupport.library), to: b, onEvent: onEvent)
        held = String(decoding: a.bytes, as: UTF8.self)
        streamed = String(decoding: b.bytes, as: UTF8.self)
    }
}
