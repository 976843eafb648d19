import EccaSMT
import Testing

@Suite("Decimal numerals")
struct NumeralTests {
    @Test("decimal strings become exact rationals", arguments: [
        ("1e26", "100000000000000000000000000"),
        ("2.5e25", "25000000000000000000000000"),
        ("-0", "0"),
        ("0.0e5", "0"),
        ("0.1", "1/10"),
        ("-12.50", "-125/10"),
        ("2.5E-3", "25/10000"),
        ("+7", "7"),
        (" 42 ", "42"),
        (".5", "5/10"),
        ("5.", "5"),
        ("000120", "120"),
        ("1.23e1", "123/10"),
        ("1.23e2", "123"),
        ("12e-1", "12/10"),
        ("99999999999999999999999999", "99999999999999999999999999"),
    ])
    func exactConversion(input: String, expected: String) throws {
        #expect(try SMTNumeral.rational(fromDecimal: input) == expected)
    }

    @Test("non-decimal strings are rejected", arguments: [
        "NaN", "nan", "inf", "-inf", "Infinity", "1e", "1e+", "abc", "", "  ", "1.2.3", "0x10",
        "--1", "1 000", "1,5", "e5", ".", "-", "1e99999", "\u{0663}",
    ])
    func rejection(input: String) {
        let error = #expect(throws: SMTError.self) { try SMTNumeral.rational(fromDecimal: input) }
        #expect(caseName(error) == "invalidNumeral")
    }

    @Test("1e26 is greater than 99999999999999999999999999 and equal to 10^26 inside Z3")
    func scientificNotationInZ3() throws {
        let ctx = SMTContext()
        let solver = try SMTSolver(context: ctx)
        let big = try ctx.real(decimal: "1e26")
        let justBelow = try ctx.real(decimal: "99999999999999999999999999")
        let spelledOut = try ctx.real(decimal: "100000000000000000000000000")
        // Valid formulas: their negations are unsat.
        try solver.assert(ctx.not(ctx.gt(big, justBelow)))
        #expect(try solver.check() == .unsat)
        try solver.reset()
        try solver.assert(ctx.not(ctx.eq(big, spelledOut)))
        #expect(try solver.check() == .unsat)
        #expect(big == spelledOut)
        #expect(big.numeral == "100000000000000000000000000")
    }

    @Test("2.5e25 equals the integer 25000000000000000000000000")
    func fractionalMantissa() throws {
        let ctx = SMTContext()
        let solver = try SMTSolver(context: ctx)
        let real = try ctx.real(decimal: "2.5e25")
        let int = try ctx.int(decimal: "25000000000000000000000000")
        try solver.assert(ctx.not(ctx.eq(real, int)))
        #expect(try solver.check() == .unsat)
        #expect(real.numeral == "25000000000000000000000000")
    }

    @Test("decimals stay exact: 0.1 + 0.2 = 0.3")
    func noFloatingPointDrift() throws {
        let ctx = SMTContext()
        let solver = try SMTSolver(context: ctx)
        let sum = try ctx.add(ctx.real(decimal: "0.1"), ctx.real(decimal: "0.2"))
        try solver.assert(ctx.not(ctx.eq(sum, ctx.real(decimal: "0.3"))))
        #expect(try solver.check() == .unsat)
        #expect(try ctx.real(decimal: "-0").numeral == "0")
        #expect(try ctx.real(decimal: "-1.5").numeral == "-3/2")
    }

    @Test("invalid numerals throw from the context constructors")
    func contextRejects() {
        let ctx = SMTContext()
        for text in ["NaN", "1e", "abc", "inf"] {
            let error = #expect(throws: SMTError.self) { try ctx.real(decimal: text) }
            #expect(caseName(error) == "invalidNumeral")
        }
        let error = #expect(throws: SMTError.self) { try ctx.int(decimal: "2.5") }
        #expect(caseName(error) == "invalidNumeral")
        #expect(throws: Never.self) { try ctx.int(decimal: "2.5e1") }
    }
}
