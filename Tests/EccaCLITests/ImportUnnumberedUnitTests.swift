import EccaTestSupport
import Foundation
import Testing

/// `ecca import` of a CFR volume with a section whose number is missing (importer audit D2): the
/// rules file, written straight from the section's layout, carries the stand-in citation and the
/// unresolved note on the section and each paragraph; standard error says where. It was
/// `citation="14 CFR " eid=""` and `14 CFR (a)`, exit 0 and no word.
@Suite struct ImportUnnumberedUnitTests {
    static let volume = """
        <?xml version="1.0" encoding="UTF-8"?>
        <CFRDOC>
        <FMTR><TITLEPG><TITLENUM>Title 14</TITLENUM><SUBJECT>Aeronautics and Space</SUBJECT><REVISED>Revised as of January 1, 2015</REVISED></TITLEPG></FMTR>
        <TITLE><CHAPTER><PART><EAR>Pt. 1204</EAR><HD SOURCE="HED">PART 1204—ADMINISTRATIVE AUTHORITY AND POLICY</HD>
        <SECTION><SECTNO></SECTNO><SUBJECT>Delegation of authority to grant easements.</SUBJECT>
        <P>(a) <E T="03">Scope.</E> 40 U.S.C. 319 to 319C authorizes executive agencies to grant easements.</P>
        </SECTION>
        </PART></CHAPTER></TITLE>
        </CFRDOC>
        """

    @Test func theRulesFileCitesTheSectionByItsPlaceAndNotesEveryProvision() throws {
        let folder = try CLI.folder(["cfr.xml": Self.volume,
                                     "out/schema/rules.rng": try String(contentsOfFile: CLI.regulations + "/schema/rules.rng", encoding: .utf8)])
        let input = folder.appendingPathComponent("cfr.xml").path, output = folder.appendingPathComponent("out/cfr.rules.xml").path
        let result = try CLI.run(["import", input, "-o", output])
        #expect(result.status == 0)
        #expect(result.stderr == "\(input):5: warning: a section (“Delegation of authority to grant easements”) has no number; it is cited as \"14 CFR unnumbered section 1\", and it and its parts are marked unresolved\n")
        #expect(result.stdout.contains("  1 article or section without a number, cited by its place among those of the file (marked unresolved)\n"))
        let written = try String(contentsOfFile: output, encoding: .utf8)
        let note = "<note kind=\"unresolved\">This section carries no number in the official file; ecca numbers it by its place among the unnumbered sections of the file (1), so its citation and id, and those of its parts, are not the official ones. Check the official text.</note>"
        #expect(written.components(separatedBy: note).count == 3)
        #expect(written.contains("<provision id=\"us.cfr-14.unnumbered-section-1\" citation=\"14 CFR unnumbered section 1\" evidence=\"verified\" source-id=\"unnumbered section 1\" eid=\"unnumbered section 1\" wording-kind=\"verbatim\">"))
        #expect(written.contains("<provision id=\"us.cfr-14.unnumbered-section-1.a\" citation=\"14 CFR unnumbered section 1(a)\""))
        #expect(!written.contains("citation=\"14 CFR \"") && !written.contains("eid=\"\""))
        let validate = try CLI.run(["validate", "--regulations", folder.appendingPathComponent("out").path])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
    }
}
