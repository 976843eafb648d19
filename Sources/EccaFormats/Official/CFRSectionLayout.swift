import ClauseGraph

/// A CFR section after the marker solver, before its provisions exist: the hierarchy as records
/// and the collapsed wording they point into.
///
/// The reading thread makes it (`CFRSectionReader`); whoever consumes it turns it into provisions.
/// A large title has half a million provisions of about ten strings each, so the rules-XML writer
/// does not ask for `provisions()`: it copies the fields straight from `addresses()` and the text
/// (`RulesXMLWriter.write(_:)`), which writes the same bytes (a test holds the two to that).
struct CFRSectionLayout: Sendable {
    /// One step of a provision's address.
    struct Segment: Sendable {
        /// Appended to the section number for the canonical id: `(a)` or ` (Agency)`.
        var canonical: String
        /// Appended to the citation: `(a)` or `, “Agency”`.
        var citation: String
        /// The rules-XML id segment, already safe (`CanonicalIDs.idSegment`): `a` or `def-Agency`.
        var id: String
    }

    /// A paragraph or defined term: its own address segment (the full address is its parent's
    /// and this), and the stretch of pieces its wording runs over.
    struct Record: Sendable {
        var segment: Segment
        /// The record's place in the hierarchy (0 = the section's first level).
        var depth: Int
        /// The level it is counted and written at: its marker's kind, or a definition.
        var level: ProvisionLevel
        var heading: String?
        var firstPiece: Int
        var endPiece: Int
        var firstLine: Int
        var lastLine: Int
        /// The paragraph's position among the section's child elements (for the span's pointer).
        var elementIndex: Int
        /// Its position among the child elements of that element, for a paragraph inside an
        /// `EXTRACT` the section reads as its own (`/*[3]/*[2]`); -1 for a child of the section.
        var innerIndex: Int = -1
        /// `(a) * * *`: an elided paragraph, kept for the hierarchy but not a provision.
        var elided: Bool
        var parent: Int?
        var notes: [Note]
        /// Whether its URL is the section's paragraph anchor and its path (`#p-734.13(a)(2)`);
        /// false for a category and what it holds, whose anchors the eCFR does not name by path.
        var anchored = true
        /// Cited like another record of the section, and reported so (the section reader's
        /// warning and note): the rules writer tells their ids apart by a suffix without a report of its own.
        var citedAlike = false
        /// The rule prints only part of it (`PartialSetOut`): its wording is not its full text.
        var setOutInPart = false
        /// Its introductory text alone is set out, so the stars printed after its words are its own
        /// text left out, and its wording ends on them (`PartialSetOut`).
        var endsOnElision = false
    }

    /// Where one piece of paragraph text sits in `text`: every provision's wording is one
    /// stretch of it, from its first non-empty piece to its last.
    struct Piece: Sendable {
        var start: Int
        var end: Int
        /// `<STARS/>`, written `* * *`: paragraphs left out between others. It is in the wording of
        /// the section and of a paragraph whose text goes on after it, never at a paragraph's end
        /// (the stars after a paragraph's last words stand for its siblings, not for its own text).
        var elision = false
        var isEmpty: Bool { start == end }
    }

    /// What is known of a section before its paragraphs are read: its number, ids, heading, links
    /// and notes. The adapter fills it in; the section reader passes it on.
    struct Header: Sendable {
        /// The section's number without `§` (`734.13`, `1.162-4`).
        var number: String
        /// The source's own id for the section, verbatim (`§ 2.2` from the bulk `N`, `1.162-4` from the versioner).
        var sourceID: String
        var title: String?
        var heading: String?
        /// The section's URL, a URI (`SourceURL`).
        var url: String?
        /// The start of each paragraph's URL, a URI that ends in a fragment (`…#p-734.13`): the
        /// paragraph's address follows it, encoded (`(a)(2)`, `%20(Agency)`); nil when a
        /// paragraph's URL is the section's.
        var paragraphURLBase: String?
        /// The element path of the section, for source spans.
        var pointer: String
        var evidence: Evidence = .verified
        /// Notes for the section provision (amendment history, effective-date notes).
        var notes: [Note] = []
        /// The rule prints only part of the section (`PartialSetOut`).
        var setOutInPart = false
        /// The section's effective-date notes (`EFFDNOT`), read for what they name and when.
        var effectiveDateNotes: [EffectiveDateNote] = []

