import Foundation

/// Runs jobs one after the other, in the order given, on one background thread of its own: the batch processor
/// encodes and writes its answers there while the calling thread reads, maps and answers the next sets (the
/// machine's second core). At most `capacity` jobs wait; ``submit(_:)`` blocks when they do.
///
/// The first job that throws stops the worker: later jobs are dropped and the error is thrown by the next
/// ``submit(_:)`` or ``drain()``. The thread starts with the first job and ends with ``close()``.
final class SerialWorker: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [() throws -> Void] = []
    private var running = false
    private var started = false
    private var closed = false
    private var failure: (any Error)?
    private let capacity: Int

    /// A worker holding at most `capacity` waiting jobs.
    init(capacity: Int = 64) {
        self.capacity = max(1, capacity)
    }

    /// Queues `job`; blocks while `capacity` jobs wait. Throws the error of an earlier job.
    func submit(_ job: @escaping () throws -> Void) throws {
        condition.lock()
        defer { condition.unlock() }
        while jobs.count >= capacity && failure == nil { condition.wait() }
        if let failure { throw failure }
        jobs.append(job)
        if !started {
            started = true
            Thread.detachNewThread { [self] in loop() }
        }
        condition.broadcast()
    }

    /// Waits until every queued job has run; throws (once) the error of a job that failed.
    func drain() throws {
        condition.lock()
        defer { condition.unlock() }
        while !jobs.isEmpty || running { condition.wait() }
        if let f = failure {
            failure = nil
            throw f
        }
    }

    /// Lets the thread end once the queued jobs have run.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func loop() {
        condition.lock()
        while true {
            while jobs.isEmpty && !closed { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            let skip = failure != nil
            running = true
            condition.broadcast()
            condition.unlock()
            var error: (any Error)?
            if !skip {
                do { try job() } catch let e { error = e }
            }
            condition.lock()
            if let error, failure == nil { failure = error }
            running = false
            condition.broadcast()
        }
    }
}
