import ClauseGraph
import EccaXML

/// Federal Register XML (FORMATS.md §2): a daily issue (`FEDREG`) or one document (`RULE`,
/// `PRORULE`). Each rule becomes an instrument: its `DATES`, one provision per amendment
/// instruction (`AMDPAR`, read by `AmendmentGrammar` into verb, target and timing and tied to the
/// CFR section it amends), and the CFR text it sets out (`REGTEXT/SECTION`, paragraphs rebuilt by
/// the marker solver; `* * *` stubs are elisions, not text). Instructions the grammar cannot read
/// are kept as provisions and reported, never dropped.
///
/// One rule is captured at a time. The issue's contents are skipped; its notices, corrections and
/// presidential documents are not imported but named in the summary by their FR Doc. numbers, and a
/// correction that changes regulatory text is warned of.
struct FederalRegisterAdapter: OfficialAdapter {
    let options: ImportOptions
    private let flattening = TextFlattening.gpo
    private let grammar = AmendmentGrammar()

    private struct Issue {
        var volume: String?
        var number: String?
        var date: String?
        /// The issue's `DATE`, as a date field (nil when the file has none).
        var dateField: VersionDateField?
        /// Whether its warning was given: once for the issue, not for every rule in it.
        var dateReported = false
        var lastPage: Int?
    }

    func read(_ stream: OfficialStream, root: XMLElementStart, into emitter: ImportEmitter) throws(OfficialImportError) {
        var issue = Issue()
        var rules = 0
        /// Rules and proposed rules read so far, by element name: a rule's element path
        /// (`RULE[2]/PREAMB/EFFDATE`) says which of the issue's it is.
        var ordinals: [String: Int] = [:]
        if ["RULE", "PRORULE"].contains(root.name) {
            try emitRule(try stream.capture(root), issue: &issue, file: stream.file, element: root.name, into: emitter)
            return
        }
        while let event = try stream.next() {
            guard case .start(let start) = event else { continue }
            switch start.name {
            case "VOL" where issue.volume == nil: issue.volume = try stream.capture(start).plainText
            case "NO" where issue.number == nil: issue.number = try stream.capture(start).plainText
            case "DATE" where issue.date == nil:
                issue.date = try stream.capture(start).plainText
                issue.dateField = issue.date.flatMap { VersionDateField(field: "issue DATE", value: $0, file: stream.file, line: start.location.line, dates: USDates.all(in: $0)) }
            case "PRTPAGE": issue.lastPage = start["P"].flatMap { Int($0) } ?? issue.lastPage
            case "RULE", "PRORULE":
                ordinals[start.name, default: 0] += 1
                try emitRule(try stream.capture(start), issue: &issue, file: stream.file, element: "\(start.name)[\(ordinals[start.name]!)]", into: emitter)
                rules += 1
            case "CNTNTS":
                try stream.skip(start)
            case "NOTICE", "PRESDOCU", "PRESDOC", "SUNSHINE", "CORRECT":
                let document = try stream.capture(start)
                try report(notImported: document, into: emitter)
                // Its pages still tell where the next document starts.
                issue.lastPage = Self.lastPage(in: document) ?? issue.lastPage
            default:
                break
            }
        }
        if rules == 0 {
            let kinds = emitter.summary.notImported(in: stream.file).map { CountedNoun($0.kind.rawValue)($0.documents.count) }
            throw .nothingToImport(file: stream.file, dialect: .fr,
                                   why: kinds.isEmpty ? nil : "it holds no rule or proposed rule, only \(kinds.joined(separator: ", ")), which ecca does not import")
        }
    }

    /// A document ecca does not import, named in the summary by its FR Doc. number(s). A
    /// correction that holds amendatory text (`REGTEXT`, `AMDPAR`) corrects a rule: the rule
    /// imported from another issue is then not the law as corrected, which a warning says.
    private func report(notImported document: OfficialElement, into emitter: ImportEmitter) throws(OfficialImportError) {
        let kind: ImportSummary.NotImported.Kind = switch document.name {
        case "CORRECT": .correction
        case "PRESDOCU", "PRESDOC": .presidentialDocument
        case "SUNSHINE": .sunshineNotice
        default: .notice
        }
        let numbers = document.all(where: { $0.name == "FRDOC" }).map { Self.documentNumber(flattening.flatten($0)) }
        for number in numbers.isEmpty ? [nil] : numbers {
            emitter.notImported(.init(file: document.span.file, kind: kind, documentNumber: number, line: document.span.firstLine))
        }
        guard kind == .correction,
              let changed = document.first(where: { $0.name == "REGTEXT" || $0.name == "AMDPAR" }) else { return }
        let instruction = changed.name == "AMDPAR" ? changed : changed.first(where: { $0.name == "AMDPAR" })
        let wording = instruction.map { " (“" + flattening.flatten($0) + "”)" } ?? ""
        let number = numbers.compactMap { $0 }.first.map { "FR Doc. \($0)" } ?? "a correction"
        emitter.report(Diagnostic(.warning, "\(number) corrects the regulatory text of a rule\(wording) and is not applied: "
                                  + "ecca does not import corrections, and the rule as imported from its own issue does not show it",
                                  at: SourceLocation(file: document.span.file, line: changed.span.firstLine)), ofInstrument: false)
    }