        /// `15 CFR ` or nothing.
        var citationTitle: String { title.map { "\($0) CFR " } ?? "" }
    }

    var header: Header
    var span: SourceSpan
    var records: [Record]
    var pieces: [Piece]
    /// The section's wording: the collapsed pieces joined by single spaces where they are apart.
    var text: [UInt8]
    /// What the official text prints that no wording carries (an image, a footnote), by the record
    /// whose text holds it (nil: the section's own text). Rare: empty in almost every section.
    var notCarried: [(record: Int?, what: String)] = []

    /// How many provisions there are at each level: the section, and the CFR depths and
    /// definitions of the records that are not elided (the summary counts these per section).
    /// Handed to `body` level by level, levels without provisions left out: no array per section.
    func forEachLevelCount(_ body: (ProvisionLevel, Int) -> Void) {
        var depths = (0, 0, 0, 0, 0, 0)
        var definitions = 0
        var categories = 0
        // By index: a copy of a record would retain its strings.
        for index in records.indices where !records[index].elided {
            if case .definition = records[index].level {
                definitions += 1
                continue
            }
            switch records[index].level {
            case .category: categories += 1
            case .paragraph: depths.0 += 1
            case .level2: depths.1 += 1
            case .level3: depths.2 += 1
            case .level4: depths.3 += 1
            case .level5: depths.4 += 1
            default: depths.5 += 1
            }
        }
        body(.section, 1)
        if categories > 0 { body(.category, categories) }
        if depths.0 > 0 { body(.paragraph, depths.0) }
        if depths.1 > 0 { body(.level2, depths.1) }
        if depths.2 > 0 { body(.level3, depths.2) }
        if depths.3 > 0 { body(.level4, depths.3) }
        if depths.4 > 0 { body(.level5, depths.4) }
        if depths.5 > 0 { body(.level6, depths.5) }
        if definitions > 0 { body(.definition, definitions) }
    }

    /// The section and its records that are not elided.
    var provisionCount: Int { 1 + records.indices.reduce(0) { $0 + (records[$1].elided ? 0 : 1) } }

    /// The bytes of `text` a run of pieces covers, from the first non-empty piece to the last;
    /// nil when all are empty.
    func wordingBytes(_ range: Range<Int>, endingOnElision: Bool = false) -> Range<Int>? {
        wordingPieces(range, endingOnElision: endingOnElision).map { pieces[$0.first].start..<pieces[$0.last].end }
    }

    /// The first and last non-empty piece of a run of pieces; nil when all are empty. A
    /// paragraph's wording never ends on an elision (`Piece.elision`), unless its introductory
    /// text alone is set out (`Record.endsOnElision`); the section's may (`endingOnElision`).
    func wordingPieces(_ range: Range<Int>, endingOnElision: Bool = false) -> (first: Int, last: Int)? {
        guard let first = pieces[range].firstIndex(where: { !$0.isEmpty }),
              let last = pieces[range].lastIndex(where: { !$0.isEmpty && (endingOnElision || !$0.elision) }) else { return nil }
        return (first, last)
    }

    /// Each record's address, as runs of one byte buffer: built once per section from the
    /// parent's runs and the record's own segment, so no string is made per provision.
    struct Addresses {
        var bytes: [UInt8] = []
        /// Each record's runs, in one array (one allocation a section, not four).
        var entries: [Entry] = []

        struct Entry {
            /// `(b)(1)`: appended to the number for the canonical id, to the source id for the source id.
            var canonical: Range<Int>
            /// `(b)(1)` or `(a), “Agency”`: appended to `15 CFR 734.13` for the citation.
            var citation: Range<Int>
            /// `.b.1`: the record's rules-XML id segments (`Segment.id`).
            var id: Range<Int>
            /// `/*[3]`: appended to the section's pointer for the record's element.
            var element: Range<Int>
        }

