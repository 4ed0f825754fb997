import AuthModel

/// Where the payload of a boxed (`indirect`) 278 case lies, so that the JSON writer reads it in place.
///
/// Binding the payload (`case .authorizationRequest(let v)`) copies it out of its box, retaining every string and
/// list it holds (about 1.8 KB and a few hundred references a request), and destroys the copy afterwards: the
/// optimizer cannot borrow it in place across the writer's calls. A `ModelTransaction` is one word: the reference
/// to the case's array storage or box, with the case in the high bits; a box is a heap object header (16 bytes)
/// followed by the payload. ``layoutHolds`` checks that reading once, on values whose heap references are unique
/// (a request's and a decision's trace time, a request's service lines): when it does not hold (another platform
/// or compiler), ``boxedPayload(_:)`` is nil and the writer binds the payload as before.
extension ModelTransaction {
    /// The payload of this `.authorizationRequest` or `.authorizationDecision` value inside its box, valid while
    /// the value is; nil when the layout was not confirmed. Only for those two cases.
    @inline(__always) func boxedPayload<T>(_: T.Type) -> UnsafePointer<T>? {
        guard Self.layoutHolds else { return nil }
        return Self.rawPayload(self)?.assumingMemoryBound(to: T.self)
    }

    @inline(__always) private static func rawPayload(_ t: ModelTransaction) -> UnsafeRawPointer? {
        guard MemoryLayout<ModelTransaction>.size == 8 else { return nil }
        let bits = unsafeBitCast(t, to: UInt.self)
        return UnsafeRawPointer(bitPattern: (bits & 0x00FF_FFFF_FFFF_FFF8) &+ 16)
    }

    /// Whether ``rawPayload(_:)`` finds, in a request and a decision made here, the unique heap references they
    /// hold at their fields' offsets.
    static let layoutHolds: Bool = {
        guard MemoryLayout<ModelTransaction>.size == 8 else { return false }
        let time = String(repeating: "1200", count: 10)   // a native string: a heap reference of its own
        let trace = TransactionTrace(purpose: .request, creationDate: CalendarDate(year: 2000, month: 1, day: 1),
                                     creationTime: time)
        let request = AuthorizationRequest(trace: trace, umo: Payer(), requester: Provider(), subscriber: Member(),
                                           event: PatientEvent(kind: .admissionReview), serviceLines: [ServiceLine()])
        let decision = AuthorizationDecision(trace: trace, umo: Payer())
        // both values kept alive while their boxes are read (a freed box's memory may be the next one's)
        let requestLine = ModelTransaction.authorizationRequest(request)
        let decisionLine = ModelTransaction.authorizationDecision(decision)
        return withExtendedLifetime((requestLine, decisionLine)) {
            guard let r = rawPayload(requestLine), let d = rawPayload(decisionLine),
                  let timeInRequest = MemoryLayout<AuthorizationRequest>.offset(of: \.trace.creationTime),
                  let linesInRequest = MemoryLayout<AuthorizationRequest>.offset(of: \.serviceLines),
                  let timeInDecision = MemoryLayout<AuthorizationDecision>.offset(of: \.trace.creationTime)
            else { return false }
            let timeBits = unsafeBitCast(time, to: (UInt64, UInt64).self)
            let linesBits = unsafeBitCast(request.serviceLines, to: UInt.self)
            func words(_ p: UnsafeRawPointer, _ at: Int) -> (UInt64, UInt64) {
                (p.loadUnaligned(fromByteOffset: at, as: UInt64.self), p.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self))
            }
            return words(r, timeInRequest) == timeBits && words(d, timeInDecision) == timeBits
                && r.loadUnaligned(fromByteOffset: linesInRequest, as: UInt.self) == linesBits
        }
    }()
}
