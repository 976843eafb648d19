import ClauseGraph
import EccaFormats

/// Drafts Memorandum-of-Understanding clauses for a cure from the provisions it relies on, in the
/// terms of the request's legal basis: an evaluation under Article 92 gives evaluators access
/// within the period set under Article 92(4); a request for documentation or information under
/// Article 91 has staff of the Commission receive it within the period set under Article 91(4).
struct MoUWording {
    let graph: ClauseGraph

    /// The request's legal basis as the clauses cite it.
    struct Basis: Equatable {
        /// "Regulation (EU) 2024/1689": the instrument's title up to "of the".
        var instrument: String
        /// The article the basis lies in (91 for "Art. 91(1)").
        var article: Int

        var isEvaluation: Bool { article == 92 }
        var cited: String { "Article \(article) of \(instrument)" }
        /// Who receives what is disclosed.
        var recipients: String { isEvaluation ? "evaluators" : "staff of the Commission" }
        /// Articles 91 and 92 each have the request set a period in their paragraph 4.
        var setsPeriodInParagraph4: Bool { article == 91 || article == 92 }
        var period: String {
            setsPeriodInParagraph4 ? "the period set under Article \(article)(4) of \(instrument)" : "the period set in the request"
        }
    }

    /// The article of the instrument the request's legal basis lies in, found by the citations of
    /// the law loaded ("Art. 92(3)" lies in "Art. 92"); nil where the basis names none.
    func basis(of request: DisclosureRequest) -> Basis? {
        guard let written = request.requester?.legalBasis, let id = graph.resolveProvisionReference(written) else { return nil }
        let parts = id.split(separator: ".")
        for count in stride(from: parts.count, through: 1, by: -1) {
            let prefix = parts.prefix(count).joined(separator: ".")
            guard let provision = graph.provisions[prefix], provision.citation.hasPrefix("Art. "),
                  let article = Int(provision.citation.dropFirst("Art. ".count)) else { continue }
            let title = graph.instruments[provision.instrumentID]?.title ?? ""
            let instrument = title.components(separatedBy: " of the ").first ?? title
            return Basis(instrument: instrument.isEmpty ? "Regulation (EU) 2024/1689" : instrument, article: article)
        }
        return nil
    }

    /// An artefact as running text names it ("source code" for `source-code`).
    static func artefact(_ artifact: String) -> String {
        switch artifact {
        case "api-access": "API access"
        case "training-data-summary": "training-data summary"
        default: artifact.replacingOccurrences(of: "-", with: " ")
        }
    }

    /// What the Provider does to give `artifact` by a channel, as a clause words it. API access
    /// gives access to the model, not its parameters, whatever the item asked for. An on-site
    /// inspection says where it takes place (`inspectionPlace`), since that is where the artefact
    /// is released.
    static func channelAction(_ channel: String, artifact: String, recipients: String = "evaluators", place: String? = nil) -> String {
        let artifact = Self.artefact(artifact)
        return switch channel {
        case "transfer": "transfer a copy of the \(artifact)"
        case "remote-api": "give access to the model through an application programming interface (API), without transferring the model's parameters"
        case "on-site": "make the \(artifact) available for on-site inspection" + (place.map { " \($0)" } ?? "")
        case "secure-enclave": "make the \(artifact) available within a secure enclave whose decryption keys are never given to the \(recipients)"
        case "publication": "publish the \(artifact)"
        default: "provide the \(artifact) by \(channel)"
        }
    }

    /// Where an on-site inspection of the item takes place once the cure is made, as a clause
    /// says it: where the artefact is hosted (the cure's hosting location, or the request's), or
    /// else where the recipients are located, as the law loaded reads an inspection whose hosting
    /// location is not given (15 CFR 734.13's caveat). A release by inspection takes place where
    /// the inspection does (15 CFR 734.15(a)(1)), so a clause that did not say where would not be
    /// the disclosure ecca verified.
    static func inspectionPlace(_ set: CureFinder.CorrectionSet, item: DisclosureRequest.Item, recipients: String) -> String {
        if let hosting = set.hosting ?? item.hostingLocation { return "in \(CountryCodes.name(hosting))" }
        if let location = set.location { return "in \(CountryCodes.name(location))" }
        return "where the \(recipients) are located"
    }

    /// The channel the request asked for, as the thing a channel clause replaces ("the requested
    /// transfer of a copy of the weights"). A clause says what the Provider does in place of it,
    /// never that it "shall not" do it: the negation of `channelAction` bound the Provider not to
    /// use "a secure enclave whose decryption keys are never given to the evaluators", which reads
    /// as renouncing the safe way rather than replacing the one asked for.
    static func requestedChannel(_ channel: String, artifact: String) -> String {
        let artifact = Self.artefact(artifact)
        return switch channel {
        case "transfer": "the requested transfer of a copy of the \(artifact)"
        case "remote-api": "the requested access to the model through an application programming interface (API)"
        case "on-site": "the requested on-site inspection of the \(artifact)"
        case "secure-enclave": "the requested access to the \(artifact) within a secure enclave"
        case "publication": "the requested publication of the \(artifact)"
        default: "the requested provision of the \(artifact) by \(channel)"
        }
    }

