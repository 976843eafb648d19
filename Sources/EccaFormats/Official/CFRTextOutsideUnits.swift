import ClauseGraph

/// What a CFR file (annual volume or eCFR bulk title) holds between its units, the sections and
/// appendices ecca imports. Most of it is rightly not imported: the structure that holds the units,
/// headings, tables of contents, running heads and page numbers, and a part's or subpart's
/// authority and source citations. Anything else is text outside every unit: it is never dropped
/// without a word. The GPO sets the text of Appendix A to Part 1221 (CFR-2015-title14-vol5) after
/// its `APPENDIX` element, which holds only the appendix's headings, in an `EXTRACT` of the part.
enum CFRTextOutsideUnits {
    /// Elements read into: they hold the units (annual `TITLE`…`SUBJGRP`; bulk `DIV1`…`DIV7` and
    /// the file's wrappers).
    static let containers: Set<String> = ["TITLE", "CHAPTER", "SUBCHAP", "PART", "SUBPART", "SUBJGRP",
                                          "TEXT", "BODY", "ECFRBRWS", "DIV1", "DIV2", "DIV3", "DIV4", "DIV5", "DIV6", "DIV7"]

    /// Elements between units that are not rule text, skipped on purpose: headings (`HD`, `HEAD`),
    /// running heads (`EAR`, `LRH`, `RRH`), page numbers, a part's `[Reserved]`, the title page and tables of contents (`CFRTITLE`, `CONTENTS`, `TOC`),
    /// front and back matter, the file's header and date, and a part's or subpart's authority
    /// (`AUTH`), source (`SOURCE`), cross reference (`CROSSREF`) and editorial note (`EDNOTE`): the
    /// Office of the Federal Register's apparatus, as a section's `CITA` is (a section's own are notes).
    static let skipped: Set<String> = ["HD", "HEAD", "CFRTITLE", "EAR", "LRH", "RRH", "PRTPAGE", "RESERVED", "CONTENTS", "TOC", "CFRTOC",
                                       "FMTR", "BMTR", "LSA", "FAIDS", "HEADER", "AMDDATE", "AUTH", "SOURCE", "CROSSREF", "EDNOTE"]

    /// Whether an element met between units is text outside them.
    static func isOutside(_ name: String) -> Bool { !containers.contains(name) && !skipped.contains(name) }

    /// Whether the text right after `appendix` is the appendix's own: the appendix ends on a
    /// heading (`<HD SOURCE="HD1">description</HD>`), with no text of its own after it, so the
    /// text that follows it is that heading's.
    static func continues(_ appendix: OfficialElement) -> Bool {
        appendix.elements().last { $0.name != "PRTPAGE" && $0.name != "EAR" }?.name == "HD"
    }

    /// The first words of `element`'s text (`TextNormalizer.opening`).
    static func opening(_ element: OfficialElement) -> String { TextNormalizer.opening(of: element.plainText) }

    /// Where `element` stands: its name and lines.
    private static func place(_ element: OfficialElement) -> String {
        let lines = element.span.firstLine == element.span.lastLine ? "line \(element.span.firstLine)" : "lines \(element.span.firstLine)-\(element.span.lastLine)"
        return "<\(element.name)> at \(lines)"
    }

    /// Text outside every unit, not imported: a warning each and a count; the notes to put on
    /// `provision`, the nearest provision: the one after it (nil: none follows in the file), or
    /// with `following`, the appendix it comes right after.
    static func report(_ elements: [OfficialElement], nearest provision: String?, following: Bool = false, to emitter: ImportEmitter) -> [Note] {
        guard !elements.isEmpty else { return [] }
        let nearest = provision.map { following ? "; it comes right after \($0)" : "; the next provision is \($0)" } ?? "; no provision follows it in the file"
        for element in elements {
            emitter.report(Diagnostic(.warning, "text outside every section and appendix (<\(element.name)>: “\(opening(element))”) is not imported\(nearest)",
                                      at: SourceLocation(file: element.span.file, line: element.span.firstLine), subject: provision))
        }
        emitter.count(.textOutsideUnits, by: elements.count)
        let relation = following ? "right after" : "before"
        return elements.map {
            Note(kind: .unresolved, text: "The official file holds text outside every section and appendix \(relation) this provision (\(place($0)): “\(opening($0))”); it is not imported, here or elsewhere. Check the official text.")
        }
    }

    /// The note on an appendix whose text the file sets after its element: what was read as its.
    static func joinedNote(_ elements: [OfficialElement], heading: String) -> Note {
        Note(kind: .editorial, text: "The official file sets this appendix's text after its APPENDIX element, outside it (\(elements.map(place).joined(separator: ", "))); as the appendix ends on its heading “\(heading)” with no text of its own, that text is read as the appendix's and is in this wording.")
    }
}
