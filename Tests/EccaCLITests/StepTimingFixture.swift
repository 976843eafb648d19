/// What the cite-check suites on an instruction's step timing share: a Federal Register rule
/// amending § 999.5 of a test part, the eCFR's § 999.5 before (b) was removed, and an encoding of
/// its (a)(9) and (b). Each suite words the instruction and dates the rule and the text its way.
enum StepTimingFixture {
    /// A rule effective on `effective` ("March 13, 2024"), FR Doc. 2026-`document`, whose
    /// REGTEXT holds `instructions` (AMDPARs) and § 999.5 as amended, (a)(9) set out.
    static func rule(subject: String, effective: String, document: Int, filed: String, instructions: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <RULE>
        <PREAMB>
        <AGENCY TYPE="S">DEPARTMENT OF COMMERCE</AGENCY>
        <CFR>15 CFR Part 999</CFR>
        <SUBJECT>\(subject)</SUBJECT>
        <ACT><HD SOURCE="HED">ACTION:</HD><P>Final rule.</P></ACT>
        <DATES><HD SOURCE="HED">DATES:</HD><P>This rule is effective \(effective).</P></DATES>
        </PREAMB>
        <SUPLINF>
        <REGTEXT TITLE="15" PART="999">
        \(instructions)
        <SECTION><SECTNO>§ 999.5</SECTNO><SUBJECT>Development.</SUBJECT>
        <P>(a) * * *</P>
        <P>(9) The development of utilities and necessary infrastructure;</P>
        <STARS/>
        </SECTION>
        </REGTEXT>
        </SUPLINF>
        <FRDOC>[FR Doc. 2026-\(document) Filed \(filed); 8:45 am]</FRDOC>
        </RULE>
        """
    }

    /// § 999.5 as the eCFR printed it on `day` (ISO): (a)(9) as revised, (b) not yet removed.
    static func cfr(on day: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <DIV8 N="999.5" TYPE="SECTION" hierarchy_metadata="{&quot;path&quot;:&quot;/on/\(day)/title-15/section-999.5&quot;,&quot;citation&quot;:&quot;15 CFR 999.5&quot;}">
        <HEAD>§ 999.5 Development.</HEAD>
        <P>(a) Eligible activities include:</P>
        <P>(9) The development of utilities and necessary infrastructure;</P>
        <P>(b) Other development is eligible as the plan sets out.</P>
        </DIV8>
        """
    }

    /// The encoding checked: § 999.5(a)(9) (line 6) and (b) (line 9).
    static let shipped = Part999Encoding.rules([
        ("999.5(a)(9)", "(9) The development of utilities and necessary infrastructure;"),
        ("999.5(b)", "(b) Other development is eligible as the plan sets out."),
    ])
}
