import Foundation
@testable import Gateway

/// Paths and fresh stores for the gateway tests.
enum GatewayTestSupport {
    /// `TestData/gateway/`.
    static let dataDirectory: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("TestData/gateway")

    /// The repository root.
    static var repository: URL { dataDirectory.deletingLastPathComponent().deletingLastPathComponent() }

    /// The text of a file under `TestData/gateway/`.
    static func text(_ name: String) throws -> String {
        try String(contentsOf: dataDirectory.appendingPathComponent(name), encoding: .utf8)
    }

    /// A fresh empty directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("x12gate-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A fresh store in a temporary directory.
    static func emptyStore() throws -> SQLiteGatewayStore {
        try SQLiteGatewayStore(path: temporaryDirectory().appendingPathComponent("test.sqlite").path)
    }

    /// A fresh store with `members.csv`, `providers.csv` and `benefits.csv` imported.
    static func referenceStore() throws -> SQLiteGatewayStore {
        let store = try emptyStore()
        let importer = ReferenceDataImporter(store: store)
        _ = try importer.importProviders(text: text("providers.csv"))
        _ = try importer.importMembers(text: text("members.csv"))
        _ = try importer.importBenefits(text: text("benefits.csv"))
        return store
    }
}