    // MARK: - One rule

    /// `element`: the rule's element as paths name it, with its place among the issue's rules of its
    /// kind (`RULE[2]`; `RULE` for a file that is one rule).
    private func emitRule(_ rule: OfficialElement, issue: inout Issue, file: String, element: String,
                          into emitter: ImportEmitter) throws(OfficialImportError) {
        let preamble = rule.element("PREAMB") ?? OfficialElement(name: "PREAMB", span: rule.span)
        func field(_ name: String) -> String? { preamble.element(name).map { flattening.flatten($0) }.flatMap(\.nilIfEmpty) }
        let pages = rule.all(where: { $0.name == "PRTPAGE" }).compactMap { $0["P"].flatMap { Int($0) } }
        let (startPage, startNote) = Self.startPage(of: rule, pages: pages, lastBefore: issue.lastPage)
        if let lastInside = pages.last { issue.lastPage = lastInside }
        let citation = [issue.volume, startPage.map(String.init)].contains(where: { $0 == nil }) ? nil : "\(issue.volume!) FR \(startPage!)"
        let frDoc = rule.element("FRDOC").map { flattening.flatten($0) }.flatMap(Self.documentNumber)
        let url = frDoc.map { "https://www.federalregister.gov/d/" + SourceURL.component($0) }
        let subject = field("SUBJECT") ?? "Federal Register document"
        let action = preamble.element("ACT").map { flattening.flatten($0, skipping: ["HD"]) }
        // A proposed rule is the element's kind (`PRORULE`), not words of its ACTION: a final rule
        // may say "withdrawal of proposed rule".
        let proposed = rule.name == "PRORULE"
        let kind: Instrument.Kind = proposed ? .other
            : (action?.lowercased().contains("interim final rule") == true ? .interimFinalRule : .regulation)
        var officialIDs: [Instrument.OfficialID] = []
        if let citation { officialIDs.append(.init(scheme: "fr", value: citation)) }
        if let frDoc { officialIDs.append(.init(scheme: "other", value: "FR Doc. \(frDoc)")) }
        if let rin = field("RIN") { officialIDs.append(.init(scheme: "other", value: rin)) }
        if let docket = field("DEPDOC") { officialIDs.append(.init(scheme: "other", value: TextNormalizer.trim(docket, also: "[]"))) }
        for cfr in preamble.elements("CFR") { officialIDs.append(.init(scheme: "cfr", value: flattening.flatten(cfr))) }
        var notes: [Note] = []
        let agencies = [field("AGENCY"), field("SUBAGY")].compactMap { $0 }
        notes.append(Note(kind: .editorial, text: "Imported by ecca from the Federal Register XML file \(SourceFileName.name(of: file)). Agency: \(agencies.joined(separator: ", ")). Action: \(action.map(EcfrAdapter.trimPeriod) ?? "not stated"). Amendment instructions are read by ecca's grammar (docs/importers.md); the CFR text the rule sets out is verbatim."))
        if proposed {
            notes.append(Note(kind: .unresolved, text: "A proposed rule: nothing in it is law. Its instructions say how it would amend the CFR, and the text it sets out is proposed wording, not in the CFR and not in force; a final rule may adopt it, change it or drop it."))
        }
        if citation != nil, let startNote { notes.append(Note(kind: .editorial, text: startNote)) }
        if issue.volume != nil, startPage == nil {
            // A file cut out of an issue without its page markers: the volume is known, the page not.
            notes.append(Note(kind: .editorial, text: "The file has no page marker (PRTPAGE) in or before this document: the page it starts on, and so its Federal Register citation (volume and page), could not be formed. Its provisions are cited by FR Doc. number."))
        }
        let missing = [issue.volume == nil ? "volume (VOL)" : nil, issue.date == nil ? "date (DATE)" : nil].compactMap { $0 }
        if !missing.isEmpty {
            // A single document as federalregister.gov serves it has no issue wrapper.
            let lacks = [issue.volume == nil ? "the Federal Register citation (volume and page)" : nil, issue.date == nil ? "the publication date" : nil]
                .compactMap { $0 }.joined(separator: " and ")
            let pagesNote = issue.volume == nil ? (startPage.map { " Its page markers put its start on page \($0)." } ?? "") + " Its provisions are cited by FR Doc. number." : ""
            notes.append(Note(kind: .editorial, text: "The file has no issue \(missing.joined(separator: " or ")) (a single document, as federalregister.gov serves it, has none): \(lacks) could not be formed.\(pagesNote)"))
        }
        let id = options.instrumentID ?? "us.fr-\(frDoc ?? citation.map { CanonicalIDs.idSegment($0) } ?? "document")"
        let issueLabel = ["Federal Register", issue.volume.map { "Vol. \($0)" }, issue.number.map { "No. \($0)" }, issue.date]
            .compactMap { $0 }.joined(separator: ", ")
        var instrument = ImportedInstrument(
            id: id, dialect: .fr, variant: proposed ? ImportedInstrument.proposedRuleVariant : "fr-rule", title: subject,
            jurisdiction: "US", kind: kind, officialIDs: officialIDs, versionLabel: issueLabel, sourceURL: url,
            attribution: "Federal Register (Office of the Federal Register / Government Publishing Office); US Government work, public domain",
            notes: notes, file: file, documentNumber: frDoc)
        instrument.dated(by: issue.dateField)
        instrument.line = rule.span.firstLine  // an issue holds several rules
        try emitter.begin(instrument)
        if !issue.dateReported {
            issue.dateField?.report(to: emitter)
            issue.dateReported = true
        }

        let prefix = citation ?? "FR Doc. \(frDoc ?? "?")"
        if let dates = preamble.element("EFFDATE") ?? preamble.element("DATES") {
            var dropped: [TextFinding] = []
            let wording = flattening.flatten(dates, skipping: ["HD"], dropped: { dropped.append($0) })
            try emitter.add(ImportedProvision(
                canonicalID: "dates", sourceID: "EFFDATE", idPath: ["dates"], level: .preamble, citation: "\(prefix), DATES",
                heading: "Dates", wording: wording, span: dates.span.with(pointer: "\(element)/PREAMB/\(dates.name)"),
                dates: USDates.all(in: wording).map { ImportedDate(date: $0, role: "DATES") },
                sourceURL: url, notes: dropped.notes))
            EcfrAdapter.report(dropped, in: "dates", file: dates.span.file, to: emitter)
        }
        // Walked in document order, so that each instruction knows the page it is printed on and
        // each lettered step the numbered instruction it belongs to.
        var page = startPage
        var reading = Reading()
        // Instructions printed outside any REGTEXT (a misplaced AMDPAR, as eregs' preprocessors
        // meet them): read with the REGTEXT after them, or at the end with the one before.
        var loose: [(element: OfficialElement, pointer: String)] = []
        var previous: OfficialElement?
        func emit(_ regtext: OfficialElement, at pointer: String, placement: String) throws(OfficialImportError) {
            try emitRegulatoryText(regtext, at: pointer, loose: loose, placement: placement, prefix: prefix, startPage: citation == nil ? nil : startPage,
                                   page: &page, reading: &reading, url: url, proposed: proposed, into: emitter)
        }
        // Each element's path from the rule (`RULE[2]/SUPLINF[1]/REGTEXT[3]`), so that a source
        // span names which of an issue's rules, and which of its regulatory texts, it is in.
        func walk(_ element: OfficialElement, at path: String) throws(OfficialImportError) {
            var seen: [String: Int] = [:]
            for case .element(let child) in element.children {
                seen[child.name, default: 0] += 1
                let childPath = "\(path)/\(child.name)[\(seen[child.name]!)]"
                if child.name == "PRTPAGE" {
                    page = Self.printedPage(child) ?? page
                } else if child.name == "REGTEXT" {
                    try emit(child, at: childPath, placement: "the REGTEXT after it")
                    loose = []
                    previous = child
                } else if child.name == "AMDPAR" {
                    loose.append((child, childPath))
                } else {
                    try walk(child, at: childPath)
                }
            }
        }
        try walk(rule, at: element)
        if !loose.isEmpty {
            let attributes = previous?.attributes.filter { $0.key == "TITLE" || $0.key == "PART" } ?? [:]
            try emit(OfficialElement(name: "REGTEXT", attributes: attributes, span: loose[0].element.span), at: element,
                     placement: previous == nil ? "" : "the REGTEXT before it")
        }
    }

