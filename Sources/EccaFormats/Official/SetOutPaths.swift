import ClauseGraph

/// The paragraphs a Federal Register rule's instructions name in one section, against the paths
/// the section it sets out was read as (importer audit, finding 2). The marker solver reads the
/// set-out text with its starred parents (`(h) * * *`, `(1) * * *`, then `(i) …`, which is
/// (h)(1)(i): `MarkerSequenceSolver.Item.parentStub`); the instruction ("revise paragraph
/// (h)(1)(i)") says the same where both are right. A set-out paragraph that is neither named, nor
/// part of a paragraph named, nor holds one is a disagreement: its citation may be wrong (or the
/// instruction's), so it is reported rather than imported as if certain.
struct SetOutPaths {
    /// The named paragraph paths (`(h)(1)(i)`); nil when an instruction names the section in a way
    /// a path does not check (the whole section, a range, a definition, a table, a redesignation,
    /// after which a paragraph is set out under its new number), so that nothing is reported for it.
    let named: [String]?

    init(instructions: [Amendment], section: String) {
        var named: [String] = []
        for amendment in instructions {
            for action in amendment.actions {
                if action.verb == .redesignate {
                    self.named = nil
                    return
                }
                for target in action.targets where target.section == nil || target.section == section {
                    guard [.paragraph, .introductoryText, .heading].contains(target.kind), target.through == nil,
                          let paragraph = target.paragraph else {
                        self.named = nil
                        return
                    }
                    named.append(paragraph)
                }
            }
        }
        self.named = named.isEmpty ? nil : named
    }

    /// Whether a set-out paragraph at `path` (`(h)(1)(i)`) agrees with the instructions: it is a
    /// paragraph they name, part of one, or holds one. Paths compare by whole segments: `(a)(1)` is
    /// not part of `(a)(10)`.
    func agrees(_ path: String) -> Bool {
        guard let named else { return true }
        return named.contains { path.hasPrefix($0) || $0.hasPrefix(path) }
    }
}

extension SetOutPaths {
    /// `batch` with an unresolved note on each set-out paragraph that disagrees with the
    /// instructions, and a warning for each (`instructions` names them: "amendatory instruction 1").
    func report(_ batch: ProvisionBatch, instructions: String, file: String) -> (ProvisionBatch, [Diagnostic]) {
        guard let named else { return (batch, []) }
        var layout = batch.section
        var diagnostics: [Diagnostic] = []
        let number = layout.header.number
        let listed = named.joined(separator: ", ")
        for index in layout.records.indices where !layout.records[index].elided {
            let path = CFRSectionReader.canonicalPath(of: index, in: layout.records)
            guard !agrees(path) else { continue }
            diagnostics.append(Diagnostic(.warning, "§ \(number)\(path): the rule sets out this paragraph, read from its markers and starred parents, but \(instructions) name\(instructions.hasPrefix("amendatory instructions") ? "" : "s") \(listed), which it is not, nor part of, nor holds: its citation (or the instruction) may be wrong",
                                          at: SourceLocation(file: file, line: layout.records[index].firstLine), subject: number + path))
            layout.records[index].notes.append(Note(kind: .unresolved, text: "The rule sets out this paragraph as § \(number)\(path), as its markers and starred parents (* * *) place it, but \(instructions) name\(instructions.hasPrefix("amendatory instructions") ? "" : "s") \(listed): the two disagree, so this citation may be wrong. Check the official text."))
        }
        return (ProvisionBatch(layout), diagnostics)
    }
}
