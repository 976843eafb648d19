import ClauseGraph

/// UK statutory instruments in Akoma Ntoso, in the two shapes they are published in: UK Lawmaker's
/// (TNA `tna.legislation.transformations.akn`) and legislation.gov.uk's data.akn (its converter,
/// `jurisdatum/clml2akn3` structure.xsl). An Order's P1 is an `article`, Regulations' an
/// `hcontainer name="regulation"`, Rules' a `rule` (an element, or an `hcontainer name="rule"`);
/// below it `paragraph` (1), then the lettered points: Lawmaker's `level class="para1|para2"`,
/// legislation.gov.uk's `subparagraph`, `clause`, `subclause`, `point`. Schedules are
/// `hcontainer name="schedule"` (in `hcontainer name="schedules"`) of `paragraph` 1, `subparagraph`
/// (1) and points (legislation.gov.uk: `paragraph class="para1"`, `subparagraph class="para2"`).
/// Each numbered unit is a provision, cited as UK lawyers cite it: "article 2(2)(a)",
/// "regulation 3(2)(a)", "rule 4(1)", "Schedule 2, paragraph 1(3)(c)(i)".
extension AkomaNtosoAdapter {
    /// The UK P1 units: the word they are cited by, and their id segment (Lawmaker's eIds).
    static let ukUnits: [String: (word: String, segment: String)] = [
        "article": ("article", "art"), "regulation": ("regulation", "reg"), "rule": ("rule", "rule")]
    /// The units below a UK P1 unit or schedule paragraph.
    private static let ukSubunits: Set<String> = ["paragraph", "subparagraph", "level", "clause", "subclause", "point", "item", "indent"]

    /// Where a UK unit's children are minted: `depth` 0 is the article, regulation, rule or
    /// schedule paragraph itself.
    struct UKContext {
        var canonical: String
        var idPath: [String]
        var citation: String
        var inSchedule: Bool
        var depth = 0
    }

    /// An article, regulation or rule of a UK instrument, and its paragraphs and points.
    func emitUKUnit(_ unit: OfficialElement, kind: String, unnumbered: inout UnnumberedUnits, into emitter: ImportEmitter) throws(OfficialImportError) {
        let words = Self.ukUnits[kind] ?? (kind, kind)
        let label = number(of: unit)
        let number: String
        let citation: String
        var notes: [Note] = []
        if let parsed = label.flatMap(AkomaNtosoNumber.init) {
            number = parsed.clean
            citation = "\(words.word) \(parsed.printed)"
        } else {
            let position = unnumbered.next(words.word)
            number = "nn\(position)"
            citation = "unnumbered \(words.word) \(position)"
            notes.append(Note(kind: .unresolved, text: "This \(words.word) carries no number; ecca numbers it by its place among the unnumbered ones (\(position)). Check the official text."))
            emitter.report(Diagnostic(.warning, "\(Self.describe(unit)) has no number; it is cited as \"\(citation)\"",
                                      at: SourceLocation(file: unit.span.file, line: unit.span.firstLine)))
            emitter.count(.unnumberedUKUnits)
        }
        let context = UKContext(canonical: "\(words.segment)_\(number)", idPath: ["\(words.segment)\(CanonicalIDs.idSegment(number))"],
                                citation: citation, inSchedule: false)
        var provision = provision(unit, canonical: context.canonical, idPath: context.idPath, level: .article, parent: nil,
                                  citation: citation, skipping: ["num", "heading"], pointer: Self.pointer(unit) ?? "\(Self.describe(unit))[\(number)]", emitter: emitter)
        provision.notes.append(contentsOf: notes)
        try emitter.add(provision)
        try emitUKSubunits(of: unit, context: context, into: emitter)
    }

    /// `hcontainer name="regulation"`, or the element's name.
    private static func describe(_ unit: OfficialElement) -> String {
        unit.name == "hcontainer" ? "hcontainer name=\"\(unit["name"] ?? "")\"" : unit.name
    }

