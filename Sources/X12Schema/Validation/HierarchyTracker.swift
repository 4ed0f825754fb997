import X12

/// Follows the HL tree of one transaction set: HL01 unique, HL02 naming an earlier HL of an allowed parent level,
/// HL04 consistent with the children that actually follow. State is one small record per HL of the set.
struct HierarchyTracker {
    struct Problem {
        var code: String
        var element: Int
        var location: Location
        var value: String?
        var message: String
    }

    private struct Node {
        var level: String
        var childCode: String
        var hasChild: Bool
        var location: Location
    }

    private var nodes: [String: Node] = [:]
    private var order: [String] = []

    mutating func reset() {
        nodes.removeAll(keepingCapacity: true)
        order.removeAll(keepingCapacity: true)
    }

    /// Records an HL; `location` is the HL segment's location (loop set).
    mutating func add(_ seg: SegmentView, guide: GuideSpec, location: Location) -> [Problem] {
        var problems: [Problem] = []
        let id = seg.element(1).string
        let parent = seg.element(2).string
        let level = seg.element(3).string
        let child = seg.element(4).string
        if !id.isEmpty, nodes[id] != nil {
            problems.append(Problem(code: "7", element: 1, location: location, value: id, message: "HL01 \(id) is used by an earlier HL in this transaction set."))
        }
        if !parent.isEmpty {
            if parent == id {
                problems.append(Problem(code: "7", element: 2, location: location, value: parent, message: "HL02 names the HL itself as its parent."))
            } else if var p = nodes[parent] {
                if let lvl = guide.level(code: level), !lvl.parents.contains(p.level) {
                    let allowed = lvl.parents.isEmpty ? "none (top level)" : lvl.parents.joined(separator: ", ")
                    problems.append(Problem(code: "7", element: 2, location: location, value: parent,
                                            message: "An HL of level \(level) cannot hang under an HL of level \(p.level) (allowed parents: \(allowed))."))
                }
                if p.childCode == "0" {
                    problems.append(Problem(code: "7", element: 4, location: p.location, value: p.childCode,
                                            message: "HL04 says this HL has no children, but HL \(id) names it as parent."))
                }
                p.hasChild = true
                nodes[parent] = p
            } else {
                problems.append(Problem(code: "7", element: 2, location: location, value: parent,
                                        message: "HL02 \(parent) does not name an earlier HL in this transaction set."))
            }
        } else if let lvl = guide.level(code: level), !lvl.parents.isEmpty {
            // A missing HL02 on a level that needs a parent is reported by the element check (usage R).
        }
        if let lvl = guide.level(code: level), !lvl.mayHaveChildren, child == "1" {
            // Also caught by the guide's HL04 codes; keep one finding.
        }
        if !id.isEmpty && nodes[id] == nil {
            nodes[id] = Node(level: level, childCode: child, hasChild: false, location: location)
            order.append(id)
        }
        return problems
    }

    /// At the end of the set: every HL whose HL04 is `1` must have had a child.
    func finish() -> [Problem] {
        var problems: [Problem] = []
        for id in order {
            guard let n = nodes[id], n.childCode == "1", !n.hasChild else { continue }
            problems.append(Problem(code: "7", element: 4, location: n.location, value: "1",
                                    message: "HL04 says HL \(id) has children, but no HL names it as parent."))
        }
        return problems
    }
}