    /// The page a document starts on, and a note that says how it was found. A page marker
    /// (`<PRTPAGE P="9741"/>`) marks the top of a printed page, so a document whose first marker
    /// comes before any of its text starts on that very page (89 FR 9741, FR Doc. 2024-02930);
    /// one whose text begins before its first marker starts on the page before it (89 FR 9769,
    /// FR Doc. 2024-02701, first marker 9770); one with no marker inside is on the page of the
    /// last marker before it.
    static func startPage(of rule: OfficialElement, pages: [Int], lastBefore: Int?) -> (Int?, String?) {
        guard let first = pages.first else {
            return (lastBefore, lastBefore.map { "The document has no page marker (PRTPAGE) of its own: it is taken to be on page \($0), the page of the last marker before it." })
        }
        if markerComesFirst(in: rule) {
            return (first, "The document starts on page \(first): its first page marker (PRTPAGE) comes before any of its text.")
        }
        if let lastBefore, lastBefore == first {
            return (first, "The document starts on page \(first), the page of the last page marker (PRTPAGE) before it.")
        }
        return (first - 1, "The document starts on page \(first - 1): its text begins before its first page marker (PRTPAGE), for page \(first).")
    }

    /// Whether a page marker comes before any text of `element` (whitespace aside), in document order.
    private static func markerComesFirst(in element: OfficialElement) -> Bool {
        func visit(_ element: OfficialElement) -> Bool? {
            for child in element.children {
                switch child {
                case .text(let text): if text.contains(where: { !$0.isWhitespace }) { return false }
                case .element(let inner):
                    if inner.name == "PRTPAGE" { return printedPage(inner) != nil }
                    if let found = visit(inner) { return found }
                case .instruction: continue
                }
            }
            return nil
        }
        return visit(element) ?? false
    }

