/// Lint checks on values that name a provision or an instrument of the law.
extension ClauseGraph {
    /// What a field's values name, where the request reader reads them as ids of the law: the
    /// claims listed with an item's licences are provision ids, a request's instruments instrument ids.
    public enum IdKind: Sendable { case provision, instrument }

    /// A `<has>` that tests a set read as ids for a value that is no such id never holds: the
    /// reader keeps only ids the law has. A misspelt claim (`us.ai-diffusion.4e091.note-2` for
    /// `…note2`) passed, and a cure then told the exporter to list it (authoring QA 2026-12-07, M2).
    /// Exceptions' other readings too, which reports give.
    func lintIdValues(_ idValuedFields: [String: IdKind]) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let sites = conditionSites + norms.flatMap { norm in norm.otherReadings.map { ConditionSite(condition: $0.condition, owner: $0.id, provisionID: norm.provisionID) } }
            + ruleOrder.flatMap { id in rules[id]!.otherReadings.map { ConditionSite(condition: $0.condition, owner: $0.id, provisionID: rules[id]!.provisionID) } }
        for site in sites {
            site.condition.visitAtoms { atom in
                guard case .contains(let fact, .values(let values), let location) = atom, let declared = facts[fact],
                      let kind = idValuedFields[declared.suppliedBy] else { return }
                for value in values {
                    let known = kind == .provision ? provisions[value] != nil : instruments[value] != nil
                    guard !known else { continue }
                    let what = kind == .provision ? "provision" : "instrument"
                    findings.append(Diagnostic(.error, "'\(value)' is no \(what) id of the law loaded: '\(fact)' holds \(what) ids ('\(declared.suppliedBy)' is read so), so this never holds",
                                               at: location, subject: site.provisionID, unresolved: .init(kind == .provision ? .provision : .instrument, value)))
                }
            }
        }
        return findings
    }
}
