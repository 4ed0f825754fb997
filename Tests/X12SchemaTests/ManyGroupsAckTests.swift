import Foundation
import Testing
import X12
@testable import X12Schema

/// A file of hundreds of one-set functional groups (the groups' findings and GE01 wait on disk, the summary is
/// streamed): acknowledged from its path it gives the bytes and outcomes of the in-memory way.
@Suite struct ManyGroupsAckTests {
    static let groups = 400

    static let isa = "ISA*00*          *00*          *ZZ*CLINICSUBMIT01 *ZZ*PLANRECEIVER01 *261125*1200*^*00501*000000002*1*T*:~\n"

    /// Group `i` holds one 270: every fifth set has a bad EQ01, every 50th group a wrong GE01, group 77 repeats
    /// GS06 1, group 120 is an `FA` group, and a set outside any group follows group 200.
    static func text() -> String {
        var out = isa
        for i in 1...groups {
            let gs06 = i == 77 ? "1" : String(i)
            let id = i == 120 ? "FA" : "HS"
            out += "GS*\(id)*CLINICSUBMIT01*PLANRECEIVER01*20261125*1200*\(gs06)*X*005010X279A1~\n"
            out += set(i)
            out += "GE*\(i % 50 == 0 ? 2 : 1)*\(gs06)~\n"
            if i == 200 { out += set(9_999) }
        }
        return out + "IEA*\(groups)*000000002~\n"
    }

    static func set(_ i: Int) -> String {
        let body = ["BHT*0022*13*INQ\(i)*20261125*1200", "HL*1**20*1", "NM1*PR*2*COAST ALLIANCE*****PI*CAH02",
                    "HL*2*1*21*1", "NM1*1P*2*FENRENDO CLINIC*****XX*1901631774", "HL*3*2*22*0",
                    "TRN*1*INQ\(i)*9491554569", "NM1*IL*1*LIMIVAR*ZOPENE****MI*W815497537", "DMG*D8*19601011*F",
                    i % 5 == 0 ? "EQ*Z1" : "EQ*30"]
        return "ST*270*0001*005010X279A1~\n" + body.map { $0 + "~\n" }.joined() + "SE*\(body.count + 2)*0001~\n"
    }

    @Test func thePathWayMatchesTheInMemoryWay() throws {
        var events: [AcknowledgmentEvent] = []
        let two = try AckTwoWays(Self.text()), told = try AckTwoWays(Self.text(), onEvent: { events.append($0) })
        let (a, b, c) = (two.heldRun, two.streamedRun, told.streamedRun)
        #expect(two.streamed == two.held)
        #expect(told.streamed == two.held)

        // One TA1 (the set outside any group: 024), one 999 per group but the FA one; exact codes.
        let outcome = try #require(b.outcomes.first)
        #expect(b.outcomes.count == 1 && a.outcomes.count == 1)
        #expect(outcome.interchangeAcknowledgment?.code == "R" && outcome.interchangeAcknowledgment?.note == "024")
        #expect(outcome.interchangeAcknowledgment == a.outcomes[0].interchangeAcknowledgment)
        let acks = outcome.functionalAcknowledgments
        #expect(acks.isEmpty)   // a TA1 R: no 999
        #expect(acks.map(\.code) == a.outcomes[0].functionalAcknowledgments.map(\.code))
        #expect(acks.map(\.groupErrorCodes) == a.outcomes[0].functionalAcknowledgments.map(\.groupErrorCodes))

        // The streamed events say the same: the interchange first, then each 999; the run keeps no outcome.
        #expect(c.outcomes.isEmpty)
        guard case .interchange(let first)? = events.first else { Issue.record("no interchange told"); return }
        #expect(first.interchangeAcknowledgment == outcome.interchangeAcknowledgment)
        #expect(first.acknowledgmentControlNumber == outcome.acknowledgmentControlNumber)
        let groupEvents = events.dropFirst().compactMap { e -> FunctionalAcknowledgment? in
            if case .group(let g) = e { return g } else { return nil }
        }
        #expect(groupEvents == acks)
        #expect(events.count == 1 + acks.count)
    }

