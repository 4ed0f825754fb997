import GRDB

/// The store's schema, as named migrations. A migration that has shipped is never edited: change the schema by
/// appending a new one.
public enum StoreMigrations {
    /// The migrator with every migration, in order.
    public static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-reference-data") { db in
            try db.create(table: "tradingPartner") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("qualifier", .text).notNull()
                t.column("senderID", .text).notNull()
                t.column("name", .text).notNull()
                t.column("firstSeen", .text).notNull()
                t.uniqueKey(["qualifier", "senderID"])
            }
            try db.create(table: "member") { t in
                t.primaryKey("memberID", .text)
                t.column("lastName", .text).notNull()
                t.column("firstName", .text).notNull()
                t.column("birthDate", .text).notNull()
                t.column("gender", .text).notNull()
                t.column("pcpNPI", .text)
                t.column("pcpName", .text)
                t.column("medicalGroup", .text)
                t.column("subscriberID", .text).indexed()
                t.column("relationship", .text)
            }
            try db.create(table: "coverage") { t in
                t.column("memberID", .text).notNull().references("member", onDelete: .cascade)
                t.column("planID", .text).notNull()
                t.column("planName", .text).notNull()
                t.column("lineOfBusiness", .text).notNull()
                t.column("start", .text).notNull()
                t.column("end", .text)
                t.primaryKey(["memberID", "planID", "start"])
            }
            try db.create(table: "benefit") { t in
                t.column("planID", .text).notNull()
                t.column("serviceType", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("coverageLevel", .text).notNull()
                t.column("network", .text).notNull()
                t.column("timePeriod", .text).notNull()
                t.column("amount", .text)
                t.column("percent", .text)
                t.column("quantity", .text)
                t.column("authorizationRequired", .boolean).notNull()
                t.column("note", .text)
                t.primaryKey(["planID", "serviceType", "kind", "coverageLevel", "network", "timePeriod"])
            }
            try db.create(table: "provider") { t in
                t.primaryKey("npi", .text)
                t.column("name", .text).notNull()
                t.column("specialty", .text).notNull()
                t.column("contracted", .boolean).notNull()
                t.column("tertiary", .boolean).notNull()
            }
            try db.create(table: "counter") { t in
                t.primaryKey("name", .text)
                t.column("value", .integer).notNull()
            }
        }
        m.registerMigration("v1-files-and-interchanges") { db in
            try db.create(table: "receivedFile") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().indexed()
                t.column("contentHash", .text).notNull()
                t.column("size", .integer).notNull()
                t.column("state", .text).notNull()
                t.column("outcome", .text).notNull()
                t.column("outputs", .text).notNull()
                t.column("destination", .text).notNull()
                t.column("transactions", .integer).notNull()
                t.column("accepted", .integer).notNull()
                t.column("rejected", .integer).notNull()
                t.column("processedAt", .text).notNull()
                t.column("doneAt", .text)
            }
            try db.create(table: "interchange") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("fileID", .integer).references("receivedFile")
                t.column("senderQualifier", .text).notNull()
                t.column("senderID", .text).notNull()
                t.column("receiverID", .text).notNull()
                t.column("controlNumber", .text).notNull()
                t.column("receivedAt", .text).notNull()
                t.uniqueKey(["senderQualifier", "senderID", "controlNumber"])
            }
            try db.create(table: "acknowledgment") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("fileID", .integer).references("receivedFile")
                t.column("kind", .text).notNull()
                t.column("interchangeControlNumber", .text).notNull()
                t.column("answersControlNumber", .text).notNull()
                t.column("result", .text).notNull()
                t.column("outputName", .text).notNull()
                t.column("sentAt", .text).notNull()
            }
        }
        m.registerMigration("v1-authorizations") { db in
            try db.create(table: "authorization") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("trackingNumber", .text).notNull().unique()
                t.column("fileID", .integer).references("receivedFile")
                t.column("partner", .text)
                t.column("receiver", .text)
                t.column("kind", .text).notNull()
                t.column("memberID", .text).notNull().indexed()
                t.column("requestingNPI", .text)
                t.column("servicingNPI", .text).indexed()
                t.column("priority", .text).notNull()
                t.column("status", .text).notNull()
                t.column("action", .text).notNull()
                t.column("reasons", .text).notNull()
                t.column("diagnosis", .text)
                t.column("procedure", .text)
                t.column("requestedAt", .text).notNull().indexed()
                t.column("actionDate", .text)
                t.column("serviceFrom", .text)
                t.column("serviceTo", .text)
                t.column("certifiedQuantity", .integer)
                t.column("requestJSON", .text).notNull()
                t.column("decisionJSON", .text).notNull()
            }
            try db.create(table: "authorizationStatus") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("authorizationID", .integer).notNull().indexed().references("authorization", onDelete: .cascade)
                t.column("status", .text).notNull()
                t.column("action", .text)
                t.column("at", .text).notNull()
                t.column("actor", .text).notNull()
                t.column("reasons", .text).notNull()
                t.column("note", .text)
            }
            try db.create(table: "referralVisit") { t in
                t.primaryKey("trackingNumber", .text)
                t.column("memberID", .text).notNull()
                t.column("servicingNPI", .text).notNull()
                t.column("diagnosis", .text).notNull()
                t.column("visitsAllowed", .integer).notNull()
                t.column("visitsUsed", .integer).notNull()
                t.column("validFrom", .text).notNull()
                t.column("validTo", .text).notNull()
            }
            try db.create(index: "referralVisit_member", on: "referralVisit", columns: ["memberID", "servicingNPI", "diagnosis"])
        }
        return m
    }
}
