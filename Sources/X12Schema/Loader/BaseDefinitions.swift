/// The base standard as read from `dictionary.xml` and `segments.xml`, before a guide narrows it.
struct BaseDefinitions: Sendable {
    struct Component: Sendable {
        let position: Int
        let element: ElementDefinition
        let requirement: Requirement
        let name: String?
    }

    struct Composite: Sendable {
        let id: String
        let name: String
        let components: [Component]
        let rules: [SyntaxRule]
    }

    struct SegmentElement: Sendable {
        let position: Int
        let element: ElementDefinition?
        let composite: Composite?
        let requirement: Requirement
        let maxRepeat: Int
        let name: String?
    }

    struct Segment: Sendable {
        let id: String
        let name: String
        let elements: [SegmentElement]
        let rules: [SyntaxRule]
    }

    var elements: [String: ElementDefinition] = [:]
    var composites: [String: Composite] = [:]
    var segments: [String: Segment] = [:]
}
