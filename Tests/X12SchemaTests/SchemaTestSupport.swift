import Foundation
import X12
@testable import X12Schema

/// Shared helpers for the X12Schema tests: the repository root, the loaded specs, a finding's short form.
enum SchemaTestSupport {
    /// The repository root, from this file's path.
    static let repository: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The specs, loaded once (XSD-checked).
    static let library: SpecLibrary = {
        do { return try SpecLibrary.load(directory: repository + "/Specs") } catch { fatalError("specs do not load: \(error)") }
    }()

    /// `CODE POSITION SEGMENT LOOP ELEMENT[-COMPONENT]`, `-` for what is not set.
    static func projection(_ f: Finding) -> String {
        let l = f.location
        var element = l.elementPosition.map(String.init) ?? "-"
        if let c = l.componentPosition { element += "-\(c)" }
        return "\(f.code) \(l.segmentPosition.map(String.init) ?? "-") \(l.segmentID ?? "-") \(l.loopID ?? "-") \(element)"
    }
}