    /// Without the set outside any group: the 999s are due; group 77's repeated GS06 and the wrong GE01s show.
    @Test func groupFindingsComeBackFromTheSpool() throws {
        let two = try AckTwoWays(Self.text().replacingOccurrences(of: Self.set(9_999), with: ""))
        let (a, b) = (two.heldRun, two.streamedRun)
        #expect(two.streamed == two.held)
        #expect(a.outcomes.map(\.interchangeAcknowledgment) == b.outcomes.map(\.interchangeAcknowledgment))
        #expect(a.outcomes[0].functionalAcknowledgments.map { [$0.groupControlNumber, $0.code, "\($0.acceptedCount)/\($0.receivedCount)"] }
                == b.outcomes[0].functionalAcknowledgments.map { [$0.groupControlNumber, $0.code, "\($0.acceptedCount)/\($0.receivedCount)"] })
        let acks = try #require(b.outcomes.first?.functionalAcknowledgments)
        #expect(acks.count == Self.groups - 1)
        #expect(acks.filter { $0.groupErrorCodes.contains("19") }.map(\.groupControlNumber) == ["1"])
        #expect(acks.filter { $0.groupErrorCodes.contains("5") }.count == Self.groups / 50)
        // Every fifth set rejected, less the FA group, and group 77 (its GS06 repeats group 1's).
        #expect(acks.filter { $0.code == "R" }.count == Self.groups / 5 - 1 + 1)
        #expect(two.streamed.components(separatedBy: "AK1*HS*").count - 1 == Self.groups - 1)
    }

    /// The 999 stream keeping one outcome per interchange (the worst 999) writes the same bytes.
    @Test func theStreamKeepsTheWorstOutcomeOnly() throws {
        let bytes = Array(Self.text().replacingOccurrences(of: Self.set(9_999), with: "").utf8)
        var written: [String] = []
        var kept: [[String]] = []
        for every in [true, false] {
            let stream = try AcknowledgmentStream(options: AcknowledgmentOptions(library: SchemaTestSupport.library, date: "20261125", time: "1200"))
            stream.keepsEveryGroupOutcome = every
            let out = X12Writer.inMemory(), numbers = SequentialControlNumbers(start: 1)
            let reader = X12Reader(bytes: bytes, name: "t")
            while let event = try reader.next() {
                stream.consume(event, from: reader)
                if let done = stream.takeCompleted() {
                    kept.append(try stream.write(done, to: out, controlNumbers: numbers).functionalAcknowledgments.map(\.code))
                }
            }
            try out.flush()
            written.append(String(decoding: out.bytes, as: UTF8.self))
        }
        #expect(written[0] == written[1])
        #expect(kept[0].count == Self.groups - 1 && kept[0].contains("R"))
        #expect(kept[1] == ["R"])
    }

    /// Many interchanges (their findings and shapes wait on disk too): one of only an `FA` group (nothing due), one
    /// with a set outside any group (TA1 `024`), one with a wrong IEA01; the same bytes and TA1s as the in-memory way.
    @Test func manyInterchangesComeBackFromTheSpool() throws {
        var text = ""
        for i in 1...60 {
            let ctl = String(format: "%09d", i)
            text += Self.isa.replacingOccurrences(of: "000000002", with: ctl)
            text += "GS*\(i == 5 ? "FA" : "HS")*CLINICSUBMIT01*PLANRECEIVER01*20261125*1200*\(i)*X*005010X279A1~\n" + Self.set(i) + "GE*1*\(i)~\n"
            if i == 9 { text += Self.set(9_999) }
            text += "IEA*\(i == 12 ? 3 : 1)*\(ctl)~\n"
        }
        let two = try AckTwoWays(text)
        #expect(two.streamed == two.held)
        #expect(two.streamedRun.outcomes.map(\.interchangeAcknowledgment) == two.heldRun.outcomes.map(\.interchangeAcknowledgment))
        #expect(two.streamedRun.outcomes.map(\.acknowledgmentControlNumber) == two.heldRun.outcomes.map(\.acknowledgmentControlNumber))
        #expect(two.streamedRun.outcomes.count == 60)
        #expect(two.streamedRun.outcomes[4].acknowledgmentControlNumber == nil)
        #expect(two.streamedRun.outcomes[8].interchangeAcknowledgment?.note == "024")
        #expect(two.streamedRun.outcomes[11].interchangeAcknowledgment?.note == "021")
    }
}