    /// The page of the last `PRTPAGE` inside `element`, if any.
    private static func lastPage(in element: OfficialElement) -> Int? {
        element.all(where: { $0.name == "PRTPAGE" }).compactMap(printedPage).last
    }

    /// The page a `PRTPAGE` marks the start of (`<PRTPAGE P="9764"/>`).
    private static func printedPage(_ marker: OfficialElement) -> Int? { marker["P"].flatMap { Int($0) } }

    /// `[FR Doc. 2024-02701 Filed 2-8-24; 8:45 am]` → `2024-02701`.
    static func documentNumber(_ text: String) -> String? {
        guard let range = text.firstRange(of: "FR Doc.") else { return nil }
        let number = text[range.upperBound...].drop { $0 == " " }.prefix { $0.isNumber || $0 == "-" || $0.isLetter }
        return number.isEmpty ? nil : String(number)
    }

    // MARK: - REGTEXT

    /// The numbered instruction that lettered steps after it belong to ("1. Amend … by:" then
    /// "a. Revising …"), by its form, whether or not the grammar could read it.
    private struct Lead {
        var number: String
        /// Its context, when the grammar read it as a lead-in; nil when it did not, and the steps'
        /// context is unknown.
        var scope: Amendment.Target?
        /// The lettered step that roman sub-steps after it belong to ("b. Under CHINA, …:" then
        /// "i. By revising …"), and the last such sub-step.
        var step: Step?
        var roman: String?
    }

    private struct Step {
        var number: String
        /// Its context for sub-steps, when the grammar read it as a lead-in.
        var scope: Amendment.Target?
        /// Whether it ends in a colon, as a step that introduces sub-steps does.
        var introduces: Bool
    }

    /// What the instructions read so far leave for the next: the lead-in and the unnumbered
    /// instructions that stood on their own.
    private struct Reading {
        var lead: Lead?
        var unnumbered = 0
        /// Sections set out without a number (`SECTNO` empty or missing).
        var unnumberedSections = UnnumberedUnits()
        /// The label of the last instruction emitted (`2.b.ii`).
        var last: String?
    }

    private struct Pending {
        var amendment: Amendment
        var element: OfficialElement
        /// Its path from the rule (`RULE[2]/SUPLINF[1]/REGTEXT[3]/AMDPAR[1]`).
        var pointer: String
        /// The instruction's place: `["7"]`, `["7", "b"]`, `["2", "b", "i"]`; empty for an
        /// unnumbered instruction that stands on its own.
        var path: [String]
        var texts: [String] = []
        /// The citation of the rule, with the page the instruction is printed on when that is not
        /// the first ("89 FR 9757, 9764").
        var citation: String
        /// Numeric superscripts after a number that the instruction's text, or the text set out
        /// with it, left out as footnote marks: reported and noted with it.
        var dropped: [TextFinding] = []
        /// The instruction of a proposed rule: it would amend the CFR, it does not.
        var proposed = false
        /// For an instruction printed outside any REGTEXT: the REGTEXT its title and part come from.
        var placement: String?
        /// For an unnumbered instruction that stands on its own: its order among them, and the
        /// label of the instruction before it.
        var unnumbered: (order: Int, after: String?)?
        /// It says the text "reads as follows", and nothing is set out after it.
        var nothingSetOut = false
    }

