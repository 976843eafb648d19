import ClauseGraph

/// The consolidation ranges (`CLG.MDFO` … `CLG.MDFC`) of a consolidated Formex text, followed in
/// document order, and what each covers.
///
/// A range is paired by ID and IDREF, not by the tree: it may wrap whole articles (its markers are
/// siblings of `ARTICLE`s, outside the article a reader captures), points in a `LIST`, the number and
/// first subparagraph of a `PARAG`, or words inside a `TXT` (`LEVEL="TEXT"`). So the reader feeds the
/// markers it meets between captured elements to `instruction(target:data:)`, and each captured
/// element goes through `annotate`, which numbers its elements (an attribute no XML can carry) and
/// records, per element, the ranges open at its start tag or around its own words. A provision then
/// carries the ranges of the elements it owns (`notes(in:owners:)`): its own element and those below
/// it that belong to no provision below it, so a range around one point notes that point and not its
/// paragraph, and one around a paragraph's number notes the paragraph.
///
/// Text in a `DELETED` range is no longer law: it is left out (the element is dropped from its
/// parent, which records what was dropped), unless the caller keeps it to tell a deleted provision
/// from one that never existed (`keepingDeleted`, for `cite-check`).
struct ConsolidationRanges: Sendable {
    /// The attribute that numbers annotated elements; its name has a space, so no XML attribute can clash.
    static let ordinalKey = " ecca-ordinal"

    /// What a deleted range took out of an element: the marker, and what it was ("point 1").
    struct Removal: Sendable, Hashable {
        var marker: String
        var what: String
    }

    private(set) var markers: [String: ConsolidationMarker] = [:]
    /// Ids of the ranges open now, in the order they opened.
    private(set) var open: [String] = []
    /// Element number → ids of the ranges open at its start tag or around its own words.
    private(set) var touching: [Int: [String]] = [:]
    /// Element number → deleted content left out of it.
    private(set) var removed: [Int: [Removal]] = [:]
    /// Element number → the deleted range it lies in (kept elements only, `keepingDeleted`).
    private(set) var deleted: [Int: String] = [:]
    /// Closing markers that closed no open range, with the line each stands on.
    private(set) var unpaired: [(id: String, line: Int)] = []
    /// Opening marker id → the line it stands on (to point a warning at a range never closed).
    private(set) var openedOn: [String: Int] = [:]
    private var next = 0

    /// The innermost open `DELETED` range.
    var deleting: String? { open.last { markers[$0]?.action == .deleted } }

    func marker(_ id: String) -> ConsolidationMarker? { markers[id] }

    /// Every opening marker met so far.
    var markersRead: [ConsolidationMarker] { Array(markers.values) }

    static func ordinal(of element: OfficialElement) -> Int? { element[ordinalKey].flatMap { Int($0) } }

    /// A marker met in document order, outside any captured element (or inside one, from `annotate`).
    mutating func instruction(target: String, data: String, line: Int) {
        switch target {
        case ConsolidationMarker.opening:
            guard let marker = ConsolidationMarker(instruction: data) else { return }
            markers[marker.id] = marker
            openedOn[marker.id] = line
            open.append(marker.id)
        case ConsolidationMarker.closing:
            let values = ConsolidationMarker.pseudoAttributes(data)
            if let opening = values["IDREF"], let index = open.lastIndex(of: opening) {
                open.remove(at: index)
            } else {
                unpaired.append((values["ID"] ?? data, line))
            }
        default:
            break
        }
    }

    /// Whether `element` needs annotating: a range is open, or a marker lies inside it.
    func concerns(_ element: OfficialElement) -> Bool {
        !open.isEmpty || Self.hasMarker(element)
    }

    private static func hasMarker(_ element: OfficialElement) -> Bool {
        element.children.contains { child in
            switch child {
            case .instruction(let target, _, _): target == ConsolidationMarker.opening || target == ConsolidationMarker.closing
            case .element(let inner): hasMarker(inner)
            case .text: false
            }
        }
    }

    /// `element`, read whole at the current place in the document, with its elements numbered and
    /// what the ranges cover recorded. Nil when the element itself lies in a deleted range and is
    /// not kept. The markers inside it are followed, so the ranges stay right after it.
    mutating func annotate(_ element: OfficialElement, keepingDeleted: Bool = false) -> OfficialElement? {
        let deletedBy = deleting
        if deletedBy != nil, !keepingDeleted {
            follow(element)
            return nil
        }
        let ordinal = next
        next += 1
        var copy = element
        copy.attributes[Self.ordinalKey] = String(ordinal)
        touch(ordinal, with: open)
        if let deletedBy { deleted[ordinal] = deletedBy }
        var children: [OfficialElement.Child] = []
        children.reserveCapacity(element.children.count)
        for child in element.children {
            switch child {
            case .instruction(let target, let data, let line):
                instruction(target: target, data: data, line: line)
                children.append(child)
            case .text(let text):
                if text.allSatisfy(\.isWhitespace) {
                    children.append(child)
                } else if let deleting {
                    // Kept, a deleted point's number still names it (`113(b)`).
                    if keepingDeleted { children.append(child) } else { record(Removal(marker: deleting, what: "some of its words"), on: ordinal) }
                } else {
                    touch(ordinal, with: open)
                    children.append(child)
                }
            case .element(let inner):
                if let deleting, !keepingDeleted {
                    record(Removal(marker: deleting, what: Self.describe(inner)), on: ordinal)
                }
                if let annotated = annotate(inner, keepingDeleted: keepingDeleted) { children.append(.element(annotated)) }
            }
        }
        copy.children = children
        return copy
    }

