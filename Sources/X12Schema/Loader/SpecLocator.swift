import Foundation

/// Finds the `Specs/` directory: an explicit path (`--specs`), the `X12GATE_SPECS` environment variable,
/// `<executable dir>/../share/x12gate/Specs`, then the repository's `Specs/` (derived from this file's path).
///
/// ```swift
/// let dir = try SpecLocator.locate(explicit: options.specs)
/// ```
public enum SpecLocator {
    /// The environment variable that names the specs directory.
    public static let environmentVariable = "X12GATE_SPECS"

    /// The places looked at, in order (those that can be known), without checking them.
    public static func candidates(explicit: String? = nil,
                                  environment: [String: String] = ProcessInfo.processInfo.environment,
                                  executablePath: String? = Bundle.main.executablePath) -> [String] {
        var out: [String] = []
        if let explicit, !explicit.isEmpty { return [explicit] }
        if let env = environment[environmentVariable], !env.isEmpty { out.append(env) }
        if let exe = executablePath {
            let dir = URL(fileURLWithPath: exe).resolvingSymlinksInPath().deletingLastPathComponent()
            out.append(dir.appendingPathComponent("../share/x12gate/Specs").standardizedFileURL.path)
        }
        out.append(repositorySpecs)
        return out
    }

    /// The first candidate that holds `x12spec.xsd`; throws when none does.
    public static func locate(explicit: String? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment,
                              executablePath: String? = Bundle.main.executablePath) throws(SpecError) -> String {
        let list = candidates(explicit: explicit, environment: environment, executablePath: executablePath)
        for dir in list where FileManager.default.fileExists(atPath: dir + "/x12spec.xsd") { return dir }
        throw SpecError(path: list.first ?? "Specs",
                        message: "no specs directory found (looked in \(list.joined(separator: ", "))); use --specs or \(environmentVariable)")
    }

    /// `<repository>/Specs`, from the path this file was compiled at.
    public static var repositorySpecs: String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Loader
            .deletingLastPathComponent()  // X12Schema
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // repository
            .appendingPathComponent("Specs").path
    }
}
