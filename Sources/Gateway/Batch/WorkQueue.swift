import Foundation

/// The claimed files shared by the batch workers, and what they finished.
final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let names: [String]
    private var next = 0
    private var results: [FileResult] = []
    private var failure: (any Error)?

    init(_ names: [String]) { self.names = names }

    /// The next file, or `nil` when all are taken or one failed.
    func take() -> String? {
        lock.withLock {
            guard failure == nil, next < names.count else { return nil }
            next += 1
            return names[next - 1]
        }
    }

    /// Records a finished file; returns how many are finished.
    func finished(_ r: FileResult) -> Int {
        lock.withLock {
            results.append(r)
            return results.count
        }
    }

    /// Records the first failure (the others stop taking files).
    func fail(_ e: any Error) { lock.withLock { failure = failure ?? e } }

    /// The results, or the first failure.
    func outcome() throws -> [FileResult] {
        try lock.withLock {
            if let failure { throw failure }
            return results
        }
    }
}