    private enum StepKind { case numbered, letter, roman }

    /// A numbered instruction, a lettered step, or a roman sub-step of the lettered step before
    /// it: `i.` after "b. Under CHINA, …:" is a sub-step, after "h. Revising …;" the letter i.
    private static func stepKind(_ number: String, lead: Lead?) -> StepKind {
        guard let first = number.first, first.isLetter else { return .numbered }
        guard let lead, let step = lead.step, let value = MarkerKind.romanValue(number) else { return .letter }
        let next = (lead.roman.flatMap(MarkerKind.romanValue) ?? 0) + 1
        guard value == next else { return .letter }
        let nextLetter = step.number.count == 1 ? step.number.unicodeScalars.first.flatMap { Unicode.Scalar($0.value + 1) }.map { String(Character($0)) } : nil
        return lead.roman != nil || step.introduces || nextLetter != number ? .roman : .letter
    }

    /// `loose`: instructions printed before the REGTEXT outside it (or, with an empty REGTEXT that
    /// has only the title and part of the one before, after the last), read as its first ones;
    /// `placement` says where their title and part come from ("the REGTEXT after it").
    /// `pointer`: the REGTEXT's path from the rule; `loose`: instructions printed before it outside
    /// any REGTEXT, with their own paths.
    private func emitRegulatoryText(_ regtext: OfficialElement, at pointer: String, loose: [(element: OfficialElement, pointer: String)],
                                    placement: String, prefix: String,
                                    startPage: Int?, page: inout Int?, reading: inout Reading,
                                    url: String?, proposed: Bool, into emitter: ImportEmitter) throws(OfficialImportError) {
        let title = regtext["TITLE"]
        let part = regtext["PART"]
        // A numbered instruction and its steps, held until the next numbered one (or a section)
        // so that an unnumbered "The additions and revisions read as follows:" after the steps,
        // and the text it introduces, join the instruction they belong to.
        var group: [Pending] = []
        var target: Int?
        var instructions = InstructionsBySection()
        // The instruction (in `group`) that said its text "reads as follows", until text comes.
        var promise: Int?
        func checkPromise() {
            if let promise { group[promise].nothingSetOut = true }
            promise = nil
        }

        func flushGroup() throws(OfficialImportError) {
            checkPromise()
            for pending in group {
                try emitAmendment(pending, prefix: prefix, into: emitter)
                reading.last = pending.path.isEmpty ? reading.last : pending.path.joined(separator: ".")
            }
            group = []
            target = nil
        }

        var amdpars = 0
        for (index, child) in (loose.map(\.element) + regtext.elements()).enumerated() {
            switch child.name {
            case "AMDPAR":
                let childPointer: String
                if index < loose.count {
                    childPointer = loose[index].pointer
                } else {
                    amdpars += 1
                    childPointer = "\(pointer)/AMDPAR[\(amdpars)]"
                }
                var dropped: [TextFinding] = []
                let printed = flattening.flatten(child, dropped: { dropped.append($0) })
                var amendment = grammar.read(printed, title: title, part: part)
                let promises = printed.hasSuffix("as follows:") || printed.hasSuffix("as follows.")
                checkPromise()
                if amendment.number.isEmpty, !group.isEmpty, !(amendment.isUnderstood && !amendment.actions.isEmpty) {
                    // Not an instruction of its own: it introduces the text the instruction sets out.
                    group[0].texts.append(printed)
                    group[0].dropped += dropped
                    target = 0
                    if promises { promise = 0 }
                    page = Self.lastPage(in: child) ?? page
                    continue
                }
                var path: [String]
                switch Self.stepKind(amendment.number, lead: reading.lead) {
                case .numbered:
                    try flushGroup()
                    reading.lead = amendment.number.isEmpty ? nil : Lead(number: amendment.number, scope: amendment.isLeadIn ? amendment.scope : nil)
                    path = amendment.number.isEmpty ? [] : [amendment.number]
                case .letter:
                    if let scope = reading.lead?.scope {
                        amendment = grammar.read(printed, title: title, part: part, scope: scope)
                    } else if !(amendment.isUnderstood && amendment.actions.allSatisfy({ $0.targets.allSatisfy(\.namesItsUnit) })) {
                        // The lead-in was not read (or there is none): the step's context is unknown,
                        // and it stands only if it names its whole target ("b. Removing § 740.2(a)(3)").
                        amendment.unreadLeadIn = reading.lead?.number ?? ""
                    }
                    reading.lead?.step = Step(number: amendment.number, scope: amendment.isLeadIn ? amendment.scope : nil,
                                              introduces: printed.hasSuffix(":"))
                    reading.lead?.roman = nil
                    path = (reading.lead.map { [$0.number] } ?? []) + [amendment.number]
                case .roman:
                    let lead = reading.lead!, step = lead.step!
                    if let scope = step.scope {
                        amendment = grammar.read(printed, title: title, part: part, scope: scope)
                    } else if !(amendment.isUnderstood && amendment.actions.allSatisfy({ $0.targets.allSatisfy(\.namesItsUnit) })) {
                        amendment.unreadLeadIn = "\(lead.number).\(step.number)"
                    }
                    reading.lead?.roman = amendment.number
                    path = [lead.number, step.number, amendment.number]
                }
                instructions.append(amendment)
                let pinpoint = startPage != nil && page != nil && page != startPage ? "\(prefix), \(page!)" : prefix
                var pending = Pending(amendment: amendment, element: child, pointer: childPointer, path: path, citation: pinpoint, dropped: dropped,
                                      proposed: proposed, placement: index < loose.count ? placement : nil)
                if path.isEmpty {
                    reading.unnumbered += 1
                    pending.unnumbered = (reading.unnumbered, group.last.map { $0.path.joined(separator: ".") } ?? reading.last)
                }
                group.append(pending)
                target = nil
                if promises { promise = group.count - 1 }
                page = Self.lastPage(in: child) ?? page
            case "SECTION":
                promise = nil
                try flushGroup()
                try emitSection(child, in: pointer, title: title, prefix: prefix, instructions: instructions, url: url,
                                proposed: proposed, unnumbered: &reading.unnumberedSections, into: emitter)
                page = Self.lastPage(in: child) ?? page
            case "PRTPAGE":
                page = Self.printedPage(child) ?? page
            case "STARS":
                continue
            default:
                var dropped: [TextFinding] = []
                let text = flattening.flatten(child, dropped: { dropped.append($0) })
                if target == nil, let last = group.indices.last {
                    // Text after a step that said it "reads as follows" is that step's; after the
                    // lettered steps ("The revision reads as follows:", 45 CFR 310.20), the
                    // instruction's as a whole, as a closing AMDPAR is: not the last step's, which
                    // may be a removal.
                    target = promise ?? (group[last].path.count > 1 ? 0 : last)
                }
                if !text.isEmpty { promise = nil }
                if let at = target {
                    if !text.isEmpty { group[at].texts.append(text) }
                    group[at].dropped += dropped
                } else if !dropped.isEmpty {
                    // Text with no instruction to belong to is not imported; its marks are still reported.
                    EcfrAdapter.report(dropped, in: "REGTEXT", file: child.span.file, to: emitter)
                }
                page = Self.lastPage(in: child) ?? page
            }
        }
        try flushGroup()
    }