    /// The numbered units below `element`, each a provision cited after its parent ("(2)",
    /// "(2)(a)"); an unnumbered one is no level: its text is its parent's, its numbered parts
    /// are read below the parent.
    private func emitUKSubunits(of element: OfficialElement, context: UKContext, into emitter: ImportEmitter) throws(OfficialImportError) {
        let units = element.all(where: { Self.ukSubunits.contains($0.name) }, barriers: Self.quotationBarriers.union(Self.ukSubunits))
        for unit in units {
            guard let label = number(of: unit) else {
                try emitUKSubunits(of: unit, context: context, into: emitter)
                continue
            }
            let kind = Self.ukKind(of: unit, in: context)
            let clean = CanonicalIDs.clean(label)
            var child = context
            child.canonical = CanonicalIDs.join(context.canonical, "\(kind.segment)_\(clean)")
            child.idPath = context.idPath + [CanonicalIDs.idSegment(clean)]
            child.citation = "\(context.citation)(\(clean))"
            child.depth = context.depth + 1
            // A lettered point's wording keeps its label, as an EU point's does.
            try emitter.add(provision(unit, canonical: child.canonical, idPath: child.idPath, level: kind.level, parent: context.canonical,
                                      citation: child.citation, skipping: kind.level == .point ? ["heading"] : ["num", "heading"], emitter: emitter))
            try emitUKSubunits(of: unit, context: child, into: emitter)
        }
    }

    /// A paragraph (1) of an article or regulation, a sub-paragraph (1) of a schedule's paragraph,
    /// else a lettered or roman point: Lawmaker's `level class="para1"`, legislation.gov.uk's
    /// `subparagraph` (an Order's P3), `paragraph class="para1"` (a schedule's P3), `clause` …
    private static func ukKind(of unit: OfficialElement, in context: UKContext) -> (segment: String, level: ProvisionLevel) {
        let pointClass = unit["class"].map { $0.hasPrefix("para") && $0.count > 4 && $0.dropFirst(4).allSatisfy(\.isNumber) } ?? false
        if !pointClass && context.depth == 0 {
            if !context.inSchedule && unit.name == "paragraph" { return ("para", .paragraph) }
            if context.inSchedule && unit.name == "subparagraph" { return ("subpara", .subparagraph) }
        }
        return ("point", .point)
    }

    // MARK: - Schedules