    /// Follows the markers inside an element that is left out.
    private mutating func follow(_ element: OfficialElement) {
        for child in element.children {
            switch child {
            case .instruction(let target, let data, let line): instruction(target: target, data: data, line: line)
            case .element(let inner): follow(inner)
            case .text: break
            }
        }
    }

    private mutating func touch(_ ordinal: Int, with ids: [String]) {
        guard !ids.isEmpty else { return }
        var list = touching[ordinal] ?? []
        for id in ids where !list.contains(id) { list.append(id) }
        touching[ordinal] = list
    }

    private mutating func record(_ removal: Removal, on ordinal: Int) {
        var list = removed[ordinal] ?? []
        if !list.contains(removal) { list.append(removal) }
        removed[ordinal] = list
    }

    /// The amendment notes of each provision, by the number of its element (`owners`): the ranges
    /// around the elements it owns, and the deleted text left out of them. Elements above every owner
    /// (an annex's `TITLE`, beside the `CONTENTS` the annex provision is read from) belong to `top`.
    func notes(in tree: OfficialElement, owners: Set<Int>, top: Int?) -> [Int: [Note]] {
        var ids: [Int: [String]] = [:]
        var removals: [Int: [Removal]] = [:]
        func walk(_ element: OfficialElement, owner: Int?) {
            let ordinal = Self.ordinal(of: element)
            let owner = ordinal.flatMap { owners.contains($0) ? $0 : nil } ?? owner
            if let ordinal, let owner {
                for id in touching[ordinal] ?? [] where !(ids[owner] ?? []).contains(id) { ids[owner, default: []].append(id) }
                for removal in removed[ordinal] ?? [] where !(removals[owner] ?? []).contains(removal) { removals[owner, default: []].append(removal) }
            }
            for case .element(let inner) in element.children { walk(inner, owner: owner) }
        }
        walk(tree, owner: top)
        var notes: [Int: [Note]] = [:]
        for owner in Set(ids.keys).union(removals.keys) {
            var list = (ids[owner] ?? []).compactMap { markers[$0] }.filter { $0.action != .deleted }.map { Note(kind: .amendment, text: $0.note) }
            // One note per deleted range, naming everything it took out of this provision.
            var byMarker: [(String, [String])] = []
            for removal in removals[owner] ?? [] {
                if let index = byMarker.firstIndex(where: { $0.0 == removal.marker }) { byMarker[index].1.append(removal.what) } else { byMarker.append((removal.marker, [removal.what])) }
            }
            for (id, what) in byMarker {
                guard let marker = markers[id] else { continue }
                list.append(Note(kind: .amendment, text: marker.deletionNote(ProseList.joined(what))))
            }
            notes[owner] = list
        }
        return notes
    }

    /// The deleted ranges and markers around and inside `element` (an element of a kept tree), in
    /// document order: what changed the text a locator names.
    func markers(within element: OfficialElement) -> [ConsolidationMarker] {
        var ids: [String] = []
        func walk(_ element: OfficialElement) {
            if let ordinal = Self.ordinal(of: element) {
                let here = (touching[ordinal] ?? []) + (removed[ordinal] ?? []).map(\.marker)
                for id in here where !ids.contains(id) { ids.append(id) }
            }
            for case .element(let inner) in element.children { walk(inner) }
        }
        walk(element)
        return ids.compactMap { markers[$0] }
    }

    /// What a deleted element was, for the note on the provision it is left out of.
    static func describe(_ element: OfficialElement) -> String {
        let flattening = TextFlattening.formex
        switch element.name {
        case "ITEM", "NP":
            let np = element.name == "NP" ? element : element.element("NP")
            if let label = np?.element("NO.P").map({ flattening.flatten($0) }), !label.isEmpty {
                return "point " + TextNormalizer.trim(label, also: ".")
            }
            return "an unnumbered point"
        case "PARAG":
            if let number = element.element("NO.PARAG").map({ flattening.flatten($0) }), !number.isEmpty {
                return "paragraph " + TextNormalizer.trim(number, also: ".")
            }
            return "a paragraph"
        case "ARTICLE":
            return element.element("TI.ART").map { flattening.flatten($0) } ?? "an article"
        case "ALINEA": return "a subparagraph"
        case "GR.SEQ": return element.element("TITLE").map { flattening.flatten($0) } ?? "a group"
        case "CONS.ANNEX", "ANNEX": return FormexText.AnnexTitle(element.element("TITLE")).locator.capitalizedFirstWord
        default: return "text"
        }
    }
}

private extension String {
    /// `ANNEX XI` → `Annex XI`.
    var capitalizedFirstWord: String {
        guard let space = firstIndex(of: " ") else { return prefix(1) + dropFirst().lowercased() }
        return prefix(1) + self[index(after: startIndex)..<space].lowercased() + self[space...]
    }
}
