import Foundation
import Testing
import X12
import X12Schema
@testable import Gateway

/// The second thread the answers are written on: order kept, errors passed back, nothing lost at a drain.
@Suite struct SerialWorkerTests {
    final class Log: @unchecked Sendable {
        var values: [Int] = []
    }

    struct Refused: Error, Equatable {}

    @Test func jobsRunInTheOrderGivenAndADrainWaitsForAll() throws {
        let worker = SerialWorker(capacity: 3)
        defer { worker.close() }
        let log = Log()
        for i in 0..<500 { try worker.submit { log.values.append(i) } }
        try worker.drain()
        #expect(log.values == Array(0..<500))
    }

    @Test func aFailingJobStopsTheRestAndItsErrorComesBackAtTheDrain() throws {
        let worker = SerialWorker(capacity: 8)
        defer { worker.close() }
        let log = Log()
        let gate = DispatchSemaphore(value: 0)
        // Everything is queued before the first job ends.
        try worker.submit { gate.wait(); log.values.append(1) }
        try worker.submit { throw Refused() }
        try worker.submit { log.values.append(3) }
        gate.signal()
        #expect(throws: Refused.self) { try worker.drain() }
        #expect(log.values == [1])
        try worker.drain()
        try worker.submit { log.values.append(4) }
        try worker.drain()
        #expect(log.values == [1, 4])
    }

    @Test func aSpooledInterchangeGetsItsControlNumbersWhenEnveloped() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)").path
        let out = X12Writer.inMemory()
        do {
            let spool = try EnvelopeSpool(path: path)
            #expect(FileManager.default.fileExists(atPath: path))
            for (fid, n) in [("HB", 2), ("HI", 1)] {
                spool.beginGroup(GroupHeader(functionalID: fid, senderCode: "US", receiverCode: "THEM", date: "20261125", time: "1200",
                                             controlNumber: "", version: "005010X279A1"))
                for i in 1...n {
                    try spool.beginTransaction(id: "271", controlNumber: "000\(i)", implementationReference: "005010X279A1")
                    try spool.writer.write(Segment("BHT", [.init("0022"), .init("11")]))
                    try spool.writer.endTransaction()
                }
            }
            #expect(spool.transactionCount == 3)
            let numbers = SequentialControlNumbers(interchangeStart: 41, groupStart: 7)
            let control = try spool.envelope(into: out, interchange: { ISAFields(senderID: "US", receiverID: "THEM", date: "261125",
                                                                                 time: "1200", controlNumber: $0) },
                                             controlNumbers: numbers)
            #expect(control == 41 && spool.isEmpty)
            // Dropped whole: nothing of it is written.
            spool.beginGroup(GroupHeader(functionalID: "HB", senderCode: "US", receiverCode: "THEM", date: "20261125", time: "1200",
                                         controlNumber: "", version: "005010X279A1"))
            try spool.beginTransaction(id: "271", controlNumber: "0001")
            try spool.writer.endTransaction()
            try spool.empty()
            #expect(spool.isEmpty && spool.transactionCount == 0)
        }
        let text = String(decoding: out.bytes, as: UTF8.self)
        #expect(text.contains("*000000041*0*P*:~GS*HB*US*THEM*20261125*1200*7*X*005010X279A1~ST*271*0001*005010X279A1~"))
        #expect(text.hasSuffix("GE*2*7~GS*HI*US*THEM*20261125*1200*8*X*005010X279A1~ST*271*0001*005010X279A1~BHT*0022*11~SE*3*0001~GE*1*8~IEA*2*000000041~"))
        #expect(!FileManager.default.fileExists(atPath: path))   // the spool file goes with the spool
    }
}
