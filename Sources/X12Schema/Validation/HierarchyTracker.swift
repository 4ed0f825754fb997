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

    /// The HLs of the set in order of first appearance, and where each HL01 is in `nodes`.
    private var nodes: [Node] = []
    private var index: [String: Int] = [:]
    private var order: [String] = []

    mutating func reset() {
        if !nodes.isEmpty {
            nodes.removeAll(keepingCapacity: true)
            index.removeAll(keepingCapacity: true)
            order.removeAll(keepingCapacity: true)
        }
    }

    /// Records an HL; `location` is the HL segment's location (loop set).
    mutating func add(_ seg: SegmentView, guide: GuideSpec, location: Location) -> [Problem] {
        var problems: [Problem] = []
        let id = seg.element(1).string
        let parent = seg.element(2).string
        let level = seg.element(3).string
        let child = seg.element(4).string
        let known = id.isEmpty ? nil : index[id]
        let lvl = guide.level(code: level)
        if known != nil {
            problems.append(Problem(code: "7", element: 1, location: location, value: id, message: "HL01 \(id) is used by an earlier HL in this transaction set."))
        }
        if !parent.isEmpty {
            if parent == id {
                problems.append(Problem(code: "7", element: 2, location: location, value: parent, message: "HL02 names the HL itself as its parent."))
            } else if let pi = index[parent] {
                let parentLevel = nodes[pi].level
                if let lvl, !lvl.parents.contains(parentLevel) {
                    let allowed = lvl.parents.isEmpty ? "none (top level)" : lvl.parents.joined(separator: ", ")
                    problems.append(Problem(code: "7", element: 2, location: location, value: parent,
                                            message: "An HL of level \(level) cannot hang under an HL of level \(parentLevel) (allowed parents: \(allowed))."))
                }
                if nodes[pi].childCode == "0" {
                    problems.append(Problem(code: "7", element: 4, location: nodes[pi].location, value: nodes[pi].childCode,
                                            message: "HL04 says this HL has no children, but HL \(id) names it as parent."))
                }
                nodes[pi].hasChild = true
            } else {
                problems.append(Problem(code: "7", element: 2, location: location, value: parent,
                                        message: "HL02 \(parent) does not name an earlier HL in this transaction set."))
            }
        } else if let lvl, !lvl.parents.isEmpty {
            // A missing HL02 on a level that needs a parent is reported by the element check (usage R).
        }
        if let lvl, !lvl.mayHaveChildren, child == "1" {
            // Also caught by the guide's HL04 codes; keep one finding.
        }
        if !id.isEmpty && known == nil {
            index[id] = nodes.count
            nodes.append(Node(level: level, childCode: child, hasChild: false, location: location))
            order.append(id)
        }
        return problems
    }

    /// At the end of the set: every HL whose HL04 is `1` must have had a child.
    func finish() -> [Problem] {
        var problems: [Problem] = []
        for (i, id) in order.enumerated() {
            let n = nodes[i]
            guard n.childCode == "1", !n.hasChild else { continue }
            problems.append(Problem(code: "7", element: 4, location: n.location, value: "1",
                                    message: "HL04 says HL \(id) has children, but no HL names it as parent."))
        }
        return problems
    }
}
