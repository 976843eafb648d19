import CZ3

/// The kind of a sort, for callers that branch on how to encode or read a value.
public enum SMTSortKind: Sendable, Hashable {
    case bool
    case int
    case real
    /// A finite enumeration made with ``SMTContext/enumerationSort(_:values:)``.
    case enumeration
    /// Any other Z3 sort (not produced by this module's constructors).
    case other
}

/// A Z3 sort (type of a term). Compared by Z3's AST id within the context.
public struct SMTSort: Hashable, CustomStringConvertible {
    let box: ASTBox
    /// The `Z3_sort`; the same pointer as `box.ast`, kept in its own type-named field for calls
    /// that take a sort.
    let raw: OpaquePointer

    init(context: SMTContext, raw: OpaquePointer) {
        self.raw = raw
        self.box = ASTBox(context: context, ast: Z3_sort_to_ast(context.raw, raw))
    }

    public static func == (lhs: SMTSort, rhs: SMTSort) -> Bool {
        lhs.box.context === rhs.box.context && lhs.box.id == rhs.box.id
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(box.context))
        hasher.combine(box.id)
    }

    public var kind: SMTSortKind {
        switch Z3_get_sort_kind(box.context.raw, raw) {
        case Z3_BOOL_SORT: return .bool
        case Z3_INT_SORT: return .int
        case Z3_REAL_SORT: return .real
        case Z3_DATATYPE_SORT: return .enumeration
        default: return .other
        }
    }

    /// The sort's name ("Bool", "Int", "Real" or the enumeration's name).
    public var name: String {
        let c = box.context.raw
        return box.context.string(Z3_get_symbol_string(c, Z3_get_sort_name(c, raw)))
    }

    public var description: String { name }
}

/// A finite enumeration sort (e.g. destination categories) with its named values.
///
/// Enumerations let the encoding state "the destination is one of these" without integer codes;
/// Z3 knows the values are pairwise distinct and exhaustive.
public struct SMTEnumSort: Hashable, CustomStringConvertible {
    /// The underlying sort, for ``SMTContext/constant(_:sort:)`` and sort comparisons.
    public let sort: SMTSort
    /// Value names in declaration order.
    public let valueNames: [String]
    /// The value constants, in declaration order.
    public let values: [SMTTerm]
    private let indexByName: [String: Int]
    private let indexByID: [UInt32: Int]

    init(sort: SMTSort, valueNames: [String], values: [SMTTerm]) {
        self.sort = sort
        self.valueNames = valueNames
        self.values = values
        self.indexByName = Dictionary(uniqueKeysWithValues: valueNames.enumerated().map { ($1, $0) })
        self.indexByID = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1.box.id, $0) })
    }

    public static func == (lhs: SMTEnumSort, rhs: SMTEnumSort) -> Bool {
        lhs.sort == rhs.sort
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(sort)
    }

    /// The sort's name.
    public var name: String { sort.name }

    public var description: String {
        "\(name){\(valueNames.joined(separator: ", "))}"
    }

    /// The constant term for a value name.
    public func value(_ name: String) throws -> SMTTerm {
        guard let index = indexByName[name] else {
            throw SMTError.invalidArgument(
                "'\(name)' is not a value of enumeration \(description)")
        }
        return values[index]
    }

    /// The value name of a term that is one of this sort's value constants (as a model returns
    /// them); `nil` for any other term.
    public func valueName(of term: SMTTerm) -> String? {
        guard term.box.context === sort.box.context, let index = indexByID[term.box.id] else {
            return nil
        }
        return valueNames[index]
    }
}

extension SMTContext {
    /// The Boolean sort.
    public var boolSort: SMTSort { SMTSort(context: self, raw: Z3_mk_bool_sort(raw)) }

    /// The integer sort.
    public var intSort: SMTSort { SMTSort(context: self, raw: Z3_mk_int_sort(raw)) }

    /// The real sort.
    public var realSort: SMTSort { SMTSort(context: self, raw: Z3_mk_real_sort(raw)) }

    /// Declares (or returns the already declared) enumeration sort `name` with the given values.
    ///
    /// Z3 considers two enumeration sorts with the same name to be the same sort even if their
    /// values differ, which would silently mix unrelated values; redeclaring a name with
    /// different values therefore throws ``SMTError/invalidArgument(_:)``. Values must be
    /// non-empty and distinct.
    public func enumerationSort(_ name: String, values valueNames: [String]) throws -> SMTEnumSort {
        let operation = "enumerationSort '\(name)'"
        if let record = enumerationSorts[name] {
            guard record.valueNames == valueNames else {
                throw SMTError.invalidArgument(
                    "\(operation): already declared with values [\(record.valueNames.joined(separator: ", "))]")
            }
            return makeEnumSort(record)
        }
        guard !valueNames.isEmpty else {
            throw SMTError.invalidArgument("\(operation): an enumeration needs at least one value")
        }
        var seen = Set<String>()
        for value in valueNames where !seen.insert(value).inserted {
            throw SMTError.invalidArgument("\(operation): value '\(value)' is listed twice")
        }

        let count = valueNames.count
        let symbols: [OpaquePointer?] = valueNames.map { symbol($0) }
        var constructors = [OpaquePointer?](repeating: nil, count: count)
        var testers = [OpaquePointer?](repeating: nil, count: count)
        let sort = Z3_mk_enumeration_sort(raw, symbol(name), UInt32(count), symbols, &constructors, &testers)
        try checkError(operation)
        guard let sort else {
            throw SMTError.z3(code: -1, message: "\(operation): Z3 returned no sort")
        }
        // Pin the sort and its constructors before the next call can drop Z3's temporary hold on
        // them; the constructors are released again once the value constants hold them.
        Z3_inc_ref(raw, Z3_sort_to_ast(raw, sort))
        let declarations = constructors.compactMap { $0 }
        guard declarations.count == count else {
            throw SMTError.z3(code: -1, message: "\(operation): Z3 returned no value constructors")
        }
        for declaration in declarations { Z3_inc_ref(raw, Z3_func_decl_to_ast(raw, declaration)) }
        defer {
            for declaration in declarations { Z3_dec_ref(raw, Z3_func_decl_to_ast(raw, declaration)) }
        }
        var constants: [OpaquePointer] = []
        for declaration in declarations {
            let constant = Z3_mk_app(raw, declaration, 0, nil)
            try checkError(operation)
            guard let constant else {
                throw SMTError.z3(code: -1, message: "\(operation): Z3 returned no value constant")
            }
            Z3_inc_ref(raw, constant)
            constants.append(constant)
        }
        let record = EnumerationRecord(valueNames: valueNames, sort: sort, constants: constants)
        enumerationSorts[name] = record
        return makeEnumSort(record)
    }

    private func makeEnumSort(_ record: EnumerationRecord) -> SMTEnumSort {
        SMTEnumSort(
            sort: SMTSort(context: self, raw: record.sort),
            valueNames: record.valueNames,
            values: record.constants.map { SMTTerm(ASTBox(context: self, ast: $0)) })
    }
}