    private func emitAmendment(_ pending: Pending, prefix: String, into emitter: ImportEmitter) throws(OfficialImportError) {
        let amendment = pending.amendment
        let path = pending.path
        let label = path.isEmpty ? "unnumbered \(pending.unnumbered?.order ?? 1)" : path.joined(separator: ".")
        let canonical = path.isEmpty ? "amd_unnumbered\(pending.unnumbered?.order ?? 1)" : "amd_" + path.joined(separator: "__")
        let cited = path.isEmpty
            ? "unnumbered amendatory instruction \(pending.unnumbered?.order ?? 1)" + (pending.unnumbered?.after.map { " (after instruction \($0))" } ?? "")
            : "amendatory instruction \(label)"
        // As warnings name it: "amendment 3.a", "amendatory instruction 3.a", and in English order
        // "unnumbered amendatory instruction 1" (not "amendment unnumbered 1").
        let unnumbered = "unnumbered amendatory instruction \(pending.unnumbered?.order ?? 1)"
        let warned = path.isEmpty ? unnumbered : "amendment \(label)"
        let instructionNamed = path.isEmpty ? unnumbered : "amendatory instruction \(label)"
        var notes: [Note] = []
        // A chapter holds its parts: an instruction on chapters alone amends the title, whatever
        // part the REGTEXT around it names (importer QA 2026-12-07, L3: "45 CFR part 309: revise
        // heading of chapter III").
        let onChapters = !amendment.actions.isEmpty && amendment.actions.allSatisfy { action in
            !action.targets.isEmpty && action.targets.allSatisfy { target in
                target.kind == .chapter || (target.kind == .heading && target.section == nil && target.detail?.lowercased().hasPrefix("chapter ") == true)
            }
        }
        let cfr = [amendment.title.map { "\($0) CFR" }, onChapters ? nil : amendment.part.map { "part \($0)" }].compactMap { $0 }.joined(separator: " ")
        if amendment.isLeadIn, let scope = amendment.scope {
            notes.append(Note(kind: .amendment, text: "Lead-in for the lettered steps that follow: \(scope) (\(cfr))\(pending.proposed ? "; a proposed rule" : "")."))
        } else if amendment.isUnderstood {
            var text = (pending.proposed ? "Would amend" : "Amends") + " \(cfr): " + amendment.actions.map(\.description).joined(separator: "; ")
            if let timing = amendment.timing { text += ". Own timing: \(timing)" }
            notes.append(Note(kind: .amendment, text: text + (pending.proposed ? " (proposed rule)." : ".")))
        } else if let lead = amendment.unreadLeadIn, amendment.unaccounted.isEmpty {
            let instruction = lead.isEmpty ? "no numbered instruction comes before it" : "amendatory instruction \(lead), which it belongs to, could not be read"
            notes.append(Note(kind: .unresolved, text: "The unit this step amends is not known (\(cfr)): \(instruction), and the step does not name it by itself; read the wording of both."))
            let reason = lead.isEmpty ? "no lead-in before it" : "its lead-in, instruction \(lead), was not read"
            emitter.report(Diagnostic(.warning, "\(warned) not understood (\(reason), and the step does not name its whole target): “\(amendment.text)”",
                                      at: SourceLocation(file: pending.element.span.file, line: pending.element.span.firstLine),
                                      subject: canonical))
        } else {
            notes.append(Note(kind: .unresolved, text: "The amendment grammar could not read this instruction\(pending.proposed ? " of a proposed rule" : "") (\(cfr)); read its wording."))
            let unread = amendment.unaccounted.isEmpty ? "" : " (could not read: " + amendment.unaccounted.map { "“\($0)”" }.joined(separator: ", ") + ")"
            emitter.report(Diagnostic(.warning, "\(warned) not understood\(unread): “\(amendment.text)”",
                                      at: SourceLocation(file: pending.element.span.file, line: pending.element.span.firstLine),
                                      subject: canonical))
        }
        if let placement = pending.placement {
            let source = amendment.part == nil ? "its CFR title and part are unknown" : "its CFR title and part (\(cfr)) are taken from \(placement)"
            notes.append(Note(kind: .unresolved, text: "This instruction stands outside the regulatory text (REGTEXT) in the official file: \(source). Check the official text."))
            let read = placement.isEmpty ? ", and the rule has none: its CFR part is unknown" : "; read with \(placement)" + (cfr.isEmpty ? "" : " (\(cfr))")
            emitter.report(Diagnostic(.warning, "\(instructionNamed) stands outside any REGTEXT\(read)",
                                      at: SourceLocation(file: pending.element.span.file, line: pending.element.span.firstLine), subject: canonical))
        }
        if pending.nothingSetOut {
            notes.append(Note(kind: .unresolved, text: "The instruction says its text reads as follows, but the official file sets out nothing after it; check the official text."))
            emitter.report(Diagnostic(.warning, "\(instructionNamed) says its text reads as follows, but nothing is set out after it before the next instruction (a damaged or mis-nested file?)",
                                      at: SourceLocation(file: pending.element.span.file, line: pending.element.span.firstLine), subject: canonical))
        }
        for text in pending.texts { notes.append(Note(kind: .amendment, text: "Text set out with this instruction: \(text)")) }
        notes += pending.dropped.notes
        EcfrAdapter.report(pending.dropped, in: canonical, file: pending.element.span.file, to: emitter)
        emitter.count(amendment.isUnderstood ? .amendmentsRead : .amendmentsUnread)
        try emitter.add(ImportedProvision(
            canonicalID: canonical, sourceID: "AMDPAR \(label)",
            idPath: path.isEmpty ? ["amd-unnumbered\(pending.unnumbered?.order ?? 1)"] : ["amd\(path[0])"] + path.dropFirst(),
            level: .amendment, parentID: path.count > 1 ? "amd_" + path.dropLast().joined(separator: "__") : nil,
            citation: "\(pending.citation), \(cited)", heading: nil, wording: amendment.text,
            span: pending.element.span.with(pointer: pending.pointer),
            dates: (amendment.effective.map { [ImportedDate(date: $0, role: "effective date of the instruction")] } ?? [])
                + amendment.actions.compactMap { action in
                    action.effective.map { ImportedDate(date: $0, role: "effective date of one action of the instruction") }
                },
            notes: notes, amendment: amendment))
    }

