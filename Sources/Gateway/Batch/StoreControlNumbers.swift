import X12Schema

/// Our outbound ISA13 and GS06, from the store's counters `isa13` and `gs06` (1 … 999 999 999, then again 1).
///
/// ``ControlNumberSource`` cannot throw: a store error is kept in ``error`` and the caller rethrows it.
final class StoreControlNumbers: ControlNumberSource {
    let session: any GatewaySession
    private(set) var error: (any Error)?

    init(session: any GatewaySession) { self.session = session }

    func nextInterchangeControlNumber() -> Int { next("isa13") }
    func nextGroupControlNumber() -> Int { next("gs06") }

    private func next(_ name: String) -> Int {
        do {
            return Int((try session.nextValue(name) - 1) % 999_999_999) + 1
        } catch {
            self.error = error
            return 1
        }
    }

    /// Rethrows a store error met while handing out numbers.
    func check() throws { if let error { throw error } }
}
