import EccaSMT
import Testing

@Suite("Models and enumeration sorts")
struct ModelTests {
    @Test("model values for Bool, Int, Real and enumeration terms")
    func values() throws {
        let ctx = SMTContext()
        let solver = try SMTSolver(context: ctx)
        let flag = try ctx.bool("flag")
        let n = try ctx.int("n")
        let r = try ctx.real("r")
        let big = try ctx.real("big")
        let destination = try ctx.enumerationSort("Destination", values: ["EU", "US", "CN"])
        let d = try ctx.enumConstant("d", sort: destination)

        try solver.assert(ctx.not(flag))
        try solver.assert(ctx.eq(ctx.mul(n, ctx.int(value: 3)), ctx.int(value: -21)))
        try solver.assert(ctx.eq(ctx.mul(r, ctx.real(value: 3)), ctx.real(decimal: "1")))
        try solver.assert(ctx.eq(big, ctx.add(ctx.real(decimal: "1e26"), ctx.real(decimal: "0.5"))))
        try solver.assert(ctx.distinct([d, try destination.value("EU"), try destination.value("CN")]))
        #expect(try solver.check() == .sat)

        let model = try solver.model()
        #expect(try model.evalBool(flag) == false)
        #expect(try model.evalBool(ctx.or(flag, ctx.not(flag))) == true)
        #expect(try model.evalInt(n) == -7)
        #expect(try model.evalReal(n) == "-7")
        #expect(try model.evalReal(r) == "1/3")
        #expect(try model.evalReal(big) == "200000000000000000000000001/2")
        #expect(try model.evalDouble(r).map { abs($0 - 1.0 / 3.0) < 1e-15 } == true)
        #expect(try model.evalEnum(d, sort: destination) == "US")

        // Constants the formula never mentions still get a value (model completion).
        #expect(try model.evalInt(ctx.int("unused")) != nil)
        #expect(try model.evalBool(ctx.bool("unusedFlag")) != nil)

        let wrongSort = #expect(throws: SMTError.self) { try model.evalInt(flag) }
        #expect(caseName(wrongSort) == "sortMismatch")
        let wrongEnum = #expect(throws: SMTError.self) { try model.evalEnum(n, sort: destination) }
        #expect(caseName(wrongEnum) == "sortMismatch")
    }

    @Test("enumeration sorts round-trip value names")
    func enumerationRoundTrip() throws {
        let ctx = SMTContext()
        let names = ["dual-use", "military", "civil"]
        let category = try ctx.enumerationSort("Category", values: names)
        #expect(category.name == "Category")
        #expect(category.valueNames == names)
        #expect(category.sort.kind == .enumeration)
        for name in names {
            let value = try category.value(name)
            #expect(category.valueName(of: value) == name)
            #expect(value.name == name)
            #expect(value.sort == category.sort)
        }
        #expect(category.valueName(of: try ctx.int(value: 1)) == nil)
        #expect(caseName(#expect(throws: SMTError.self) { try category.value("nuclear") }) == "invalidArgument")

        // Every value is reachable in a model, and nothing else is.
        let solver = try SMTSolver(context: ctx)
        let c = try ctx.enumConstant("c", sort: category)
        var seen: [String] = []
        for _ in names {
            #expect(try solver.check() == .sat)
            let name = try #require(try solver.model().evalEnum(c, sort: category))
            seen.append(name)
            try solver.assert(ctx.not(ctx.eq(c, category.value(name))))
        }
        #expect(Set(seen) == Set(names))
        #expect(try solver.check() == .unsat)
    }

    @Test("redeclaring an enumeration sort: same values reuse it, different values are refused")
    func enumerationRedeclaration() throws {
        let ctx = SMTContext()
        let first = try ctx.enumerationSort("Status", values: ["in-force", "repealed"])
        let again = try ctx.enumerationSort("Status", values: ["in-force", "repealed"])
        #expect(first == again)
        #expect(try first.value("repealed") == (try again.value("repealed")))

        let clash = #expect(throws: SMTError.self) {
            try ctx.enumerationSort("Status", values: ["draft"])
        }
        #expect(caseName(clash) == "invalidArgument")
        #expect(caseName(#expect(throws: SMTError.self) { try ctx.enumerationSort("Empty", values: []) }) == "invalidArgument")
        #expect(caseName(#expect(throws: SMTError.self) { try ctx.enumerationSort("Twice", values: ["a", "a"]) }) == "invalidArgument")

        // The same value name may appear in two different enumerations.
        let other = try ctx.enumerationSort("Other", values: ["repealed"])
        #expect(other.sort != first.sort)
        #expect(try other.value("repealed") != (try first.value("repealed")))
    }

    @Test("terms, sorts and models keep their context alive")
    func lifetimes() throws {
        func makeTerm() throws -> SMTTerm {
            let ctx = SMTContext()
            return try ctx.add(ctx.int("x"), ctx.int(value: 1))
        }
        let term = try makeTerm()
        #expect(term.description == "(+ x 1)")
        #expect(term.sort.kind == .int)

        func makeModel() throws -> (SMTModel, SMTTerm) {
            let ctx = SMTContext()
            let solver = try SMTSolver(context: ctx)
            let x = try ctx.int("x")
            try solver.assert(ctx.eq(x, ctx.int(value: 9)))
            _ = try solver.check()
            return (try solver.model(), x)
        }
        let (model, x) = try makeModel()
        #expect(try model.evalInt(x) == 9)
    }

    @Test("terms compare by Z3 identity and describe themselves")
    func termIdentity() throws {
        let ctx = SMTContext()
        let x = try ctx.int("x")
        let five = try ctx.int(value: 5)
        let first = try ctx.gt(x, five)
        let second = try ctx.gt(try ctx.int("x"), try ctx.int(value: 5))
        #expect(first == second)
        #expect(Set([first, second]).count == 1)
        #expect(first != (try ctx.ge(x, five)))
        #expect(first.description == "(> x 5)")
        #expect(x.name == "x")
        #expect(first.name == nil)
        #expect(five.name == nil)
        #expect(five.numeral == "5")
        #expect(ctx.true.description == "true")
        #expect(try ctx.and([]) == ctx.true)
        #expect(try ctx.or([]) == ctx.false)
        #expect(try ctx.ite(ctx.bool("c"), then: x, else: five).sort == ctx.intSort)
        #expect(try (ctx.bool("p") && ctx.bool("q")).description == "(and p q)")
    }
}
