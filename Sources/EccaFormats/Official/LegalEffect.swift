import ClauseGraph
import Foundation

/// When an official text, or an amending instruction, is law: from a day, through a day, or not
/// at all while its effective date is delayed. `cite-check` checks shipped wording against the law
/// in force on one day (`--as-of`, else today): a text dated after that day, a Federal Register rule
/// not yet effective, delayed or expired, never decides (QA dates7: each of these had passed
/// provisions whose law in force said something else).
struct LegalEffect: Sendable, Hashable {
    /// What `from` is: a text's own date, or the day a rule (or one of its instructions) takes effect.
    enum Basis: Sendable, Hashable { case textDate, effectiveDate }

    /// Why a rule's DATES leave it no day from which it is law.
    enum Pending: Sendable, Hashable {
        /// Delayed, postponed, stayed, suspended or deferred with no day ("delayed indefinitely").
        case delayed
        /// Withdrawn ("… is withdrawn").
        case withdrawn
        /// A day is stated in a form not read ("effective 03/01/2027", "1 March 2027"), or a
        /// temporary rule's end is stated but not read: the day could be any.
        case unread

        var reason: String {
            switch self {
            case .delayed: "its effective date is delayed indefinitely"
            case .withdrawn: "it is withdrawn"
            case .unread: "its DATES state a day that could not be read"
            }
        }
    }

    var from: LegalDate?
    var until: LegalDate?
    /// Set: the rule is not law on any day (its reason).
    var pending: Pending?
    var basis = Basis.textDate
    /// `from` is a date the text states (false: a rule's publication date, standing in for an
    /// effective date its DATES do not give). Only a stated date shows a later text includes the change.
    var stated = true

    /// Why the text is not law on `day`, or nil when it is (or nothing says it is not: a text
    /// with no date is weighed as in force, and a disagreement with it is a finding).
    func notInForce(on day: LegalDate) -> String? {
        if let pending { return pending.reason }
        if let from, from > day {
            return basis == .effectiveDate ? "takes effect on \(from.iso), after \(day.iso)" : "text as of \(from.iso), after \(day.iso)"
        }
        if let until, until < day { return "expired on \(until.iso), before \(day.iso)" }
        return nil
    }

    /// `, effective 2027-03-01`, `, effective 2026-12-01 until 2026-12-03`, `, its effective date
    /// delayed indefinitely`: a rule's timing as its file line gives it beside its publication date,
    /// when its DATES say more.
    func timing(published: LegalDate?) -> String {
        switch pending {
        case .delayed?: return ", its effective date delayed indefinitely"
        case .withdrawn?: return ", withdrawn"
        case .unread?: return ", its DATES not read"
        case nil: break
        }
        var text = ""
        if let from, from != published || until != nil { text += ", effective \(from.iso)" }
        if let until { text += " until \(until.iso)" }
        return text
    }