    /// A schedule (`hcontainer name="schedule"`): an annex `sched_2` cited "Schedule 2" ("the
    /// Schedule" when it is the only one), its paragraphs "Schedule 2, paragraph 1(3)(c)(i)". Its
    /// Parts enter the citation only where paragraph numbers restart in each ("Schedule 2, Part 1,
    /// paragraph 3"). What it holds that is not read as a provision is its wording, and said.
    func emitSchedule(_ schedule: OfficialElement, unnumbered: inout UnnumberedUnits, into emitter: ImportEmitter) throws(OfficialImportError) {
        let location = SourceLocation(file: schedule.span.file, line: schedule.span.firstLine)
        var notes: [Note] = []
        let context: UKContext
        if let label = number(of: schedule) {
            let printed = Self.strip(word: "schedule", from: label)
            if printed.isEmpty {
                context = UKContext(canonical: "sched", idPath: ["sched"], citation: "the Schedule", inSchedule: true)
            } else {
                let clean = CanonicalIDs.clean(printed)
                let word = printed == TextNormalizer.collapse(label) ? "" : "Schedule "
                context = UKContext(canonical: "sched_\(clean)", idPath: ["sched\(CanonicalIDs.idSegment(clean))"], citation: word + printed, inSchedule: true)
            }
        } else {
            let position = unnumbered.next("schedule")
            context = UKContext(canonical: "sched_nn\(position)", idPath: ["schednn\(position)"], citation: "unnumbered schedule \(position)", inSchedule: true)
            notes.append(Note(kind: .unresolved, text: "This schedule carries no number; ecca numbers it by its place among the unnumbered schedules (\(position)). Check the official text."))
            emitter.report(Diagnostic(.warning, "a schedule has no number; it is cited as \"\(context.citation)\"", at: location))
            emitter.count(.unnumberedUKUnits)
        }
        var annex = provision(schedule, canonical: context.canonical, idPath: context.idPath, level: .annex, parent: nil, citation: context.citation,
                              skipping: ["num", "heading", "subheading"], pointer: Self.pointer(schedule) ?? "hcontainer[@name='schedule'][\(context.citation)]", emitter: emitter)
        annex.notes.append(contentsOf: notes)
        try emitter.add(annex)

        let barriers = Self.quotationBarriers.union(["paragraph", "part"])
        let isParagraph: (OfficialElement) -> Bool = { $0.name == "paragraph" && !($0["class"]?.hasPrefix("para") ?? false) }
        let paragraphs = schedule.all(where: isParagraph, barriers: Self.quotationBarriers.union(["paragraph"]))
        let all = paragraphs.compactMap { number(of: $0).map(CanonicalIDs.clean) }
        let parts = schedule.all(where: { $0.name == "part" }, barriers: Self.quotationBarriers.union(["part"]))
        if Set(all).count < all.count && !parts.isEmpty {
            // Numbers restart in each Part: the Part is part of the citation.
            for (offset, part) in parts.enumerated() {
                let printed = number(of: part).map { Self.strip(word: "part", from: $0) }.flatMap(\.nilIfEmpty)
                let clean = printed.map(CanonicalIDs.clean) ?? "nn\(offset + 1)"
                var partContext = context
                partContext.canonical = CanonicalIDs.join(context.canonical, "part_\(clean)")
                partContext.idPath = context.idPath + ["part\(CanonicalIDs.idSegment(clean))"]
                partContext.citation = "\(context.citation), Part \(printed ?? "\(offset + 1)")"
                var provision = provision(part, canonical: partContext.canonical, idPath: partContext.idPath, level: .annexSection, parent: context.canonical,
                                          citation: partContext.citation, skipping: ["num", "heading"], emitter: emitter)
                if printed == nil {
                    provision.notes.append(Note(kind: .unresolved, text: "This Part carries no number; ecca numbers it by its place in the schedule (\(offset + 1)). Check the official text."))
                    emitter.report(Diagnostic(.warning, "a Part of \(context.citation) has no number; it is cited as \"\(partContext.citation)\"",
                                              at: SourceLocation(file: part.span.file, line: part.span.firstLine)))
                    emitter.count(.unnumberedUKUnits)
                }
                try emitter.add(provision)
                for paragraph in part.all(where: isParagraph, barriers: barriers) {
                    try emitScheduleParagraph(paragraph, base: partContext, into: emitter)
                }
            }
            for paragraph in schedule.all(where: isParagraph, barriers: barriers) {
                try emitScheduleParagraph(paragraph, base: context, into: emitter)
            }
        } else {
            for paragraph in paragraphs {
                try emitScheduleParagraph(paragraph, base: context, into: emitter)
            }
        }
        // Articles or sections set out in a schedule are not read as its provisions: said.
        let others = schedule.all(where: { $0.name == "article" || $0.name == "section" }, barriers: Self.quotationBarriers.union(["article", "section"]))
        if !others.isEmpty {
            emitter.count(.scheduleUnitsNotRead, by: others.count)
            emitter.report(Diagnostic(.warning, "\(context.citation) holds \(others.count) \(others.count == 1 ? "article or section" : "articles or sections") that ecca does not read as provisions of the schedule: their text is the schedule's wording", at: location))
        }
    }

    /// A numbered paragraph of a schedule ("Schedule 2, paragraph 1"), and its sub-paragraphs
    /// and points; an unnumbered one is the schedule's wording.
    private func emitScheduleParagraph(_ paragraph: OfficialElement, base: UKContext, into emitter: ImportEmitter) throws(OfficialImportError) {
        guard let label = number(of: paragraph) else { return }
        let clean = CanonicalIDs.clean(label)
        var context = base
        context.canonical = CanonicalIDs.join(base.canonical, "para_\(clean)")
        context.idPath = base.idPath + [CanonicalIDs.idSegment(clean)]
        context.citation = "\(base.citation), paragraph \(clean)"
        context.depth = 0
        try emitter.add(provision(paragraph, canonical: context.canonical, idPath: context.idPath, level: .paragraph, parent: base.canonical,
                                  citation: context.citation, skipping: ["num", "heading"], emitter: emitter))
        try emitUKSubunits(of: paragraph, context: context, into: emitter)
    }

    /// `label` without its leading `word` (and "the"), case aside: "SCHEDULE 2" → "2", "PART 1"
    /// → "1", "The Schedule" → ""; a label that does not begin with the word is kept as printed.
    private static func strip(word: String, from label: String) -> String {
        var text = Substring(TextNormalizer.collapse(label))
        if text.lowercased().hasPrefix("the ") { text = text.dropFirst(4) }
        guard text.lowercased().hasPrefix(word) else { return TextNormalizer.trim(String(text), also: ".:") }
        return TextNormalizer.trim(String(text.dropFirst(word.count)), also: ".:")
    }
}
