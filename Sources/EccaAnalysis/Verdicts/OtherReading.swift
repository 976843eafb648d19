import ClauseGraph

/// Another reading of the law than the one ecca applies, which holds for a check's facts: on it
/// a norm that binds on ecca's reading would not (`<exception reading="other">`), or one that does
/// not apply on ecca's reading would (a rule's `<other-reading>`, `engages`). It changes no
/// verdict; reports give it beside the finding or the ground it would undo, so that a contested
/// reading (Art. 111(3) read as deferring the duty of Art. 92(5) for a model placed before
/// 2 August 2025) is seen where it matters, not only in a general caveat.
public struct OtherReading: Sendable, Hashable, Codable, CitesProvision {
    /// The exception's id in the rules.
    public var id: String
    /// What the other reading takes the law to say, as the rules label it.
    public var label: String
    /// The provision read otherwise.
    public var provision: String
    public var citation: String
    /// The norm that would not engage on that reading, with its provision, citation and modality.
    public var norm: String
    public var normProvision: String
    public var normCitation: String
    public var modality: String
    /// The first day after the date analysed on which the reading no longer holds (the end of
    /// Art. 111(3)'s transition, 2027-08-02); nil where none of the dates it compares the date
    /// analysed with ends it.
    public var until: LegalDate?
    /// True where the reading makes the norm engage rather than undoes it: a wider reading of a
    /// rule the norm reads (`CountsAs.otherReadings`), beside a ground on which it does not apply;
    /// absent otherwise.
    public var engages: Bool? = nil
    /// True where ecca's encoding does not verify the citation (`InlineCitation`); absent otherwise.
    public var citationNotVerified: Bool? = nil
    /// Likewise for the norm's citation.
    public var normCitationNotVerified: Bool? = nil

    /// "on another reading of Art. 111(3) (…), the duty of Art. 92(5) would not arise until
    /// 2027-08-02": what the reading undoes, in the words every format gives.
    public var statement: String { Self.statement([self]) }

    /// One statement for readings that are one reading of one provision, with the same effect on
    /// each of their norms ("…, the prohibitions of 15 CFR Part 774, Supp. No. 1, ECCN 4E091 and
    /// BIS is-informed letter … para. 1 would apply"), rather than the label once per norm; the
    /// statements of others joined by "; ".
    public static func statement(_ readings: [OtherReading]) -> String {
        guard let first = readings.first else { return "" }
        let alike = readings.allSatisfy {
            ($0.id, $0.provision, $0.modality, $0.engages, $0.until) == (first.id, first.provision, first.modality, first.engages, first.until)
        }
        guard alike else { return readings.map(\.statement).joined(separator: "; ") }
        let citations = ProseList.joined(readings.map { InlineCitation.text($0.normCitation, verified: $0.normCitationNotVerified != true) })
        let plural = readings.count > 1
        let not = first.engages == true ? "" : "not "
        let effect = switch first.modality {
        case Norm.Modality.obligation.rawValue: "the dut\(plural ? "ies" : "y") of \(citations) would \(not)arise"
        case Norm.Modality.prohibition.rawValue: "the prohibition\(plural ? "s" : "") of \(citations) would \(not)apply"
        default: "\(citations) would \(not)apply"
        }
        return statementPrefix + "\(first.inlineCitation) (\(first.label)), \(effect)" + (first.until.map { " until \($0)" } ?? "")
    }

    /// How every `statement` begins: a ground's reasons give readings among the conditions that
    /// fail, and a format that lists readings apart (the CSV) tells them apart by it.
    public static let statementPrefix = "on another reading of "

    /// The statement for a finding the norm clashes in: the conflict rests on ecca's reading.
    public var findingStatement: String {
        statement + ", nor this conflict" + (until == nil ? "" : " before then")
    }
}
