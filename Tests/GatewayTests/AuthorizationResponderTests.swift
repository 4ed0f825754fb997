import AuthModel
import Foundation
import Testing
@testable import Gateway

@Suite struct AuthorizationResponderTests {
    typealias B = RequestBuilder
    let store: SQLiteGatewayStore
    let responder = AuthorizationResponder(clock: ResponderClock(today: RequestBuilder.today, time: "1000"))
    let meli = RequestBuilder.member("W100000001", "KAVORA", "MELI", "1984-03-09")

    init() throws { store = try GatewayTestSupport.referenceStore() }

    func answer(_ request: AuthorizationRequest) throws -> AuthorizationOutcome {
        try store.write { try responder.respond(to: request, in: $0) }
    }

    @Test func aReferralThatKeepsTheRulesIsCertifiedForOneYear() throws {
        let o = try answer(B.referral(meli, to: "2222222228"))
        #expect(o.trackingNumber == "20261125710000000001")
        let outcome = try #require(o.decision.outcome)
        #expect(outcome.action == .certifiedInTotal && outcome.authorizationNumber == o.trackingNumber)
        #expect(outcome.period.effective == DateRange(B.today, end: CalendarDate(year: 2027, month: 11, day: 24)))
        #expect(o.decision.event?.delivery?.quantity == 5)   // initial + 4 follow-ups for cardiology
        #expect(o.decision.event?.trackingNumbers.map(\.kind) == [.referenced, .current])
        #expect(o.decision.lines.first?.outcome?.action == .certifiedInTotal)
        #expect(o.decision.status == .approved && o.authorization?.status == "APPROVED")
        let stored = try #require(try store.read { try $0.authorization(trackingNumber: o.trackingNumber!) })
        #expect(stored.kind == "referral" && stored.certifiedQuantity == 5 && stored.action == "A1")
        let history = try store.read { try $0.history(authorizationID: stored.id!) }
        #expect(history.map(\.status) == ["REQUESTED", "APPROVED"])
        let visits = try store.read { try $0.activeReferrals(memberID: "W100000001", servicingNPI: "2222222228", diagnosis: "I209", on: "2027-06-01") }
        #expect(visits.map(\.visitsAllowed) == [5])
    }

    @Test(arguments: [
        ("3333333334", ["99203"], "14"),   // not contracted
        ("4444444440", ["99203"], "0C"),   // tertiary
        ("5555555551", ["99203"], "14"),   // pain management: not listed
        ("2222222228", ["99215"], "0G"),   // high level E/M code
        ("2222222228", ["29881"], "0G"),   // a procedure, not an E/M code
        ("1999999992", ["99203"], "14"),   // specialist not on file
    ] as [(String, [String], String)])
    func aReferralThatBreaksARuleIsCancelledWithTheReason(npi: String, codes: [String], reason: String) throws {
        let o = try answer(B.referral(meli, to: npi, codes: codes))
        #expect(o.decision.outcome?.action == .cancelled)
        #expect(o.decision.outcome?.reasonCodes == [reason])
        #expect(o.authorization?.status == "CANCELLED" && o.trackingNumber != nil)
    }

    @Test func medicareAdvantageReferralsCannotUseConsultationCodes() throws {
        let james = B.member("W100000002", "O'NEIL-SMITH", "JAMES")
        let consult = try answer(B.referral(james, to: "2222222228", codes: ["99242"]))
        #expect(consult.decision.outcome?.action == .cancelled && consult.decision.outcome?.reasonCodes == ["14"])
        let newPatient = try answer(B.referral(james, to: "2222222228", codes: ["99203"]))
        #expect(newPatient.decision.outcome?.action == .certifiedInTotal)
        // A commercial member may use a consultation code.
        #expect(try answer(B.referral(meli, to: "6666666667", codes: ["99242"])).decision.outcome?.action == .certifiedInTotal)
    }

    @Test func followUpsComeFromTheSpecialtyAliasesIncluded() throws {
        #expect(try answer(B.referral(meli, to: "8888888889")).decision.event?.delivery?.quantity == 5)    // ENT
        #expect(try answer(B.referral(meli, to: "6666666667")).decision.event?.delivery?.quantity == 11)   // endocrinology
        let pt = try answer(B.referral(meli, to: "7777777773", codes: [], visits: 20))                     // physical therapy: 1 + 2
        #expect(pt.decision.outcome?.action == .modified && pt.decision.event?.delivery?.quantity == 3)
    }

    @Test func aSecondReferralForTheSameDiagnosisIsADuplicateButANewDiagnosisIsNot() throws {
        _ = try answer(B.referral(meli, to: "2222222228"))
        let again = try answer(B.referral(meli, to: "2222222228"))
        #expect(again.decision.outcome?.action == .cancelled && again.decision.outcome?.reasonCodes == ["0Q"])
        let other = try answer(B.referral(meli, to: "2222222228", diagnosis: "I10"))
        #expect(other.decision.outcome?.action == .certifiedInTotal)
    }

