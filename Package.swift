// swift-tools-version: 6.1
// x12gate — an EDI X12 gateway for HIPAA 5010 278 and 270/271.
//
// Layers, lowest first (a lower layer never imports a higher one):
//   X12 → X12Schema → (AuthModel) → X12Mapping → Gateway → x12gate
import PackageDescription

/// Large structs (a 278 request is 1.8 KB, a benefit 248 bytes) are moved, not copied: with Swift 6's
/// large-loadable-types register-to-memory pass, building such a value and handing it on made a dead copy of it
/// with a retain of every field, then destroyed the original (`x12bench mapping`: X12 → model JSON 65 → 73 MB/s
/// on 271, 60 → 66 on 278; the same output). Unsafe flags are allowed in a root package; a package that
/// depends on x12gate by version would have to drop this line. Only with the compiler it was measured on (6.3):
/// an older one may not know the option.
#if compiler(>=6.3)
let largeValues: [SwiftSetting] = [.unsafeFlags(["-Xfrontend", "-disable-large-loadable-types-reg2mem"])]
#else
let largeValues: [SwiftSetting] = []
#endif

let package = Package(
    name: "x12gate",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "x12gate", targets: ["x12gate"]),
        .executable(name: "x12bench", targets: ["x12bench"]),
        .library(name: "X12", targets: ["X12"]),
        .library(name: "X12Schema", targets: ["X12Schema"]),
        .library(name: "AuthModel", targets: ["AuthModel"]),
        .library(name: "X12Mapping", targets: ["X12Mapping"]),
        .library(name: "Gateway", targets: ["Gateway"]),
    ],
    dependencies: [
        // CLI parsing for `x12gate` and `x12bench`.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Structured logging without PHI.
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        // The embedded default store.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // libxml2, for the Specs/ loader, XSD validation and the XML conversion.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Bytes → segments → envelope events, and back. Standard library and Foundation only.
        .target(name: "X12"),
        // Implementation-guide specs, the streaming validator, findings, 999 and TA1.
        .target(name: "X12Schema", dependencies: ["X12", "CLibXML2"]),
        // The authorization and eligibility domain: no X12 inside.
        .target(name: "AuthModel"),
        // 270/271/278 ⇄ AuthModel, structural JSON/XML ⇄ X12, the test-data generator.
        .target(name: "X12Mapping", dependencies: ["X12", "X12Schema", "AuthModel", "CLibXML2"], swiftSettings: largeValues),
        // Store, reference data, responders, batch processor.
        .target(
            name: "Gateway",
            dependencies: [
                "X12", "X12Schema", "AuthModel", "X12Mapping",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The command: argument parsing, terminal output, exit codes.
        .executableTarget(
            name: "x12gate",
            dependencies: [
                "X12", "X12Schema", "AuthModel", "X12Mapping", "Gateway",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Benchmarks: run in release mode, never inside `swift test`.
        .executableTarget(
            name: "x12bench",
            dependencies: [
                "X12", "X12Schema", "AuthModel", "X12Mapping", "Gateway",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "X12Tests", dependencies: ["X12"]),
        .testTarget(name: "X12SchemaTests", dependencies: ["X12", "X12Schema"]),
        .testTarget(name: "AuthModelTests", dependencies: ["AuthModel"]),
        .testTarget(name: "X12MappingTests", dependencies: ["X12", "X12Schema", "AuthModel", "X12Mapping"]),
        .testTarget(name: "GatewayTests", dependencies: ["X12", "X12Schema", "AuthModel", "X12Mapping", "Gateway"]),
        .testTarget(name: "CLITests", dependencies: ["x12gate"]),
    ]
)
