/// Which reading of the law an analysis takes.
///
/// `text`: what the law in force says. `enforcement`: what the authorities enforce (the AI Diffusion
/// rule is in the CFR but BIS announced on 13 May 2025 that it will not enforce it).
public enum Posture: String, Sendable, Hashable, Codable, CaseIterable {
    case text
    case enforcement
}

/// A period `[from, until)`: `from` inclusive, `until` exclusive; either end may be open.
public struct StatusInterval: Sendable, Hashable, Codable {
    public var from: LegalDate?
    public var until: LegalDate?
    /// The provision or announcement that sets this period ("eu.ai-act.art113", "BIS press release 13 May 2025").
    public var basis: String?
    public var evidence: Evidence?
    /// Where the axis is written, so that dates out of order are reported on its line.
    public var location: SourceLocation?

    public init(from: LegalDate? = nil, until: LegalDate? = nil, basis: String? = nil, evidence: Evidence? = nil,
                location: SourceLocation? = nil) {
        self.from = from
        self.until = until
        self.basis = basis
        self.evidence = evidence
        self.location = location
    }

    public func contains(_ date: LegalDate) -> Bool {
        if let from, date < from { return false }
        if let until, date >= until { return false }
        return true
    }
}

/// Why a text is voluntary, and how sure that is.
public struct VoluntaryStatus: Sendable, Hashable, Codable {
    public var basis: String?
    public var evidence: Evidence?
    public init(basis: String? = nil, evidence: Evidence? = nil) {
        self.basis = basis
        self.evidence = evidence
    }
}

/// A dated event on a status axis (a rescission announced or published).
public struct StatusEvent: Sendable, Hashable, Codable {
    public var on: LegalDate?
    public var basis: String?
    public var evidence: Evidence?
    /// Where the event is written, so that dates out of order are reported on its line.
    public var location: SourceLocation?
    public init(on: LegalDate? = nil, basis: String? = nil, evidence: Evidence? = nil, location: SourceLocation? = nil) {
        self.on = on
        self.basis = basis
        self.evidence = evidence
        self.location = location
    }
}

/// The status axes of a legal text: never one date (DESIGN.md, "Status axes").
public struct StatusTimeline: Sendable, Hashable, Codable {
    public var inForce: StatusInterval?
    public var applicable: StatusInterval?
    /// Periods of enforcement; empty means "enforced whenever applicable".
    public var enforced: [StatusInterval]
    public var rescissionAnnounced: StatusEvent?
    public var rescissionPublished: StatusEvent?
    /// Set for a voluntary text (a code of practice): it binds its signatories by their
    /// commitment, never as law, so under no posture does it oblige anything a conflict could
    /// rest on.
    public var voluntary: VoluntaryStatus?

    public init(inForce: StatusInterval? = nil, applicable: StatusInterval? = nil, enforced: [StatusInterval] = [],
                rescissionAnnounced: StatusEvent? = nil, rescissionPublished: StatusEvent? = nil, voluntary: VoluntaryStatus? = nil) {
        self.inForce = inForce
        self.applicable = applicable
        self.enforced = enforced
        self.rescissionAnnounced = rescissionAnnounced
        self.rescissionPublished = rescissionPublished
        self.voluntary = voluntary
    }

    /// Each axis this timeline leaves unset is taken from `parent` (a provision inherits from its instrument).
    public func inheriting(from parent: StatusTimeline) -> StatusTimeline {
        StatusTimeline(inForce: inForce ?? parent.inForce,
                       applicable: applicable ?? parent.applicable,
                       enforced: enforced.isEmpty ? parent.enforced : enforced,
                       rescissionAnnounced: rescissionAnnounced ?? parent.rescissionAnnounced,
                       rescissionPublished: rescissionPublished ?? parent.rescissionPublished,
                       voluntary: voluntary ?? parent.voluntary)
    }

    public func isInForce(on date: LegalDate) -> Bool {
        if let published = rescissionPublished?.on, date >= published { return false }
        return inForce?.contains(date) ?? true
    }

    public func isApplicable(on date: LegalDate) -> Bool {
        isInForce(on: date) && (applicable?.contains(date) ?? true)
    }

    public func isEnforced(on date: LegalDate) -> Bool {
        enforced.isEmpty ? true : enforced.contains { $0.contains(date) }
    }

    /// Whether a voluntary text asks for what its norms say on `date`: in force and applicable,
    /// though it binds under no posture.
    public func asksVoluntarily(on date: LegalDate) -> Bool {
        voluntary != nil && isApplicable(on: date)
    }

    /// Whether the text binds on `date` under `posture` as law: in force and applicable, under the
    /// enforcement posture also enforced, and never when it is voluntary.
    public func binds(on date: LegalDate, posture: Posture) -> Bool {
        guard voluntary == nil, isApplicable(on: date) else { return false }
        return posture == .text || isEnforced(on: date)
    }

    /// Whether a duty that arises from a request binds when it is performed: the request was valid
    /// (the text in force and applicable on `requested`), the text is still in force on
    /// `performed`, and, under the enforcement posture, it is enforced on `performed` (fines attach
    /// to the failure to comply, not to the request). The same as `binds(on:posture:)` when the
    /// two days are one.
    public func binds(requested: LegalDate, performed: LegalDate, posture: Posture) -> Bool {
        guard voluntary == nil, isApplicable(on: requested), isInForce(on: performed) else { return false }
        return posture == .text || isEnforced(on: performed)
    }

    /// Every date at which `binds` can change, ascending: the ends of each interval.
    public var breakpoints: [LegalDate] {
        var dates: Set<LegalDate> = []
        for interval in [inForce, applicable].compactMap({ $0 }) + enforced {
            if let from = interval.from { dates.insert(from) }
            if let until = interval.until { dates.insert(until) }
        }
        if let published = rescissionPublished?.on { dates.insert(published) }
        return dates.sorted()
    }
}
