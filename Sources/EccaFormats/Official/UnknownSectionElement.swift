import ClauseGraph

/// An element in a CFR section that ecca has no rule for: not a paragraph, heading, table,
/// formula, note, extract or any other element the GPO is known to set there. Its text is read
/// as wording without markers and so joins the paragraph before it; a paragraph it wraps (`(b)`)
/// is not one of its own. That may be right (a wrapper the GPO added for layout) or hide a
/// provision, and the markup does not say which, so each is warned of and the provision given
/// its text is marked unresolved, never passed off as verified in silence (QA 2026-12-07, M6).
struct UnknownSectionElement {
    /// The record open where it stands, which its text joins; nil: the section.
    var record: Int?
    /// The element's first line.
    var line: Int
    /// Its name, as the file gives it.
    var name: String

    /// The elements a section (eCFR `DIV8`, annual CFR and Federal Register `SECTION`) or an
    /// `EXTRACT` read as its paragraphs holds in the corpus's official files (eCFR title 1, the
    /// annual CFR's title 14 volume 5, the Federal Register excerpt), and those the reader and
    /// the text flattening handle by name (the versioner's HTML `img`, dropped as documented). The GPO's own list (its CFR DTD) is not in the corpus;
    /// an element outside this one is warned of, not refused, so a real element missing here costs
    /// a warning, not a provision.
    static let known: Set<String> = [
        "P", "STARS", "EXTRACT", "NOTE", "NOTES", "EXAMPLE", "HED", "PSPACE",
        "GPOTABLE", "TABLE", "DIV", "MATH", "GPH", "img", "RESERVED", "AUTH", "SOURCE",
    ]

    /// Whether ecca knows what an element named `name` is in a section: the list above, the
    /// section's own parts (`CFRSectionReader.structural`), and the GPO's two families, flush
    /// paragraphs (`FP`, `FP-1`, `FP-2`, `FP-DASH`, the annual CFR's `FP1`, `FP1-2`) and headings
    /// (`HD`, `HD1`-`HD3`).
    static func isKnown(_ name: String) -> Bool {
        known.contains(name) || CFRSectionReader.structural.contains(name) || name.hasPrefix("FP")
            || (name.hasPrefix("HD") && name.count <= 3)
    }

    /// A warning each, and a note on the provision whose wording holds the element's text.
    @inline(never)
    static func report(_ elements: [UnknownSectionElement], in layout: inout CFRSectionLayout, file: String, into diagnostics: inout [Diagnostic]) {
        for element in elements {
            let holder = element.record.map { layout.cited($0) } ?? "§ \(layout.header.number)"
            let subject = element.record.map { layout.subject($0) } ?? layout.header.number
            diagnostics.append(Diagnostic(.warning, "\(holder): the element <\(element.name)> is not one ecca reads in a CFR section; its text is kept in the wording of \(holder), with no paragraph of its own read from it",
                                          at: SourceLocation(file: file, line: element.line), subject: subject))
            let note = Note(kind: .unresolved, text: "The wording of this provision includes the text of an element <\(element.name)> (line \(element.line) of the official file) that ecca does not read: any paragraph it holds is not a provision of its own, and its text may not belong here. Check the official text.")
            if let record = element.record { layout.records[record].notes.append(note) } else { layout.header.notes.append(note) }
        }
    }
}
