import GRDB

/// ``GatewaySession`` over one GRDB database connection; hot lookups use cached statements.
struct SQLiteGatewaySession: GatewaySession {
    let db: Database

    func member(_ memberID: String) throws -> MemberRecord? {
        try MemberRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM member WHERE memberID = ?"), arguments: [memberID])
    }

    func dependents(subscriberID: String) throws -> [MemberRecord] {
        try MemberRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM member WHERE subscriberID = ?"), arguments: [subscriberID])
    }

    func coverages(memberID: String) throws -> [CoverageRecord] {
        try CoverageRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM coverage WHERE memberID = ? ORDER BY start DESC"),
                                    arguments: [memberID])
    }

    func benefits(planID: String) throws -> [BenefitRecord] {
        try BenefitRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM benefit WHERE planID = ? ORDER BY serviceType, kind, network, coverageLevel, timePeriod"),
                                   arguments: [planID])
    }

    func provider(npi: String) throws -> ProviderRecord? {
        try ProviderRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM provider WHERE npi = ?"), arguments: [npi])
    }

    func beginSavepoint(_ name: String) throws { try db.execute(sql: "SAVEPOINT \(name)") }

    func endSavepoint(_ name: String, keep: Bool) throws {
        if !keep { try db.execute(sql: "ROLLBACK TO SAVEPOINT \(name)") }
        try db.execute(sql: "RELEASE SAVEPOINT \(name)")
    }

    func save(_ member: MemberRecord) throws { try member.upsert(db) }
    func save(_ coverage: CoverageRecord) throws { try coverage.upsert(db) }
    func save(_ benefit: BenefitRecord) throws { try benefit.upsert(db) }
    func save(_ provider: ProviderRecord) throws { try provider.upsert(db) }

    func referenceCounts() throws -> (members: Int, coverages: Int, benefits: Int, providers: Int) {
        (try MemberRecord.fetchCount(db), try CoverageRecord.fetchCount(db), try BenefitRecord.fetchCount(db),
         try ProviderRecord.fetchCount(db))
    }

    func nextValue(_ name: String) throws -> Int64 {
        try db.execute(sql: "INSERT INTO counter(name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1",
                       arguments: [name])
        return try Int64.fetchOne(db, sql: "SELECT value FROM counter WHERE name = ?", arguments: [name]) ?? 1
    }

    func partner(qualifier: String, senderID: String, at: String) throws -> TradingPartnerRecord {
        if let p = try TradingPartnerRecord.filter(Column("qualifier") == qualifier && Column("senderID") == senderID).fetchOne(db) {
            return p
        }
        var p = TradingPartnerRecord(qualifier: qualifier, senderID: senderID, name: senderID, firstSeen: at)
        try p.insert(db)
        return p
    }

    func interchange(senderQualifier: String, senderID: String, controlNumber: String) throws -> InterchangeRecord? {
        try InterchangeRecord.filter(Column("senderQualifier") == senderQualifier && Column("senderID") == senderID
                                     && Column("controlNumber") == controlNumber).fetchOne(db)
    }

    func insert(_ interchange: inout InterchangeRecord) throws { try interchange.insert(db) }
    func insert(_ file: inout ReceivedFileRecord) throws { try file.insert(db) }
    func update(_ file: ReceivedFileRecord) throws { try file.update(db) }

    func unfinishedFile(name: String, contentHash: String) throws -> ReceivedFileRecord? {
        try ReceivedFileRecord.filter(Column("name") == name && Column("contentHash") == contentHash && Column("state") != "done")
            .order(Column("id").desc).fetchOne(db)
    }

    func unfinishedFiles() throws -> [ReceivedFileRecord] {
        try ReceivedFileRecord.filter(Column("state") != "done").order(Column("id")).fetchAll(db)
    }

    func insert(_ acknowledgment: inout AcknowledgmentRecord) throws { try acknowledgment.insert(db) }
    func insert(_ authorization: inout AuthorizationRecord) throws { try authorization.insert(db) }
    func update(_ authorization: AuthorizationRecord) throws { try authorization.update(db) }
    func append(_ status: inout AuthorizationStatusRecord) throws { try status.insert(db) }

    func authorization(trackingNumber: String) throws -> AuthorizationRecord? {
        try AuthorizationRecord.filter(Column("trackingNumber") == trackingNumber).fetchOne(db)
    }

    func authorizations(_ f: AuthorizationFilter) throws -> [AuthorizationRecord] {
        var q = AuthorizationRecord.all()
        if let v = f.trackingNumber { q = q.filter(Column("trackingNumber") == v) }
        if let v = f.memberID { q = q.filter(Column("memberID") == v) }
        if let v = f.providerNPI { q = q.filter(Column("requestingNPI") == v || Column("servicingNPI") == v) }
        if let v = f.status { q = q.filter(Column("status") == v.uppercased()) }
        if let v = f.priority { q = q.filter(Column("priority") == v.lowercased()) }
        if let v = f.requestedFrom { q = q.filter(Column("requestedAt") >= v) }
        if let v = f.requestedTo { q = q.filter(Column("requestedAt") < v + "T99") }
        if let v = f.actionFrom { q = q.filter(Column("actionDate") >= v) }
        if let v = f.actionTo { q = q.filter(Column("actionDate") <= v) }
        if let v = f.expiresFrom { q = q.filter(Column("serviceTo") >= v) }
        if let v = f.expiresTo { q = q.filter(Column("serviceTo") <= v) }
        return try q.order(Column("id").desc).limit(f.limit).fetchAll(db)
    }

    func history(authorizationID: Int64) throws -> [AuthorizationStatusRecord] {
        try AuthorizationStatusRecord.filter(Column("authorizationID") == authorizationID).order(Column("id")).fetchAll(db)
    }

    func save(_ visits: ReferralVisitRecord) throws { try visits.upsert(db) }

    func activeReferrals(memberID: String, servicingNPI: String, diagnosis: String, on day: String) throws -> [ReferralVisitRecord] {
        try ReferralVisitRecord.filter(Column("memberID") == memberID && Column("servicingNPI") == servicingNPI
                                       && Column("diagnosis") == diagnosis && Column("validFrom") <= day && Column("validTo") >= day)
            .fetchAll(db)
    }
}
