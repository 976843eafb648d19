extension ClauseGraph {
    /// Pairs of a date fact and a Boolean fact that the same request field supplies: the Boolean
    /// says that the date falls after the date of the request (facts.xml:
    /// `model.placed-after-request` beside `model.placed-on-eu-market`). Conditions compare dates
    /// only with fixed dates, so this is how the law loaded compares a date of the request with the
    /// request's own date; the reader supplies the Boolean, `mou verify` ties it to the two dates
    /// where they range, and a timeline of an undated request breaks on the date.
    public var datesAfterRequest: [(flag: String, date: String)] {
        factOrder.compactMap { id in
            guard let flag = facts[id], flag.type == .boolean else { return nil }
            let date = factOrder.first { facts[$0]?.type == .date && facts[$0]?.suppliedBy == flag.suppliedBy && $0 != "as-of" }
            return date.map { (id, $0) }
        }
    }
}