    @Test func aMemberNotCoveredOnTheDateOfServiceIsRejectedNotDenied() throws {
        let o = try answer(B.referral(B.member("W100000003", "TRAN", "LINH"), to: "2222222228"))
        #expect(o.decision.isRejection && o.decision.outcome == nil)
        #expect(o.decision.subscriber?.rejections.map(\.reasonCode) == ["95"])
        #expect(o.trackingNumber == nil)
        #expect(try store.read { try $0.authorizations(AuthorizationFilter()) }.isEmpty)
    }

    @Test(arguments: [("W999999999", "KAVORA", "75"), ("W100000001", "SMITH", "73")])
    func unknownMembersAreRejected(id: String, last: String, code: String) throws {
        let o = try answer(B.authorization(B.member(id, last, "MELI")))
        #expect(o.decision.subscriber?.rejections.map(\.reasonCode) == [code] && o.trackingNumber == nil)
    }

    @Test func everythingElseIsPendedForReviewWithTheTrackingNumber() throws {
        let o = try answer(B.authorization(meli, serviceDate: "2026-12-10"))
        let outcome = try #require(o.decision.outcome)
        #expect(outcome.action == .pended && outcome.reasonCodes == ["0V"])
        #expect(outcome.administrativeReference == o.trackingNumber && outcome.authorizationNumber == o.trackingNumber)
        #expect(o.decision.responseStatus == .updatesToFollow)
        #expect(o.authorization?.status == "SYSTEM HOLD" && o.authorization?.priority == "standard")
        #expect(o.authorization?.serviceFrom == "2026-12-10")
        let history = try store.read { try $0.history(authorizationID: o.authorization!.id!) }
        #expect(history.map(\.status) == ["REQUESTED", "SYSTEM HOLD"])
    }

    @Test func expeditedAndRetrospectiveRequestsArePendedWithTheirPriority() throws {
        let urgent = try answer(B.authorization(meli, level: .urgent))
        #expect(urgent.decision.outcome?.action == .pended && urgent.authorization?.priority == "expedited")
        // Linh's coverage ended in 2024; a retrospective request for a date she was covered is accepted.
        let retro = try answer(B.authorization(B.member("W100000003", "TRAN", "LINH"), serviceDate: "2024-06-01"))
        #expect(retro.decision.outcome?.action == .pended && retro.authorization?.priority == "retrospective")
        let queue = try store.read { s in
            var f = AuthorizationFilter()
            f.priority = "expedited"
            return try s.authorizations(f)
        }
        #expect(queue.map(\.trackingNumber) == [urgent.trackingNumber!])
    }

    @Test func aCancelRequestCancelsTheEarlierAuthorization() throws {
        let first = try answer(B.authorization(meli))
        var cancel = B.authorization(meli)
        cancel.event.certificationType = .cancel
        cancel.event.previousAuthorizationNumber = first.trackingNumber
        let o = try answer(cancel)
        #expect(o.decision.outcome?.action == .cancelled)
        #expect(try store.read { try $0.authorization(trackingNumber: first.trackingNumber!)?.status } == "CANCELLED")
    }

    @Test func aReviewerApprovesModifiesOrDeniesAPendedRequest() throws {
        let reviewer = AuthorizationReviewer(clock: ResponderClock(today: B.today.adding(days: 2), time: "1400"))
        let a = try answer(B.authorization(meli)).trackingNumber!
        let approved = try store.write { try reviewer.decide(a, verdict: .approve, reasons: [], note: nil, reviewer: "rn.lee", in: $0) }
        #expect(approved.decision.outcome?.action == .certifiedInTotal)
        #expect(approved.decision.outcome?.period.expires == B.today.adding(days: 2 + 89))
        #expect(approved.decision.subscriber?.memberId == "W100000001")
        let history = try store.read { try $0.history(authorizationID: approved.authorization!.id!) }
        #expect(history.map(\.status) == ["REQUESTED", "SYSTEM HOLD", "APPROVED"] && history.last?.actor == "rn.lee")
        #expect(throws: AuthorizationReviewer.Refusal.self) {
            try store.write { try reviewer.decide(a, verdict: .deny, reasons: ["0F"], note: nil, reviewer: "rn.lee", in: $0) }
        }
        let b = try answer(B.authorization(meli)).trackingNumber!
        #expect(throws: AuthorizationReviewer.Refusal.self) {
            try store.write { try reviewer.decide(b, verdict: .deny, reasons: [], note: nil, reviewer: "rn.lee", in: $0) }
        }
        let denied = try store.write { try reviewer.decide(b, verdict: .deny, reasons: ["0F"], note: "criteria MCG A-0123", reviewer: "md.kim", in: $0) }
        #expect(denied.decision.outcome?.action == .notCertified && denied.authorization?.status == "DENIED")
        #expect(denied.authorization?.serviceFrom == nil && denied.authorization?.actionDate == B.today.adding(days: 2).description)
        let c = try answer(B.authorization(meli)).trackingNumber!
        let modified = try store.write {
            try reviewer.decide(c, verdict: .modify(quantity: 2, from: nil, to: B.today.adding(days: 30)), reasons: [], note: nil, reviewer: "rn.lee", in: $0)
        }
        #expect(modified.decision.outcome?.action == .modified && modified.authorization?.certifiedQuantity == 2)
        #expect(modified.authorization?.status == "APPROVED" && modified.authorization?.serviceTo == B.today.adding(days: 30).description)
    }
}
