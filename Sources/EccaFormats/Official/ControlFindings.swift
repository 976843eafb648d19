import ClauseGraph

/// The characters left out of an instrument's texts (`ControlsLeftOut`), gathered until the
/// instrument ends: a section's wording holds its paragraphs', and a citation and a source id one
/// number, so one character of the official file is met in several texts. Each place is warned of
/// once, at its `file:line:column`, naming the innermost provision that held it (the one with the
/// fewest lines; of equals, the later, which is the deeper). Every text that held it is noted.
struct ControlFindings {
    private struct Finding {
        var location: SourceLocation
        var run: [ControlsLeftOut.Removal]
        var subject: String
        var subjectID: String?
        var noted: String
        var width: Int
    }

    /// By where each stands (its place, with the characters and, unlocated, the words around it).
    private var findings: [String: Finding] = [:]
    /// The keys in the order first met.
    private var order: [String] = []
    private var locators: [String: SourceCharacterLocator] = [:]

    var isEmpty: Bool { findings.isEmpty }

    /// Records what one text (`subject`: a provision's citation, or an instrument) had left out;
    /// `lines` are its lines in `file`.
    mutating func record(_ removed: [ControlsLeftOut.Removal], subject: String, subjectID: String?, noted: String = "the provision",
                         file: String, lines: ClosedRange<Int>) {
        guard !removed.isEmpty else { return }
        let locator = locators[file] ?? SourceCharacterLocator(file: file)
        locators[file] = locator
        // Two alike characters of one field are two places; a citation, a source id and a heading
        // copy their characters from one place, which each field may find again.
        var taken: [String: Set<Int>] = [:]
        var runs: [[ControlsLeftOut.Removal]] = []
        for removal in removed {
            if removal.startsRun || runs.isEmpty || runs[runs.count - 1][0].field != removal.field { runs.append([removal]) } else { runs[runs.count - 1].append(removal) }
        }
        for run in runs {
            let first = run[0]
            let place = locator.locate(first.scalar, before: first.before, after: first.after, lines: lines, taken: &taken[first.field, default: []])
            let location = SourceLocation(file: file, line: place?.line ?? lines.lowerBound, column: place?.column ?? 0)
            var key = "\(location)|\(run.map { ControlCharacters.name($0.scalar) }.joined())"
            if place == nil { key += "|\(first.field)|\(first.before)|\(first.after)" }
            let width = lines.upperBound - lines.lowerBound
            if let existing = findings[key] {
                // Kept for the provision (or field) that met it first, unless a later provision
                // with no more lines holds it: the deeper one.
                guard width < existing.width || (width == existing.width && subjectID != existing.subjectID) else { continue }
            } else {
                order.append(key)
            }
            findings[key] = Finding(location: location, run: run, subject: subject, subjectID: subjectID, noted: noted, width: width)
        }
    }

    /// The warnings, in the order of their places in the files (files in the order first met), and
    /// how many characters they name; emptied.
    mutating func drain() -> (diagnostics: [Diagnostic], characters: Int) {
        var diagnostics: [Diagnostic] = []
        var characters = 0
        var files: [String: Int] = [:]
        for key in order where files[findings[key]!.location.file] == nil { files[findings[key]!.location.file] = files.count }
        let sorted = order.enumerated().sorted { first, second in
            let a = findings[first.element]!.location, b = findings[second.element]!.location
            return (files[a.file]!, a.line, a.column, first.offset) < (files[b.file]!, b.line, b.column, second.offset)
        }.map(\.element)
        for key in sorted {
            let finding = findings[key]!
            diagnostics.append(Diagnostic(.warning, ControlsLeftOut.message(subject: finding.subject, run: finding.run, noted: finding.noted),
                                          at: finding.location, subject: finding.subjectID))
            characters += finding.run.count
        }
        findings.removeAll()
        order.removeAll()
        return (diagnostics, characters)
    }
}
