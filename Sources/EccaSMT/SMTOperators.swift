import CZ3

/// Logical and arithmetic operators.
///
/// They live on the context because every new term belongs to one. Z3 checks sorts and reports a
/// mismatch (e.g. adding a Bool to an Int) as ``SMTError/sortMismatch(_:)``; mixing Int and Real
/// operands is allowed, Z3 then converts the Int side to Real.
extension SMTContext {
    // MARK: Boolean connectives

    /// Conjunction; `true` for no operands.
    public func and(_ terms: [SMTTerm]) throws -> SMTTerm {
        guard !terms.isEmpty else { return self.true }
        return try makeTerm("and", operands: terms) { Z3_mk_and(raw, UInt32($0.count), $0) }
    }

    /// Conjunction of two terms.
    public func and(_ lhs: SMTTerm, _ rhs: SMTTerm) throws -> SMTTerm {
        try and([lhs, rhs])
    }

    /// Disjunction; `false` for no operands.
    public func or(_ terms: [SMTTerm]) throws -> SMTTerm {
        guard !terms.isEmpty else { return self.false }
        return try makeTerm("or", operands: terms) { Z3_mk_or(raw, UInt32($0.count), $0) }
    }

    /// Disjunction of two terms.
    public func or(_ lhs: SMTTerm, _ rhs: SMTTerm) throws -> SMTTerm {
        try or([lhs, rhs])
    }

    public func not(_ term: SMTTerm) throws -> SMTTerm {
        try makeTerm("not", operands: [term]) { Z3_mk_not(raw, $0[0]) }
    }

    public func implies(_ premise: SMTTerm, _ conclusion: SMTTerm) throws -> SMTTerm {
        try makeTerm("implies", operands: [premise, conclusion]) { Z3_mk_implies(raw, $0[0], $0[1]) }
    }

    /// Boolean equivalence.
    public func iff(_ lhs: SMTTerm, _ rhs: SMTTerm) throws -> SMTTerm {
        try makeTerm("iff", operands: [lhs, rhs]) { Z3_mk_iff(raw, $0[0], $0[1]) }
    }

    /// If-then-else over terms of any (matching) sort.
    public func ite(_ condition: SMTTerm, then thenTerm: SMTTerm, else elseTerm: SMTTerm) throws -> SMTTerm {
        try makeTerm("ite", operands: [condition, thenTerm, elseTerm]) {
            Z3_mk_ite(raw, $0[0], $0[1], $0[2])
        }
    }

    // MARK: Equality

    /// Equality of two terms of the same sort.
    public func eq(_ lhs: SMTTerm, _ rhs: SMTTerm) throws -> SMTTerm {
        try makeTerm("eq", operands: [lhs, rhs]) { Z3_mk_eq(raw, $0[0], $0[1]) }
    }

    /// Pairwise distinctness; `true` for fewer than two operands.
    public func distinct(_ terms: [SMTTerm]) throws -> SMTTerm {
        guard terms.count >= 2 else {
            try requireOwned(terms, "distinct")
            return self.true
        }
        return try makeTerm("distinct", operands: terms) { Z3_mk_distinct(raw, UInt32($0.count), $0) }
    }

    // MARK: Arithmetic comparisons

    public func lt(_ lhs: SMTTerm, _ rhs: SMTTerm) throws -> SMTTerm {
        try makeTerm("lt", operands: [lhs, rhs]) { Z3_mk_lt(raw, $0[0], $0[1]) }
    }

    public func le(_ lhs: SMTTerm, _ rhs: SMTTerm) throws -> SMTTerm {
        try makeTerm("le", operands: [lhs, rhs]) { Z3_mk_le(raw, $0[0], $0[1]) }
    }

    public func gt(_ lhs: SMTTerm, _ rhs: SMTTerm) throws -> SMTTerm {
        try makeTerm("gt", operands: [lhs, rhs]) { Z3_mk_gt(raw, $0[0], $0[1]) }
    }

    public func ge(_ lhs: SMTTerm, _ rhs: SMTTerm) throws -> SMTTerm {
        try makeTerm("ge", operands: [lhs, rhs]) { Z3_mk_ge(raw, $0[0], $0[1]) }
    }

    // MARK: Arithmetic

    /// Sum of one or more terms.
    public func add(_ terms: [SMTTerm]) throws -> SMTTerm {
        guard !terms.isEmpty else { throw SMTError.invalidArgument("add needs at least one operand") }
        return try makeTerm("add", operands: terms) { Z3_mk_add(raw, UInt32($0.count), $0) }
    }

    public func add(_ lhs: SMTTerm, _ rhs: SMTTerm) throws -> SMTTerm {
        try add([lhs, rhs])
    }

    /// Left-associative difference of one or more terms.
    public func sub(_ terms: [SMTTerm]) throws -> SMTTerm {
        guard !terms.isEmpty else { throw SMTError.invalidArgument("sub needs at least one operand") }
        return try makeTerm("sub", operands: terms) { Z3_mk_sub(raw, UInt32($0.count), $0) }
    }

    public func sub(_ lhs: SMTTerm, _ rhs: SMTTerm) throws -> SMTTerm {
        try sub([lhs, rhs])
    }

    /// Product of one or more terms. Products of two variables are nonlinear, which Z3 decides
    /// far less reliably; prefer constant factors.
    public func mul(_ terms: [SMTTerm]) throws -> SMTTerm {
        guard !terms.isEmpty else { throw SMTError.invalidArgument("mul needs at least one operand") }
        return try makeTerm("mul", operands: terms) { Z3_mk_mul(raw, UInt32($0.count), $0) }
    }

    public func mul(_ lhs: SMTTerm, _ rhs: SMTTerm) throws -> SMTTerm {
        try mul([lhs, rhs])
    }

    /// Arithmetic negation.
    public func neg(_ term: SMTTerm) throws -> SMTTerm {
        try makeTerm("neg", operands: [term]) { Z3_mk_unary_minus(raw, $0[0]) }
    }
}

/// Operator spellings of the Boolean connectives, for encodings that read like the norm text.
extension SMTTerm {
    public static func && (lhs: SMTTerm, rhs: SMTTerm) throws -> SMTTerm {
        try lhs.context.and(lhs, rhs)
    }

    public static func || (lhs: SMTTerm, rhs: SMTTerm) throws -> SMTTerm {
        try lhs.context.or(lhs, rhs)
    }

    public static prefix func ! (term: SMTTerm) throws -> SMTTerm {
        try term.context.not(term)
    }
}