        subscript(range: Range<Int>) -> ArraySlice<UInt8> { bytes[range] }
    }

    func addresses() -> Addresses {
        var addresses = Addresses()
        addresses.entries.reserveCapacity(records.count)
        // Where each address goes: its parent's length plus its own segment's. The bytes are then
        // written once into a buffer of exactly that size, each address copying its parent's.
        // Records are read in place, by index: a copy of one would retain each of its strings.
        var total = 0
        func place(_ length: Int) -> Range<Int> {
            defer { total += length }
            return total..<(total + length)
        }
        for index in records.indices {
            let parent = records[index].parent.map { addresses.entries[$0] }
            addresses.entries.append(Addresses.Entry(
                canonical: place((parent?.canonical.count ?? 0) + records[index].segment.canonical.utf8.count),
                citation: place((parent?.citation.count ?? 0) + records[index].segment.citation.utf8.count),
                id: place((parent?.id.count ?? 0) + 1 + records[index].segment.id.utf8.count),
                element: place(Self.elementLength(records[index].elementIndex) + (records[index].innerIndex < 0 ? 0 : Self.elementLength(records[index].innerIndex)))))
        }
        // A section without records has no addresses: `Array(unsafeUninitializedCapacity: 0)` would
        // write its count into the empty-array singleton all threads share (ThreadSanitizer says so).
        guard total > 0 else { return addresses }
        addresses.bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            /// Writes `range`: the parent's address (written before, as parents come first), then `own`.
            func write(_ range: Range<Int>, parent: Range<Int>?, _ own: (UnsafeMutablePointer<UInt8>) -> Void) {
                var at = base + range.lowerBound
                if let parent {
                    at.initialize(from: base + parent.lowerBound, count: parent.count)
                    at += parent.count
                }
                own(at)
            }
            func copy(_ text: String, to at: UnsafeMutablePointer<UInt8>) {
                var text = text
                text.withUTF8 { if let source = $0.baseAddress { at.initialize(from: source, count: $0.count) } }
            }
            for index in records.indices {
                let parent = records[index].parent
                write(addresses.entries[index].canonical, parent: parent.map { addresses.entries[$0].canonical }) { copy(records[index].segment.canonical, to: $0) }
                write(addresses.entries[index].citation, parent: parent.map { addresses.entries[$0].citation }) { copy(records[index].segment.citation, to: $0) }
                write(addresses.entries[index].id, parent: parent.map { addresses.entries[$0].id }) {
                    $0.initialize(to: UInt8(ascii: "."))
                    copy(records[index].segment.id, to: $0 + 1)
                }
                let element = addresses.entries[index].element
                /// Writes `/*[n]` for the element at `position`, ending at `end`.
                func step(_ position: Int, endingAt end: UnsafeMutablePointer<UInt8>) {
                    let length = Self.elementLength(position)
                    let at = end - length
                    at.initialize(to: UInt8(ascii: "/"))
                    (at + 1).initialize(to: UInt8(ascii: "*"))
                    (at + 2).initialize(to: UInt8(ascii: "["))
                    var rest = position + 1
                    var digit = end - 2
                    repeat {
                        digit.initialize(to: UInt8(ascii: "0") + UInt8(rest % 10))
                        digit -= 1
                        rest /= 10
                    } while rest > 0
                    (end - 1).initialize(to: UInt8(ascii: "]"))
                }
                let inner = records[index].innerIndex
                let outerEnd = base + element.lowerBound + Self.elementLength(records[index].elementIndex)
                step(records[index].elementIndex, endingAt: outerEnd)
                if inner >= 0 { step(inner, endingAt: base + element.upperBound) }
            }
            initialized = total
        }
        return addresses
    }

    /// The length of `/*[n]` for the element at `position` (0-based).
    private static func elementLength(_ position: Int) -> Int { 4 + decimalDigits(position + 1) }

    /// How many decimal digits `number` (positive) has.
    private static func decimalDigits(_ number: Int) -> Int {
        var digits = 1
        var rest = number
        while rest >= 10 {
            digits += 1
            rest /= 10
        }
        return digits
    }

    /// The provisions as values: the section, then each record that is not elided.
    func provisions() -> [ImportedProvision] {
        let addresses = addresses()
        let header = header
        let number = header.number
        func string(_ range: Range<Int>) -> String { String(decoding: addresses[range], as: UTF8.self) }
        var provisions: [ImportedProvision] = []
        provisions.reserveCapacity(records.count + 1)
        let citationTitle = header.citationTitle
        let sectionWording = wordingBytes(0..<pieces.count, endingOnElision: true).map { String(decoding: text[$0], as: UTF8.self) } ?? header.heading ?? ""
        provisions.append(ImportedProvision(
            canonicalID: number, sourceID: header.sourceID, idPath: [number], level: .section, parentID: nil,
            citation: citationTitle + number, heading: header.heading, wording: sectionWording,
            span: span.with(pointer: header.pointer), evidence: header.evidence, sourceURL: header.url, notes: header.notes))
        provisions[0].setOutInPart = header.setOutInPart
        let notCarriedBy = notCarriedByRecord()
        // In the order of the text: by record (images are reported before footnotes are carried).
        if !notCarried.isEmpty {
            provisions[0].notCarried = notCarried.enumerated().sorted { ($0.element.record ?? -1, $0.offset) < ($1.element.record ?? -1, $1.offset) }
                .reduce(into: []) { if !$0.contains($1.element.what) { $0.append($1.element.what) } }
        }
        provisions[0].effectiveDateNotes = header.effectiveDateNotes
        var idPaths: [[String]] = []
        idPaths.reserveCapacity(records.count)
        for record in records { idPaths.append((record.parent.map { idPaths[$0] } ?? [number]) + [record.segment.id]) }
        for (index, record) in records.enumerated() where !record.elided {
            let path = string(addresses.entries[index].canonical)
            let canonicalID = number + path
            provisions.append(ImportedProvision(
                canonicalID: canonicalID, sourceID: header.sourceID + path, idPath: idPaths[index],
                level: record.level, parentID: number + (record.parent.map { string(addresses.entries[$0].canonical) } ?? ""),
                citation: citationTitle + number + string(addresses.entries[index].citation),
                heading: record.heading, wording: wordingBytes(record.firstPiece..<record.endPiece, endingOnElision: record.endsOnElision).map { String(decoding: text[$0], as: UTF8.self) } ?? "",
                span: SourceSpan(file: span.file, firstLine: record.firstLine, lastLine: record.lastLine,
                                 pointer: header.pointer + string(addresses.entries[index].element)),
                evidence: header.evidence, sourceURL: (record.anchored ? header.paragraphURLBase.map { $0 + SourceURL.fragment(path) } : nil) ?? header.url,
                notes: record.notes))
            provisions[provisions.count - 1].citedAlike = record.citedAlike
            provisions[provisions.count - 1].setOutInPart = record.setOutInPart
            if let what = notCarriedBy[index] { provisions[provisions.count - 1].notCarried = what }
            if !header.effectiveDateNotes.isEmpty {
                provisions[provisions.count - 1].effectiveDateNotes = header.effectiveDateNotes.compactMap { $0.reaching(path) }
            }
        }
        return provisions
    }
}

extension CFRSectionLayout {
    /// What each record's wording lacks (`notCarried`): what its own text or any record's below it
    /// holds, as a record's wording holds its subdivisions'. Empty for almost every section.
    func notCarriedByRecord() -> [Int: [String]] {
        var byRecord: [Int: [String]] = [:]
        for (record, what) in notCarried {
            var current = record
            while let at = current {
                if byRecord[at]?.contains(what) != true { byRecord[at, default: []].append(what) }
                current = records[at].parent
            }
        }
        return byRecord
    }

    /// A record's number as a diagnostic's subject: `1203.902(c)`.
    func subject(_ record: Int) -> String {
        header.number + CFRSectionReader.canonicalPath(of: record, in: records)
    }

    /// A record as a warning or note cites it: `§ 1203.902(c)`.
    func cited(_ record: Int) -> String { "§ " + subject(record) }
}
