extension ImplementationSupport {
    /// The groups, versions and transaction sets the loaded guides cover (acknowledgment guides, GS01 `FA`, left out:
    /// an acknowledgment is never acknowledged).
    public init(library: SpecLibrary) {
        var byGroup: [String: Entry] = [:]
        for g in library.guides where g.functionalGroupID != "FA" {
            var e = byGroup[g.functionalGroupID] ?? Entry(functionalID: g.functionalGroupID, versions: [], transactionSets: [])
            e.versions.insert(g.version)
            e.transactionSets.insert(g.transactionSetID)
            byGroup[g.functionalGroupID] = e
        }
        self.init(Array(byGroup.values))
    }
}

extension AcknowledgmentOptions {
    /// Options whose support table and IK402 element reference numbers come from the loaded guides.
    public init(library: SpecLibrary, date: String? = nil, time: String? = nil, usage: String? = nil) {
        var references: [String: [Int: String]] = [:]
        for guide in library.guides {
            for loop in guide.root.allLoops {
                for child in loop.children {
                    guard case .segment(let s) = child else { continue }
                    for e in s.elements { if let r = e.referenceNumber { references[s.tag, default: [:]][e.position] = r } }
                }
            }
        }
        let table = references
        self.init(date: date, time: time, support: ImplementationSupport(library: library), usage: usage,
                  elementReference: { segment, position in table[segment]?[position] })
    }
}