    /// A Federal Register rule's timing as its DATES paragraph (`EFFDATE`) states it, read so that a
    /// rule is never taken as law earlier than it is: where the reading errs, it errs late, which
    /// keeps a finding (the rule's text does not decide, its instructions stay findings) rather than
    /// passing a provision on a rule not yet law (QA dates7, verify12-14).
    ///
    /// Only the sentences about taking effect are read: those that say "effective", "effect",
    /// or that something is delayed, postponed, deferred, stayed, suspended, withdrawn or expires
    /// ("Comments must be received by …" is not one; where the DATES say "except", every date in
    /// them counts, since the exception may stand in a sentence of its own). Of every date such a sentence states, and the days it
    /// counts from publication ("on publication", "30 days after publication", "the thirtieth day
    /// after publication"), the latest is the effective date: "effective December 1, 2026, except for
    /// amendatory instruction 1, which is effective March 1, 2027", "the later of March 1, 2027, or
    /// 30 days after publication", "delayed from December 1, 2026, until March 1, 2027" all give
    /// March 1, 2027, and a date about another rule makes this one later too. The rule is not law
    /// (`pending`) where such a sentence delays, defers, stays or conditions with no day ("delayed
    /// indefinitely", "stayed pending judicial review", "to be announced", "conditioned on OMB
    /// approval"), withdraws it ("is
    /// withdrawn"), or says "effective" where no day or publication count follows that is read
    /// ("effective upon OMB approval", "effective 1 March 2027"). A temporary rule's end is read only
    /// where one clause states both days (`TemporaryClause`: "effective from December 1, 2026, until
    /// (through, to) December 3, 2026", "from 10:30 a.m. until 11:35 a.m. on February 10, 2024",
    /// "effective December 1, 2026, and expires on December 3, 2026"); an end stated
    /// otherwise ("It expires on …", "remain in effect until", "between … and", an end said of a
    /// general license or another rule) is a day not read, and the rule is not law. `published` stands in, not `stated`, when the DATES say nothing of taking
    /// effect (or there are none).
    static func rule(dates wording: String?, published: LegalDate?) -> LegalEffect {
        var effect = LegalEffect(from: published, basis: .effectiveDate, stated: false)
        guard var wording else { return effect }
        // A temporary rule's clause (`TemporaryClause`): its end is read, and left out of the dates
        // it takes effect by; an end it states but that is not read leaves the rule not law.
        for sentence in Self.sentences(wording) {
            guard let reading = TemporaryClause.read(sentence) else { continue }
            switch reading {
            case let .span(_, end, startText, clause):
                effect.until = end
                wording.replaceSubrange(clause, with: "effective " + startText)
            case .endNotRead:
                effect.pending = .unread
            }
            break
        }
        var stated: [LegalDate] = []
        for sentence in Self.sentences(wording) {
            let lower = sentence.lowercased()
            guard lower.firstMatch(of: Pattern.aboutEffect) != nil else { continue }
            if lower.firstMatch(of: Pattern.withdrawn) != nil {
                effect.pending = .withdrawn
                continue
            }
            let dates = Self.days(in: sentence, published: published)
            stated += dates.map(\.date)
            let lifted = lower.firstMatch(of: Pattern.lifted) != nil && !lower.contains("until")
            if lower.firstMatch(of: Pattern.delayedWithoutDay) != nil, dates.isEmpty, !lifted {
                effect.pending = effect.pending ?? .delayed
            }
            // Each "effective" must be followed by a day that is read: "effective upon OMB approval",
            // "effective 1 March 2027" leave the day unknown, however many others are read.
            for word in sentence.matches(of: Pattern.takesEffect) {
                let after = word.range.upperBound
                if dates.contains(where: { $0.at >= after }) { continue }
                if let published, sentence[after...].firstMatch(of: Pattern.immediately) != nil {
                    stated.append(published)
                    continue
                }
                effect.pending = effect.pending ?? .unread
            }
            // A temporary rule's end stated otherwise than in the clause read above ("expires on",
            // "remain in effect until March 1, 2027", "between … and …", "effective until").
            // ("effective December 1 until December 3, 2026": a clause not read whole.)
            let delay = lower.firstMatch(of: Pattern.delay) != nil
            let notUntil = lower.contains("not effective until") || lower.contains("not be effective until")
            let effectiveUntil = !notUntil && !delay && lower.firstMatch(of: Pattern.effectiveUntil) != nil
            if effectiveUntil || lower.firstMatch(of: Pattern.otherEnd) != nil {
                effect.pending = effect.pending ?? .unread
            }
        }
        // "effective December 1, 2026, except as stated below": the exception may be in a sentence
        // that does not say "effective" ("Amendatory instruction 1: March 1, 2027."), so every day
        // the DATES state counts.
        if wording.range(of: "except", options: .caseInsensitive) != nil {
            stated += Self.days(in: Substring(wording), published: published).map(\.date)
        }
        if let latest = stated.max() {
            effect.from = latest
            effect.stated = true
        }
        // An end before the latest start (a later date elsewhere in the DATES) is no end.
        if let until = effect.until, let from = effect.from, until < from { effect.until = nil }
        return effect
    }

    /// The patterns the DATES are read by, compiled once (a regex literal in a function is compiled
    /// again at every call, as `FormexAmendingAct.Pattern` says). A `Regex` is not `Sendable`; these
    /// are never changed. `TemporaryClause` reads a day by the same month-day-year pattern (`USDates`).
    private enum Pattern {
        // Constant patterns: `try!` fails only if they are mistyped, which every DATES test would show.
        nonisolated(unsafe) static let monthDayYear = try! Regex("(?i)" + USDates.monthDayYearSource)
        nonisolated(unsafe) static let aboutEffect = #/\b(?:effective|effect|delay|postpone|defer|stay|stayed|suspend|withdraw|expir)/#
        nonisolated(unsafe) static let withdrawn = #/\b(?:is|are|was|were|been|hereby) withdrawn\b|\bwithdraws\b/#
        nonisolated(unsafe) static let lifted = #/(?:is|are|was|were|has been|have been|hereby) lifted/#
        nonisolated(unsafe) static let delayedWithoutDay = #/\b(?:delay|postpone|defer|stay|stayed|suspend)|\bbe announced|will announce|separate document|conditioned on|contingent on|to be determined/#
        nonisolated(unsafe) static let takesEffect = #/(?i)\b(?:effective|(?:take|takes|taking|took|go|goes|went) (?:into )?effect)\b/#
        nonisolated(unsafe) static let immediately = #/(?i)^\W*immediately\b/#
        nonisolated(unsafe) static let delay = #/\b(?:delay|postpone|defer|extend)/#
        nonisolated(unsafe) static let effectiveUntil = #/effective\b(?:[^.;]|[ap]\.m\.)*\b(?:until|through)\b(?:[^.;]|[ap]\.m\.)*\d{4}|effective until/#
        nonisolated(unsafe) static let otherEnd = #/\bexpir(?:es|e|ation)\b|in effect until[^.;]*\d|\bbetween\b[^.;]*\band\b/#
        nonisolated(unsafe) static let onPublication = #/(?i)\b(?:on|upon) (?:the )?(?:date of )?(?:publication|filing for public inspection)/#
        nonisolated(unsafe) static let daysAfterPublication = #/(?i)\b(\d+|fifteen|twenty|thirty|forty[- ]five|sixty|ninety|fifteenth|twentieth|thirtieth|forty-fifth|sixtieth|ninetieth)\s*(?:\(\d+\)\s*)?(?:calendar )?days? (?:after|following) (?:the )?(?:date of )?(?:its )?publication/#
    }