    /// The Commission's side of a substitution: what the Provider supplies in place of what was
    /// requested meets the request only where the Commission accepts it (else the request stands
    /// unmet, which Art. 101(1) sanctions), so the clause binds the Commission too.
    static func acceptance(_ basis: Basis?) -> String {
        guard let basis else { return "the requesting authority shall accept this in answer to its request" }
        return "the Commission shall accept this in answer to its request under \(basis.cited)"
    }

    /// What the Provider does to supply an artefact in place of another ("give access to the
    /// model through an application programming interface (API)").
    static func supplyAction(_ artifact: String) -> String {
        switch artifact {
        case "api-access": "give access to the model through an application programming interface (API)"
        // Information in place of an artefact is no copy of it: the clause says what it is.
        case "information": "supply information about the model other than its parameters"
        default: "supply the \(Self.artefact(artifact))"
        }
    }

    /// " (relying on …)" for a clause: the provisions relied on whose conditions read the facts the
    /// clause's part sets (or, for a claim, the claimed provision itself), never an obligation that
    /// lapses (the clause works because it no longer applies, not under it). A citation ecca's
    /// encoding marks unverified says so (`InlineCitation`).
    func relying(on reliance: [ConflictEngine.ReliedProvision], _ part: CureFinder.Part? = nil, claim: String? = nil) -> String {
        let facts = Set(part?.facts ?? [])
        var cited: [String] = []
        for relied in reliance where !relied.lapses {
            let matches = claim.map { relied.reliance.provision == $0 } ?? !relied.facts.isDisjoint(with: facts)
            guard matches else { continue }
            let citation = graph.inlineCitation(of: relied.reliance.provision)
            if !cited.contains(citation) { cited.append(citation) }
        }
        return cited.isEmpty ? "" : " (relying on " + cited.joined(separator: "; ") + ")"
    }

    /// The lists that the relied-on provisions test a part's new value against, by their own
    /// citation ("15 CFR Part 740, Supp. No. 5, para. (a)", a letter's Annex A), joined; nil where
    /// none lists it.
    func lists(containing value: String, of part: CureFinder.Part, reliance: [ConflictEngine.ReliedProvision]) -> String? {
        let relied = Set(reliance.map(\.reliance.provision))
        var lists: [String] = []
        for fact in part.facts {
            for tested in graph.setsTested(against: fact) where relied.contains(tested.provisionID) && tested.set.members.contains(value) {
                let list = tested.set.provisionID.flatMap { graph.provisions[$0] != nil ? graph.inlineCitation(of: $0) : nil } ?? tested.set.title ?? tested.set.id
                if !lists.contains(list) { lists.append(list) }
            }
        }
        return lists.isEmpty ? nil : lists.joined(separator: " and in ")
    }

    /// What a cure needs beyond its clauses: the Commission's acceptance of a substitution, and a
    /// period that holds its date.
    func notes(for set: CureFinder.CorrectionSet, request: DisclosureRequest, reliance: [ConflictEngine.ReliedProvision] = []) -> [String] {
        substitutionNotes(reliance) + dateNotes(for: set, request: request)
    }

    /// A cure that works because an obligation no longer applies to the changed item (weights
    /// asked for, documentation supplied) works only if the Commission accepts the change: without
    /// that, what was asked stays owed and unmet, and the note names the sanction.
    func substitutionNotes(_ reliance: [ConflictEngine.ReliedProvision]) -> [String] {
        var notes: [String] = []
        for relied in reliance where relied.lapses && relied.statusChange == nil && !relied.facts.contains("as-of") {
            let provision = relied.reliance.provision
            let sanctions = graph.provisions[provision]?.norms.flatMap(\.sanctions) ?? []
            var unique: [String] = []
            for sanction in sanctions where !unique.contains(sanction) { unique.append(sanction) }
            // Art. 101(1) fines only a failure found intentional or negligent: the provider's defence.
            let sanctioned = unique.isEmpty ? "" : ", which \(ProseList.joined(unique.map(graph.inlineCitation(of:)))) \(unique.count == 1 ? "sanctions" : "sanction") where the failure is intentional or negligent"
            let note = "the cure relies on \(graph.inlineCitation(of: provision)) no longer obliging the changed item: that holds only once the Commission accepts the change in answer to its request; without that, supplying the changed item leaves the request unmet\(sanctioned)"
            if !notes.contains(note) { notes.append(note) }
        }
        return notes
    }

