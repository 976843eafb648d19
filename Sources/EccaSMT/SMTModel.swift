import CZ3

/// A satisfying assignment, read through evaluation with model completion: a constant the model
/// leaves open gets a default value instead of coming back unevaluated, so every read of a
/// well-sorted term yields a value.
///
/// Reads throw ``SMTError/sortMismatch(_:)`` when the term has the wrong sort for the accessor.
public final class SMTModel: CustomStringConvertible {
    public let context: SMTContext
    /// The `Z3_model`.
    let raw: OpaquePointer

    init(context: SMTContext, raw: OpaquePointer) {
        self.context = context
        self.raw = raw
        Z3_model_inc_ref(context.raw, raw)
    }

    deinit {
        Z3_model_dec_ref(context.raw, raw)
    }

    /// The value of `term` in this model, as a term (a literal for Bool, Int, Real and
    /// enumeration terms).
    public func evaluate(_ term: SMTTerm) throws -> SMTTerm {
        try context.requireOwned(term, "evaluate")
        var value: OpaquePointer?
        let ok = withExtendedLifetime(term) {
            Z3_model_eval(context.raw, raw, term.ast, true, &value)
        }
        try context.checkError("evaluate '\(term.excerpt)'")
        guard ok, let value else {
            throw SMTError.z3(code: -1, message: "evaluate '\(term.excerpt)': Z3 could not evaluate the term")
        }
        return SMTTerm(ASTBox(context: context, ast: value))
    }

    /// Truth value of a Boolean term.
    public func evalBool(_ term: SMTTerm) throws -> Bool? {
        try requireSort(term, [.bool], "evalBool")
        let value = try evaluate(term)
        switch Z3_get_bool_value(context.raw, value.ast) {
        case Z3_L_TRUE: return true
        case Z3_L_FALSE: return false
        default: return nil
        }
    }

    /// Value of an integer term; `nil` if it does not fit in `Int` (use ``evalReal(_:)`` for the
    /// exact digits).
    public func evalInt(_ term: SMTTerm) throws -> Int? {
        try requireSort(term, [.int], "evalInt")
        let value = try evaluate(term)
        var number: Int64 = 0
        guard Z3_is_numeral_ast(context.raw, value.ast),
            Z3_get_numeral_int64(context.raw, value.ast, &number)
        else { return nil }
        return Int(exactly: number)
    }

    /// Exact value of a real (or integer) term as "num/den" or an integer string, e.g. "1/10",
    /// "-7", "100000000000000000000000000". `nil` for irrational values (possible only with
    /// nonlinear arithmetic).
    public func evalReal(_ term: SMTTerm) throws -> String? {
        try requireSort(term, [.real, .int], "evalReal")
        return try evaluate(term).numeral
    }

    /// Value of a real (or integer) term as a nearby `Double`, for display and ranking; use
    /// ``evalReal(_:)`` when exactness matters. Also covers irrational values from nonlinear
    /// arithmetic (approximated to 20 decimals before conversion).
    public func evalDouble(_ term: SMTTerm) throws -> Double? {
        try requireSort(term, [.real, .int], "evalDouble")
        let value = try evaluate(term)
        let c = context.raw
        if Z3_is_numeral_ast(c, value.ast) {
            let number = Z3_get_numeral_double(c, value.ast)
            try context.checkError("evalDouble '\(term.excerpt)'")
            return number
        }
        guard Z3_is_algebraic_number(c, value.ast) else { return nil }
        // Z3 marks a truncated expansion with a trailing "?".
        var digits = context.string(Z3_get_numeral_decimal_string(c, value.ast, 20))
        try context.checkError("evalDouble '\(term.excerpt)'")
        if digits.hasSuffix("?") { digits.removeLast() }
        return Double(digits)
    }

    /// Name of the enumeration value a term takes.
    public func evalEnum(_ term: SMTTerm, sort: SMTEnumSort) throws -> String? {
        try context.requireOwned(term, "evalEnum")
        try context.requireOwned(sort.sort, "evalEnum")
        guard term.sort == sort.sort else {
            throw SMTError.sortMismatch("evalEnum: '\(term.excerpt)' has sort \(term.sort.name), expected \(sort.name)")
        }
        return sort.valueName(of: try evaluate(term))
    }

    private func requireSort(_ term: SMTTerm, _ kinds: [SMTSortKind], _ operation: String) throws {
        try context.requireOwned(term, operation)
        let kind = term.sort.kind
        guard kinds.contains(kind) else {
            let expected = kinds.map(\.sortName).joined(separator: " or ")
            throw SMTError.sortMismatch("\(operation): '\(term.excerpt)' has sort \(term.sort.name), expected \(expected)")
        }
    }

    /// The assignment in Z3's notation, for debugging.
    public var description: String {
        context.string(Z3_model_to_string(context.raw, raw))
    }
}

extension SMTSortKind {
    /// Z3's name of the sort kind, for messages.
    fileprivate var sortName: String {
        switch self {
        case .bool: return "Bool"
        case .int: return "Int"
        case .real: return "Real"
        case .enumeration: return "an enumeration"
        case .other: return "another sort"
        }
    }
}