    /// The days a sentence states (`Month D, YYYY`, the comma optional) and counts from publication,
    /// each with where it stands in the sentence.
    private static func days(in sentence: Substring, published: LegalDate?) -> [(date: LegalDate, at: String.Index)] {
        var days: [(date: LegalDate, at: String.Index)] = []
        for match in sentence.matches(of: Pattern.monthDayYear) {
            // `USDates` reads `Month D, YYYY`; the comma may be missing in the text.
            let words = match.0.split(whereSeparator: \.isWhitespace)
            guard words.count == 3 else { continue }
            if let date = USDates.first(in: "\(words[0]) \(words[1].filter(\.isNumber)), \(words[2])") { days.append((date, match.range.lowerBound)) }
        }
        guard let published else { return days }
        for match in sentence.matches(of: Pattern.onPublication) {
            days.append((published, match.range.lowerBound))
        }
        let cardinals = ["fifteen": 15, "twenty": 20, "thirty": 30, "forty-five": 45, "forty five": 45, "sixty": 60, "ninety": 90]
        for match in sentence.matches(of: Pattern.daysAfterPublication) {
            let count = Int(match.1) ?? cardinals[match.1.lowercased()] ?? CanonicalIDs.number(ofOrdinal: String(match.1)) ?? 0
            days.append((LegalDate(dayNumber: published.dayNumber + count), match.range.lowerBound))
        }
        return days
    }

    /// Words before a full stop that do not end a sentence (`a.m.`, `U.S.`, `Fed. Reg.`, `No.`).
    private static let abbreviations: Set<String> = ["a.m", "p.m", "u.s", "fed", "reg", "no", "nos", "sec", "secs", "mr", "ms", "dr", "st",
                                                      "inc", "co", "corp", "e.g", "i.e", "et al", "jan", "feb", "mar", "apr", "jun", "jul",
                                                      "aug", "sep", "sept", "oct", "nov", "dec", "pub", "stat", "u.s.c", "c.f.r", "cfr", "fr"]

    /// The sentences of a DATES paragraph: a full stop followed by a capital, or a line break, ends
    /// one, except after an abbreviation ("10:30 a.m. Eastern", "U.S. Persons", "91 Fed. Reg.").
    static func sentences(_ text: String) -> [Substring] {
        var sentences: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if text[index] == "\n" {
                sentences.append(text[start..<next])
                start = next
            } else if text[index] == ".", next < text.endIndex, text[next] == " ",
                      text.index(after: next) < text.endIndex, text[text.index(after: next)].isUppercase {
                let word = text[start..<index].split(separator: " ").last.map { $0.lowercased() } ?? ""
                if !Self.abbreviations.contains(word.trimmingCharacters(in: .punctuationCharacters.subtracting(CharacterSet(charactersIn: ".")))) {
                    sentences.append(text[start..<next])
                    start = next
                }
            }
            index = next
        }
        if start < text.endIndex { sentences.append(text[start...]) }
        return sentences
    }

    /// One instruction of a rule: its own timing ("Effective March 1, 2027, amend …"; "Delayed
    /// indefinitely, …") where it gives one, else the rule's.
    func instruction(effective: LegalDate?, timing: String?) -> LegalEffect {
        var effect = self
        if let effective {
            effect.from = effective
            effect.stated = true
        }
        if let timing, timing.range(of: "delayed indefinitely", options: .caseInsensitive) != nil { effect.pending = .delayed }
        return effect
    }
}
