/// What a legal reference's `refID` names, read in the forms LegalRuleML files write it, and cited
/// the way the act is cited (`GDPR Art. 5(1)(a)`):
/// - `GDPR:art_5__para_1__content__list_1__point_a`, its prefix declared by an `lrml:Prefix`;
/// - a full Akoma Ntoso IRI `/akn/eu/act/…/!main#art_5__para_1__…`, the act named by the declared
///   prefix whose IRI it starts with (else by its own IRI), the provision by the eId fragment;
/// - an EU ELI `http://data.europa.eu/eli/reg/2016/679/art_5/par_1/pnt_a/oj` (Regulation (EU) 2016/679).
/// What ecca cannot read is quoted as printed, with the reason (`problem`) for a warning.
struct LegalRuleMLCitation: Hashable {
    /// `GDPR Art. 5(1)(a)`, or the `refID` as printed.
    var citation: String
    /// The eId without the containers canonical ids leave out (`art_5__para_1__point_a`); nil when
    /// the provision is not read.
    var canonical: String?
    /// The `refID` as a full IRI (through its prefix), for the provision's note.
    var resolved: String
    /// Why the citation is uncertain or not read; nil when it is read with certainty.
    var problem: String?

    static func read(_ refID: String, prefixes: [String: String]) -> LegalRuleMLCitation {
        if let colon = refID.firstIndex(of: ":"), !refID[..<colon].contains("/"), !refID[refID.index(after: colon)...].hasPrefix("//") {
            let prefix = String(refID[..<colon])
            let local = String(refID[refID.index(after: colon)...])
            if let expansion = prefixes[prefix] {
                return cite(eId: local, act: prefix, refID: refID, resolved: expansion + local, problem: nil)
            }
            return cite(eId: local, act: prefix, refID: refID, resolved: refID,
                        problem: "its prefix \(prefix) is declared by no lrml:Prefix in the file, so the act it names is not known")
        }
        let act = prefixes.filter { !$0.value.isEmpty && refID.hasPrefix($0.value) }.max { $0.value.count < $1.value.count }?.key
        if let eli = refID.range(of: "://data.europa.eu/eli/") {
            return europeanLegislationIdentifier(String(refID[eli.upperBound...]), act: act, refID: refID)
        }
        if let hash = refID.lastIndex(of: "#") {
            let document = String(refID[..<hash])
            return cite(eId: String(refID[refID.index(after: hash)...]), act: act ?? document, refID: refID, resolved: refID, problem: nil)
        }
        return unread(refID, "it is neither an Akoma Ntoso eId nor an EU ELI")
    }

    /// `reg/2016/679/art_5/par_1/pnt_a/oj` → Regulation (EU) 2016/679, `art_5__para_1__point_a`.
    private static func europeanLegislationIdentifier(_ path: String, act: String?, refID: String) -> LegalRuleMLCitation {
        let segments = path.split(separator: "/").map(String.init)
        let types = ["reg": "Regulation", "dir": "Directive", "dec": "Decision"]
        guard segments.count >= 3, let type = types[segments[0]], let year = Int(segments[1]), segments[1].count == 4,
              segments[2].allSatisfy(\.isNumber) else {
            return unread(refID, "it is an ELI of a kind ecca does not read")
        }
        // Numbered "(EU) year/number" since 1 January 2015; older acts are cited in forms
        // ("(EC) No …") the ELI does not tell apart.
        guard act != nil || year >= 2015 else { return unread(refID, "the ELI names an act of \(year), whose citation form ecca does not derive") }
        let kinds = ["art": "art", "par": "para", "pnt": "point"]
        var parts: [String] = []
        for segment in segments.dropFirst(3) {
            let pieces = segment.split(separator: "_", maxSplits: 1).map(String.init)
            guard pieces.count == 2 else { break }
            guard let kind = kinds[pieces[0]] else { return unread(refID, "the ELI subdivision \(segment) is none ecca reads") }
            parts.append("\(kind)_\(pieces[1])")
        }
        return cite(eId: parts.joined(separator: "__"), act: act ?? "\(type) (EU) \(year)/\(segments[2])", refID: refID, resolved: refID, problem: nil)
    }

    private static func cite(eId: String, act: String, refID: String, resolved: String, problem: String?) -> LegalRuleMLCitation {
        let canonical = canonical(fromEId: eId)
        guard !eId.isEmpty else { return unread(refID, "it names a whole document, not a provision in it") }
        guard let provision = citation(fromCanonical: canonical) else {
            return unread(refID, "the provision \(eId) is no article, paragraph or point ecca reads")
        }
        return LegalRuleMLCitation(citation: "\(act.isEmpty ? "" : act + " ")\(provision)", canonical: canonical, resolved: resolved, problem: problem)
    }

    private static func unread(_ refID: String, _ why: String) -> LegalRuleMLCitation {
        LegalRuleMLCitation(citation: refID, canonical: nil, resolved: refID, problem: "ecca cannot read the reference \(refID) (\(why)): it is cited as printed")
    }

    /// The AKN eId of the encoded act without the containers ecca's canonical ids leave out
    /// (`content`, `list_N`, `intro`): `art_6__para_1__content__list_1__point_a` → `art_6__para_1__point_a`.
    static func canonical(fromEId eId: String) -> String {
        let kept = eId.components(separatedBy: "__").filter { part in
            !(part == "content" || part.hasPrefix("list_") || part.hasPrefix("intro") || part.hasPrefix("wrap") || part.isEmpty)
        }
        return kept.joined(separator: "__")
    }

    /// `art_6__para_1__point_a` → `Art. 6(1)(a)`; nil for anything but articles, chapters,
    /// paragraphs, subparagraphs and points with plain numbers (`sec_4-20` is not read).
    static func citation(fromCanonical canonical: String) -> String? {
        var text = ""
        for part in canonical.components(separatedBy: "__") {
            let pieces = part.split(separator: "_", maxSplits: 1)
            guard pieces.count == 2, !pieces[1].isEmpty, pieces[1].allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
            switch pieces[0] {
            case "art": text += (text.isEmpty ? "" : " ") + "Art. \(pieces[1])"
            case "chp": text += (text.isEmpty ? "" : " ") + "Chapter \(pieces[1])"
            case "subpara": text += ", subparagraph \(pieces[1])"
            case "para", "point": text += "(\(pieces[1]))"
            default: return nil
            }
        }
        return text.isEmpty ? nil : text
    }
}
