import AuthModel
import Foundation
import X12
import X12Mapping

/// Records a reviewer's decision and writes its 278 response to the outbox (`<tracking>-<n>.278`), addressed to
/// the partner that sent the request.
public struct AuthorizationDecisionPublisher: Sendable {
    /// Where the response goes.
    public var outbox: String
    /// The site digits of our trace numbers.
    public var site: Int
    /// The processing date and time.
    public var clock: ResponderClock
    /// The codec that writes the 278.
    public var codec: any TransactionCodec

    /// A publisher.
    public init(outbox: String, site: Int = 7100, clock: ResponderClock = .now, codec: any TransactionCodec = MappingTransactionCodec()) {
        self.outbox = outbox
        self.site = site
        self.clock = clock
        self.codec = codec
    }

    /// Decides, writes the response (temporary name, then rename) and returns its path. The store change and the
    /// file are made in one transaction: if the file cannot be written, the decision is not recorded.
    public func decide(_ tracking: String, verdict: AuthorizationReviewer.Verdict, reasons: [String], note: String?,
                       reviewer: String, store: any GatewayStore) throws -> String {
        try FileManager.default.createDirectory(atPath: outbox, withIntermediateDirectories: true)
        let reviewerLogic = AuthorizationReviewer(clock: clock, site: site)
        return try store.write { session in
            let outcome = try reviewerLogic.decide(tracking, verdict: verdict, reasons: reasons, note: note, reviewer: reviewer, in: session)
            let record = outcome.authorization!
            let decisions = try session.history(authorizationID: record.id!).filter { $0.action != nil }.count
            let partner = Self.split(record.partner ?? "ZZ:UNKNOWN"), us = Self.split(record.receiver ?? "ZZ:X12GATE")
            let writer = X12Writer.inMemory(suffix: .lf)
            let numbers = StoreControlNumbers(session: session)
            _ = try OutboundInterchange(senderQualifier: us.0, senderID: us.1, receiverQualifier: partner.0, receiverID: partner.1,
                                        date: clock.today.compact, time: clock.time, usage: "P")
                .write([(senderCode: us.1, receiverCode: partner.1, model: .authorizationDecision(outcome.decision))],
                       to: writer, numbers: numbers, codec: codec)
            try numbers.check()
            let name = "\(tracking)-\(decisions).278"
            let temp = outbox + "/" + FileOutput.temporaryName(name)
            try BatchProcessor.writeDurably(writer.bytes, to: temp)
            guard rename(temp, outbox + "/" + name) == 0 else { throw BatchError("cannot rename \(temp)") }
            return outbox + "/" + name
        }
    }

    private static func split(_ s: String) -> (String, String) {
        let parts = s.split(separator: ":", maxSplits: 1).map(String.init)
        return parts.count == 2 ? (parts[0], parts[1]) : ("ZZ", s)
    }
}
