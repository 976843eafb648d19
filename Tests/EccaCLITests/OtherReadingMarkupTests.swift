import Foundation
import Testing

/// `ecca validate` on the markup of another reading (`<exception reading="other" provision=…>`):
/// accepted on a norm that names the provision read otherwise; refused without that provision,
/// with a provision that does not exist, with another value, or on a constitutive rule, whose
/// exceptions all decide.
@Suite struct OtherReadingMarkupTests {
    /// A norm of § 1 whose exception has `attributes`, and a constitutive rule with `ruleException`.
    private func validate(_ attributes: String, ruleException: String = "") throws -> (CLI.Result, String) {
        let folder = try ValidateCommandTests.rulesFolder([
            "a-facts.xml": ValidateCommandTests.rules(ValidateCommandTests.facts),
            "b-norm.xml": ValidateCommandTests.rules(ValidateCommandTests.instrument("us.b", """
                  <provision id="us.b.1" citation="§ 1" evidence="verified">
                    <wording>w</wording>
                    <norm id="us.b.1.n" modality="obligation">
                      <bearer>provider</bearer>
                      <action>supply</action>
                      <condition><compare fact="model.training-compute" op="ge" value="1e26" unit="operations"/></condition>
                      <exception id="us.b.1.n.other" \(attributes)><label>l</label><compare fact="model.training-compute" op="lt" value="1e27" unit="operations"/></exception>
                    </norm>
                    <counts-as id="big"><label>big</label><condition><compare fact="model.training-compute" op="ge" value="1e27" unit="operations"/></condition>\(ruleException)</counts-as>
                  </provision>
                  <provision id="us.b.2" citation="§ 2" evidence="verified">
                    <wording>w</wording>
                  </provision>
                """)),
        ])
        return (try CLI.run(["validate", "--regulations", folder.path]), folder.path + "/b-norm.xml")
    }

    @Test func aNormsOtherReadingNamingItsProvisionIsAccepted() throws {
        let (result, _) = try validate(#"provision="us.b.2" reading="other""#)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout == "2 files: 1 instrument, 2 provisions, 1 norm, 1 constitutive rule, 1 fact, 0 sets; 0 errors, 0 warnings\n")
    }

    @Test func nonsenseIsRefusedAtItsLine() throws {
        let notUsed = "2 files (1 not used): 0 instruments, 0 provisions, 0 norms, 0 constitutive rules, 1 fact, 0 sets; 1 error, 0 warnings\n"
        // No provision: whose reading would it be?
        var (result, file) = try validate(#"reading="other""#)
        #expect(result.status == 1)
        #expect(result.stderr == "\(file):11: error: Invalid attribute reading for element exception [us.b.1]\n")
        #expect(result.stdout == notUsed)
        (result, file) = try validate(#"provision="us.b.2" reading="wider""#)
        #expect(result.stderr == "\(file):11: error: <exception reading=\"wider\">: 'wider' is not one of other [us.b.1]\n")
        (result, file) = try validate(#"provision="us.b.9" reading="other""#)
        #expect(result.status == 1)
        #expect(result.stderr == "\(file):11: error: exception 'us.b.1.n.other' refers to unknown provision 'us.b.9' [us.b.1]\n")
        // A constitutive rule's exceptions decide whether it holds: none is only another reading.
        (result, file) = try validate(#"provision="us.b.2""#,
                                      ruleException: #"<exception id="big.other" provision="us.b.2" reading="other"><label>l</label><true/></exception>"#)
        #expect(result.stderr == "\(file):13: error: Invalid attribute reading for element exception [us.b.1]\n")
        #expect(result.stdout == notUsed)
    }

    /// A constitutive rule read more widely (`<other-reading>`, after its exceptions): accepted
    /// naming a provision that exists; refused naming one that does not, or naming none.
    @Test func aRulesWiderReadingNamesItsProvision() throws {
        let reading = { (attributes: String) in #"<other-reading id="big.wider" \#(attributes)><label>l</label><true/></other-reading>"# }
        var (result, file) = try validate(#"provision="us.b.2""#, ruleException: reading(#"provision="us.b.2""#))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "2 files: 1 instrument, 2 provisions, 1 norm, 1 constitutive rule, 1 fact, 0 sets; 0 errors, 0 warnings\n")
        (result, file) = try validate(#"provision="us.b.2""#, ruleException: reading(#"provision="us.b.9""#))
        #expect(result.status == 1)
        #expect(result.stderr == "\(file):13: error: other reading 'big.wider' refers to unknown provision 'us.b.9' [us.b.1]\n")
        (result, file) = try validate(#"provision="us.b.2""#, ruleException: reading(""))
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(file):13: error: "), "\(result.stderr)")
        #expect(result.stderr.contains("provision"), "\(result.stderr)")
    }
}