    /// `regtext`: the path from the rule of the REGTEXT that holds the section. One set out without
    /// its number is imported as the rule prints it, cited by its place (`UnnumberedUnits`), no
    /// instruction tied to it by number.
    private func emitSection(_ section: OfficialElement, in regtext: String, title: String?, prefix: String, instructions: InstructionsBySection, url: String?,
                             proposed: Bool, unnumbered: inout UnnumberedUnits, into emitter: ImportEmitter) throws(OfficialImportError) {
        let sectno = section.element("SECTNO").map { flattening.flatten($0) } ?? ""
        let subject = section.element("SUBJECT").map { EcfrAdapter.trimPeriod(flattening.flatten($0)) }
        let standIn = EcfrAdapter.sectionNumber(sectno).isEmpty ? unnumbered.standIn("section") : nil
        let number = standIn?.number ?? EcfrAdapter.sectionNumber(sectno)
        var notes: [Note] = []
        let numbers = instructions.numbers(naming: number).joined(separator: ", ")
        let by = "\(prefix), amendatory instruction\(numbers.contains(",") ? "s" : "") \(numbers)"
        notes.append(Note(kind: .amendment, text: proposed ? "Text proposed for the CFR by \(by) (a proposed rule)." : "CFR text as set out by \(by)."))
        var reader = CFRSectionReader(number: number, sourceID: standIn == nil ? sectno : number, title: title, heading: subject,
                                      url: url, pointer: standIn == nil ? "\(regtext)/SECTION[SECTNO='\(sectno)']" : "\(regtext)/SECTION[SUBJECT='\(subject ?? "")']")
        reader.header.notes = notes
        if proposed {
            // Not the CFR's wording: no CFR text says so yet (docs/importers.md, "Proposed rules").
            reader.header.evidence = .unverified
        }
        var output = reader.read(section)
        let named = instructions.instructions(naming: number)
        // Paragraphs whose introductory text alone is revised: what follows them is theirs.
        let introductoryTexts = named.flatMap(\.actions).flatMap(\.targets).compactMap { target in
            target.kind == .introductoryText && (target.section == nil || target.section == number) ? target.paragraph : nil
        }
        // Elided text (`* * *`, STARS, a heading alone): not a full wording, and marked so.
        output.provisions = PartialSetOut.mark(output.provisions, introductoryTexts: introductoryTexts)
        if !named.isEmpty {
            // The instructions' targets and the starred parents settle the paths; a disagreement is
            // reported. Where the stubs' reading contradicts an instruction that reading them as
            // plain elisions fits ("add paragraph (i)" after `(h) * * *`), the instruction wins.
            let paths = SetOutPaths(instructions: named, section: number)
            let naming = "amendatory instruction\(named.count > 1 ? "s" : "") \(numbers)"
            var (checked, disagreements) = paths.report(output.provisions, instructions: naming, file: section.span.file)
            if !disagreements.isEmpty {
                var plainReader = reader
                plainReader.stubsPlaceChildren = false
                var plain = plainReader.read(section)
                plain.provisions = PartialSetOut.mark(plain.provisions, introductoryTexts: introductoryTexts)
                let (plainChecked, plainDisagreements) = paths.report(plain.provisions, instructions: naming, file: section.span.file)
                if plainDisagreements.isEmpty {
                    output = plain
                    (checked, disagreements) = (plainChecked, [])
                }
            }
            output.provisions = checked
            output.diagnostics += disagreements
        }
        if proposed {
            let cfr = title.map { "\($0) CFR" } ?? "the CFR"
            output.provisions = output.provisions.noting(Note(kind: .unresolved, text: "Proposed text, not in force: \(prefix), a proposed rule, would set out this wording in \(cfr); it is not CFR text unless a final rule adopts it, and the final wording may differ."))
        }
        if let standIn {
            UnnumberedUnits.report("section", citation: reader.header.citationTitle + number, heading: subject,
                                   at: SourceLocation(file: section.span.file, line: section.span.firstLine), to: emitter)
            output.provisions = output.provisions.noting(standIn.note)
        }
        output.report(to: emitter)
        try emitter.add(contentsOf: output.provisions)
    }
}
