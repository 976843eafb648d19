import Foundation
import Testing
import EccaTestSupport

/// A jurisdiction fact (`EU` or a country code) may be tested against a set of countries, so that
/// the Member States are listed once (`eu.member-states`), while the lint still refuses a set of
/// countries on a string fact, a set of strings on a jurisdiction and a value that is neither.
@Suite struct JurisdictionFactTests {
    static let facts = ValidateCommandTests.rules("""
        <fact id="request.jurisdiction" type="jurisdiction" scope="request" supplied-by="requester.jurisdiction"/>
        <fact id="model.name" type="string" scope="request" supplied-by="model.name"/>
        <set id="member-states" kind="country"><member>DE</member><member>GR</member></set>
        <set id="names" kind="string"><member>EU</member></set>
        """)

    /// A rules file whose one rule's condition holds `conditions`, one a line from line 9.
    static func uses(_ conditions: String...) -> String {
        ValidateCommandTests.rules(ValidateCommandTests.instrument("us.b", """
              <provision id="us.b.1" citation="§ 1" evidence="verified">
                <wording>w</wording>
                <counts-as id="asked"><label>asked</label>
                  <condition><any>
            \(conditions.map { "        " + $0 + "\n" }.joined())      </any></condition>
                </counts-as>
              </provision>
            """))
    }

    static func validate(_ uses: String) throws -> (folder: URL, result: CLI.Result) {
        let folder = try CLI.folder([
            "schema/rules.rng": try String(contentsOfFile: CLI.regulations + "/schema/rules.rng", encoding: .utf8),
            "a-facts.xml": facts,
            "b-uses.xml": uses,
        ])
        return (folder, try CLI.run(["validate", "--regulations", folder.path]))
    }

    @Test func aJurisdictionIsTestedAgainstASetOfCountriesAndAgainstEU() throws {
        let (_, result) = try Self.validate(Self.uses(#"<in fact="request.jurisdiction" set="member-states"/>"#,
                                                      #"<is fact="request.jurisdiction" value="EU"/>"#,
                                                      #"<in fact="request.jurisdiction" values="CH NO"/>"#))
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == "2 files: 1 instrument, 1 provision, 0 norms, 1 constitutive rule, 2 facts, 2 sets; 0 errors, 0 warnings\n")
    }

    @Test func mismatchedKindsAndValuesThatAreNoJurisdictionAreRefused() throws {
        let (folder, result) = try Self.validate(Self.uses(#"<in fact="model.name" set="member-states"/>"#,
                                                           #"<in fact="request.jurisdiction" set="names"/>"#,
                                                           #"<is fact="request.jurisdiction" value="Union"/>"#,
                                                           #"<in fact="request.jurisdiction" values="DE XX"/>"#))
        #expect(result.status == 1)
        #expect(result.stderr == """
            \(folder.path)/b-uses.xml:9: error: set 'member-states' holds country values, but fact 'model.name' is string [us.b.1]
            \(folder.path)/b-uses.xml:10: error: set 'names' holds string values, but fact 'request.jurisdiction' is jurisdiction [us.b.1]
            \(folder.path)/b-uses.xml:11: error: 'Union' is neither EU nor an ISO 3166-1 alpha-2 code [us.b.1]
            \(folder.path)/b-uses.xml:12: error: 'XX' is neither EU nor an ISO 3166-1 alpha-2 code [us.b.1]

            """)
        #expect(result.stdout == "2 files: 1 instrument, 1 provision, 0 norms, 1 constitutive rule, 2 facts, 2 sets; 4 errors, 0 warnings\n")
    }
}