    /// A disclosure date after the request's deadline needs the Commission to set or extend the
    /// period (Art. 91(4), 92(4)); without a deadline, that the date lies within the period is to
    /// be checked.
    func dateNotes(for set: CureFinder.CorrectionSet, request: DisclosureRequest) -> [String] {
        guard let date = set.date else { return [] }
        let period = basis(of: request).map { $0.setsPeriodInParagraph4 ? "the period under Art. \($0.article)(4)" : "the period set in the request" }
            ?? "the period set in the request"
        guard let deadline = request.deadline else {
            return ["the request gives no deadline: check that \(date.iso) lies within \(period)"]
        }
        guard date > deadline else { return [] }
        return ["\(date.iso) is after the request's deadline (\(deadline.iso)): the cure needs the Commission to set or extend \(period) to end no earlier than \(date.iso)"]
    }

    func clauses(for set: CureFinder.CorrectionSet, item: DisclosureRequest.Item, request: DisclosureRequest,
                 reliance: [ConflictEngine.ReliedProvision]) -> [String] {
        let basis = basis(of: request)
        let recipients = basis?.recipients ?? "recipients"
        let onSite = (set.channel ?? item.channel) == "on-site"
        var clauses: [String] = []
        if let channel = set.channel {
            let new = Self.channelAction(channel, artifact: item.artifact, recipients: recipients,
                                         place: Self.inspectionPlace(set, item: item, recipients: recipients))
            let old = Self.requestedChannel(item.channel, artifact: item.artifact)
            // The comma keeps "in place of" on the whole action, not on its last words ("keys are
            // never given to the evaluators in place of …").
            clauses.append("The Provider shall \(new), in place of \(old)\(relying(on: reliance, .channel)); \(Self.acceptance(basis)).")
        }
        if let artifact = set.artifact {
            let extent = basis.map { $0.isEvaluation ? "it enables the evaluation under \($0.cited)" : "it serves the request under \($0.cited)" }
                ?? "it serves the request"
            clauses.append("The Provider shall \(Self.supplyAction(artifact)) in place of the \(Self.artefact(item.artifact)), to the extent that \(extent)\(relying(on: reliance, .artifact)); \(Self.acceptance(basis)).")
        }
        if let location = set.location {
            let listed = lists(containing: location, of: .recipientLocation, reliance: reliance).map { ", a destination listed in \($0)" } ?? ""
            // Inspected on site with no hosting location given, the artefact is read as inspected
            // where the recipients are: the clause makes that a term.
            let inspected = onSite && set.hosting == nil && item.hostingLocation == nil ? ", who shall inspect the \(Self.artefact(item.artifact)) there" : ""
            clauses.append("Access shall be given only to \(recipients) located in \(CountryCodes.name(location))\(listed)\(inspected)\(relying(on: reliance, .recipientLocation)).")
        }
        if let organisation = set.organisation {
            // Only an evaluation is offered another organisation (`CureFinder`): its experts are
            // the Commission's appointees under Article 92(2).
            let who = basis.map { "independent experts appointed by the Commission under Article 92(2) of \($0.instrument)" } ?? recipients
            let listed = lists(containing: organisation, of: .recipientOrganisation, reliance: reliance).map { ", an organisation listed in \($0)" } ?? ""
            // Article 92(2) holds such experts to Article 68(2), whose point (b) asks independence
            // from any provider: an organisation the provider lists as its trusted partner may
            // not have it, so the clause makes it a term, not an assumption.
            let independent = basis.map {
                ", and who meet the criteria of Article 68(2) of \($0.instrument), including under its point (b) independence from any provider of AI systems or general-purpose AI models, the Provider included"
            } ?? ""
            clauses.append("Access shall be given only to \(who) who are employees of \(organisation)\(listed)\(independent)\(relying(on: reliance, .recipientOrganisation)).")
        }
        if set.nationalityUS {
            // An evaluation is conducted by the AI Office (Article 92(1)) or by independent experts
            // the Commission appoints (Article 92(2)): the clause names those the request's
            // recipients are, both where it does not say.
            var who = recipients
            if let basis, basis.isEvaluation {
                let roles = Set((item.recipients ?? []).map { $0.role ?? "" })
                let experts = "independent experts appointed by the Commission under Article 92(2) of \(basis.instrument)"
                let staff = "staff of the AI Office conducting the evaluation under Article 92(1) of \(basis.instrument)"
                who = roles == ["independent-expert"] ? experts : roles == ["authority-staff"] ? staff : "\(staff), or \(experts),"
            }
            clauses.append("Access shall be given only to \(who) who are not foreign persons within the meaning of 50 U.S.C. 4801(5) (US nationals or US permanent residents)\(relying(on: reliance, .recipientNationality)).")
        }
        if let hosting = set.hosting {
            let during = basis?.isEvaluation == true ? "the evaluation" : "the access"
            // "Remain" would hide a move: a cure may take the artefact to where it was not.
            // An on-site inspection is a release where it takes place (15 CFR 734.15(a)(1)): the
            // clause puts it where the artefact is hosted.
            let inspected = onSite ? ", and the on-site inspection shall take place there" : ""
            // The list the law tests the place against, as a location clause names it: an MoU
            // bounds the same place with `<hosting-location>` (docs/negotiation.md).
            let listed = lists(containing: hosting, of: .hostingLocation, reliance: reliance).map { ", a destination listed in \($0)," } ?? ""
            clauses.append("The \(Self.artefact(item.artifact)) shall be hosted in \(CountryCodes.name(hosting))\(listed) throughout \(during)\(inspected)\(relying(on: reliance, .hostingLocation)).")
        }
        if set.licence {
            let what = basis.map { $0.isEvaluation ? "provide the access" : "supply the information requested" } ?? "make the disclosure"
            // The period is the Commission's to set in its request (Arts 91(4), 92(4)); it does not
            // run from a licence grant, so the clause has it set or extended to leave time after
            // the grant. How long, and how long a pending application may take, are the Parties'
            // to agree: ecca cannot know BIS's processing time, so the clause leaves [N] and [M].
            let period = if let basis, basis.setsPeriodInParagraph4 {
                "the Commission shall set the period under Article \(basis.article)(4) of \(basis.instrument), or extend it, so that it ends no earlier than [N] days after the licence is granted"
            } else {
                "the period set in the request shall be extended where needed so that it ends no earlier than [N] days after the licence is granted"
            }
            // A licence may be refused (the review policy is contested): the clause says what then.
            clauses.append("The Provider shall apply to the Bureau of Industry and Security for a licence covering this disclosure without delay\(relying(on: reliance, .licence)); \(period), and the Provider shall \(what) within that period; if the licence is refused, or is not granted within [M] days of the application, the disclosure shall not take place under this clause, and the Parties shall consult without delay on another means of meeting the request.")
        }
        for claim in set.claims {
            clauses.append("Before the disclosure the Provider shall establish whether \(graph.inlineCitation(of: claim)) applies and, only where its conditions are met, document it and keep the records\(relying(on: reliance, claim: claim)); otherwise the disclosure shall not take place under this clause.")
        }
        if let date = set.date {
            // Why the date works, as a fact about it: the clause does not act under a provision
            // that stops binding.
            var stops: [String] = []
            for relied in reliance where relied.facts.contains("as-of") && !relied.lapses {
                guard let change = relied.statusChange else { continue }
                let text = "\(graph.inlineCitation(of: relied.reliance.provision)) \(change.replacingOccurrences(of: "no longer ", with: "is no longer "))"
                if !stops.contains(text) { stops.append(text) }
            }
            let because = stops.isEmpty ? "" : " (the date from which " + stops.joined(separator: " and ") + ")"
            let what = basis.map { $0.isEvaluation ? "provide the access" : "supply the information requested" } ?? "make the disclosure"
            if let deadline = request.deadline, date > deadline, let basis, basis.setsPeriodInParagraph4 {
                // The request's period ends before the date: only the Commission can move it.
                clauses.append("The Commission shall set the period under Article \(basis.article)(4) of \(basis.instrument) to end no earlier than \(date.iso), extending the period of the request (which ends on \(deadline.iso)), and the Provider shall \(what) on or after \(date.iso) and within that period\(because).")
            } else {
                clauses.append("The Provider shall \(what) on or after \(date.iso), within \(basis?.period ?? "the period set in the request")\(because).")
            }
        }
        // What the terms bring the artefact under is the Provider's to accept knowingly: the
        // clause that relies on the change does not say it.
        for bar in set.bars {
            let rule = Labels.head(graph.inlineLabel(ofRule: bar.rule))
            let exception = Labels.head(graph.inlineLabel(bar.exception.label, provision: bar.exception.provisionID))
            clauses.append("The Provider acknowledges that these terms make the \(Self.artefact(item.artifact)) \(rule), for which it can no longer claim this exception: \(exception).")
        }
        // Art. 78(1)(c) protects the Union's and the Member States' security interests, not US
        // export-control interests: a negotiator must not read it as meeting them (law audit L5).
        clauses.append("The Commission shall treat all information and data obtained in accordance with Article 78 of Regulation (EU) 2024/1689, including the protection of public and national security interests (Article 78(1)(c)), and shall request only data strictly necessary (Article 78(2)). The Parties note that this confidentiality protects the interests that Regulation names; it meets no requirement of United States export-control law and makes no disclosure lawful under it.")
        return clauses
    }
}
