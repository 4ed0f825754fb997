import Foundation
import X12Schema

/// Runs a guide validation of some bytes on a background thread; ``wait()`` returns its report.
final class ValidationJob: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var report: ValidationReport?
    private let started: Bool

    /// Starts validating `bytes` with `validator` (nothing when `validator` is `nil`).
    init(validator: Validator?, bytes: [UInt8], name: String) {
        started = validator != nil
        guard let validator else { return }
        let box = UncheckedBox(validator)
        Thread.detachNewThread { [self] in
            report = box.value.validate(bytes: bytes, name: name)
            done.signal()
        }
    }

    /// The report, once the validation has finished; `nil` when there was no validator.
    func wait() -> ValidationReport? {
        guard started else { return nil }
        done.wait()
        return report
    }
}

/// Hands a non-Sendable value to one other thread that alone uses it until it is done.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
