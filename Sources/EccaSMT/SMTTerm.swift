import CZ3

/// Holds one Z3 reference on an AST for as long as Swift holds the box.
///
/// Contexts are created with `Z3_mk_context_rc`, in which Z3 frees a term as soon as nobody holds
/// a reference; the box takes one in `init` and gives it back in `deinit`. It also retains the
/// context, so the context is deleted only after its last term. Sorts and function declarations
/// are ASTs too and use the same box.
final class ASTBox {
    let context: SMTContext
    /// The `Z3_ast`.
    let ast: OpaquePointer
    /// Z3's id for the AST; unique among live ASTs of a context and stable while referenced.
    let id: UInt32

    init(context: SMTContext, ast: OpaquePointer) {
        self.context = context
        self.ast = ast
        Z3_inc_ref(context.raw, ast)
        self.id = Z3_get_ast_id(context.raw, ast)
    }

    deinit {
        Z3_dec_ref(context.raw, ast)
    }
}

/// A Z3 term (formula or arithmetic expression).
///
/// A value type over a shared reference-counted AST: copies are cheap and the AST lives as long as
/// any copy. Equality and hashing use Z3's AST id within the context; Z3 shares structurally
/// equal terms, so two separately built `x > 5` compare equal. Not `Sendable`: a term belongs to
/// the worker that owns its context.
public struct SMTTerm: Hashable, CustomStringConvertible {
    let box: ASTBox

    init(_ box: ASTBox) {
        self.box = box
    }

    /// The `Z3_ast`.
    var ast: OpaquePointer { box.ast }

    var context: SMTContext { box.context }

    public static func == (lhs: SMTTerm, rhs: SMTTerm) -> Bool {
        lhs.box.context === rhs.box.context && lhs.box.id == rhs.box.id
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(box.context))
        hasher.combine(box.id)
    }

    /// SMT-LIB rendering of the term, for logs and explanations.
    public var description: String {
        context.string(Z3_ast_to_string(context.raw, ast))
    }

    /// The description cut to a readable length, for error messages about large formulas.
    var excerpt: String {
        let text = description
        return text.count <= 120 ? text : String(text.prefix(117)) + "..."
    }

    /// The sort of the term.
    public var sort: SMTSort {
        SMTSort(context: context, raw: Z3_get_sort(context.raw, ast))
    }

    /// The name of a constant (`a`, `x`, an enumeration value); `nil` for compound terms and
    /// numerals. Lets explanation code map unsat-core literals back to what they stand for.
    public var name: String? {
        let c = context.raw
        guard Z3_is_app(c, ast), !Z3_is_numeral_ast(c, ast) else { return nil }
        let app = Z3_to_app(c, ast)
        guard Z3_get_app_num_args(c, app) == 0 else { return nil }
        let decl = Z3_get_app_decl(c, app)
        return context.string(Z3_get_symbol_string(c, Z3_get_decl_name(c, decl)))
    }

    /// The exact value of a numeral term as "num/den" or an integer string; `nil` for other terms.
    public var numeral: String? {
        let c = context.raw
        guard Z3_is_numeral_ast(c, ast) else { return nil }
        return context.string(Z3_get_numeral_string(c, ast))
    }
}
