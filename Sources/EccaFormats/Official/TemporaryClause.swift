import ClauseGraph
import Foundation

/// A temporary rule's span as one clause of its DATES states it: both the day it takes effect and
/// the day it ends, so that `cite-check` never passes an expired rule as law (importer audit,
/// finding 1: "effective from 10:30 a.m. until 11:35 a.m. on February 10, 2024" had been read as a
/// rule effective that day and never ending).
///
/// One grammar reads every form the Federal Register prints:
/// - `effective [without actual notice] from START until|through|to END`, where START is a day, a
///   time of day on a day ("8 a.m. on February 10, 2024"), a day at a time, or a time alone, whose
///   day is END's ("from 10:30 a.m. until 11:35 a.m. on February 10, 2024"); END is a day or a time
///   on a day ("until 11:59 p.m. on February 20, 2024");
/// - `effective [on] START until|through END`, START a day or a day at a time;
/// - `effective DAY, and expires [on] END`.
///
/// Times of day are read and set aside: ecca's law is dated by the day, and a rule in force for
/// part of a day is in force on that day. An end that is stated but not read (not a day as above,
/// or qualified: "or until the event ends, whichever is earlier") is `endNotRead`: the rule may have
/// ended on any day, so `LegalEffect` does not take it as law.
enum TemporaryClause {
    enum Reading {
        /// The rule is law from `start` through `end`. `startText` is the day it takes effect as the
        /// clause prints it, which the clause is replaced by when the rest of the DATES are read.
        case span(start: LegalDate, end: LegalDate, startText: Substring, clause: Range<String.Index>)
        /// The clause states an end that is not read (or one before its start).
        case endNotRead
    }

    /// The first temporary clause of `sentence`, or nil when it states none. `sentence` is one
    /// sentence of the DATES (`LegalEffect` splits them, not at "a.m."), so a clause never runs into
    /// the next sentence.
    static func read(_ sentence: Substring) -> Reading? {
        if let match = sentence.firstMatch(of: Pattern.fromUntil),
           let before = match.output[1].substring, let startText = match.output[2].substring,
           let word = match.output[3].substring, let endText = match.output[4].substring {
            // "The effective date … is delayed from December 1, 2026, until March 1, 2027" moves
            // the start; it states no end.
            if before.firstMatch(of: Pattern.moved) != nil { return nil }
            // "effective from February 12, 2024 to allow …" is no end: after "to", only a day or a
            // time states one.
            if word.lowercased() == "to", endText.firstMatch(of: Pattern.endsAtADay) == nil { return nil }
            guard let end = Self.end(endText), let start = Self.start(startText, endDay: end.text) else { return .endNotRead }
            return span(start: start, end: end, clause: match.range)
        }
        // "effective February 12, 2024, through February 11, 2025": the start without "from".
        if let match = sentence.firstMatch(of: Pattern.dayUntil),
           let startText = match.output[1].substring, let endText = match.output[3].substring {
            // "effective February 12, 2024, until further notice" states no end.
            if endText.lowercased().hasPrefix("further notice") { return nil }
            guard let end = Self.end(endText), let start = Self.start(startText, endDay: end.text) else { return .endNotRead }
            return span(start: start, end: end, clause: match.range)
        }
        if let match = sentence.firstMatch(of: Pattern.andExpires),
           let startText = match.output[1].substring, let endText = match.output[2].substring {
            guard let end = Self.end(endText), let start = USDates.first(in: String(startText)) else { return .endNotRead }
            return span(start: (start, startText), end: end, clause: match.range)
        }
        return nil
    }

    /// The clause runs to the end's day: what follows it (the sentence's full stop) stays, so that
    /// the clause replaced still ends its sentence.
    private static func span(start: (date: LegalDate, text: Substring), end: (date: LegalDate, text: Substring),
                             clause: Range<String.Index>) -> Reading {
        guard end.date >= start.date else { return .endNotRead }
        return .span(start: start.date, end: end.date, startText: start.text, clause: clause.lowerBound..<end.text.endIndex)
    }

    /// START: a day, a time on a day, a day at a time, or a time alone (on END's day).
    private static func start(_ text: Substring, endDay: Substring) -> (date: LegalDate, text: Substring)? {
        guard let match = text.wholeMatch(of: Pattern.start) else { return nil }
        let day = match.output[1].substring ?? match.output[2].substring
        if let day {
            return USDates.first(in: String(day)).map { ($0, day) }
        }
        // A time alone: the span lies within END's day.
        return USDates.first(in: String(endDay)).map { ($0, endDay) }
    }

    /// END: a day or a time on a day, with nothing after it that qualifies it.
    private static func end(_ text: Substring) -> (date: LegalDate, text: Substring)? {
        guard let match = text.wholeMatch(of: Pattern.end), let day = match.output[1].substring,
              let date = USDates.first(in: String(day)) else { return nil }
        return (date, day)
    }

    /// Compiled once (as `LegalEffect.Pattern`); never changed, so not `Sendable` is no matter.
    private enum Pattern {
        static let day = USDates.monthDayYearSource
        /// `10:30 a.m.`, `5 p.m.`, `11:59 pm`, `noon`, `12:01 a.m. Eastern Time`, `8 a.m. (local time)`.
        static let time = #"(?:\d{1,2}(?::\d{2})?\s*(?:a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)|noon\b|midnight\b)"#
            + #"(?:\s+\(?(?:[A-Z][a-z]+\s+)?(?:(?:Standard|Daylight|Prevailing|local)\s+)?[Tt]ime\)?)?"#
        // Constant patterns: `try!` fails only if they are mistyped, which every DATES test would show.
        nonisolated(unsafe) static let fromUntil = try! Regex(#"(?i)\beffective\b([^;]*?)\bfrom\s+([^;]+?),?\s+(until|through|to)\s+([^;]+)"#)
        nonisolated(unsafe) static let moved = try! Regex(#"(?i)\b(?:delay|postpon|defer|extend|stay|suspend)"#)
        nonisolated(unsafe) static let dayUntil = try! Regex(#"(?i)\beffective\s+(?:on\s+)?("# + day + #"(?:,?\s+(?:at\s+)?"# + time + #")?),?\s+(until|through)\s+([^;]+)"#)
        nonisolated(unsafe) static let andExpires = try! Regex(#"(?i)\beffective\s+(?:on\s+)?("# + day + #"),?\s+and\s+expires\s+(?:on\s+|at\s+)?([^;]+)"#)
        nonisolated(unsafe) static let start = try! Regex(#"(?i)(?:on\s+)?(?:(?:"# + time + #")\s*,?\s*(?:on\s+)?(\#(day))?|(\#(day))(?:,?\s+(?:at\s+)?"# + time + ")?)")
        /// END may be followed by "unless extended": an extension only makes the rule law for longer,
        /// so reading the day as its end errs towards not law, as `LegalEffect` must.
        nonisolated(unsafe) static let end = try! Regex(#"(?i)(?:(?:"# + time + #")\s*,?\s*(?:on\s+)?)?(\#(day))(?:,?\s+unless\s+(?:further\s+)?extended)?\s*[.,]?\s*"#)
        nonisolated(unsafe) static let endsAtADay = try! Regex(#"(?i)^(?:\d|noon\b|midnight\b|"# + day + ")")
    }
}
