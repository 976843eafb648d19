/// An annex in the real Annex II's shape (`P`, then `LIST TYPE="DASH"` of `ITEM/P`), with a
/// numbered section whose point 1(a) holds indents in Art. 5(1)(h)'s shape for a list in a point
/// (`NP/P/LIST`): for the suites on annex indents' locators, in the importer and on the command line.
public enum AnnexIndentFixture {
    /// `kidnapping` is point 1(a)'s second indent; without `rape`, the annex has two indents of
    /// its own, not three.
    public static func annex(kidnapping: String = "kidnapping.", rape: Bool = true) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <ANNEX><BIB.INSTANCE><DOCUMENT.REF FILE="L_202401689EN.doc.fmx.xml"><COLL>L</COLL><NO.DOC FORMAT="YN" TYPE="OJ"><YEAR>2024</YEAR><NO.CURRENT>1689</NO.CURRENT></NO.DOC></DOCUMENT.REF><DATE ISO="20240613">20240613</DATE></BIB.INSTANCE><TITLE><TI><P>ANNEX II</P></TI><STI><P>Offences</P></STI></TITLE><CONTENTS>
        <P>Criminal offences referred to in Article 5:</P><LIST TYPE="DASH"><ITEM><P>terrorism,</P></ITEM><ITEM><P>sabotage,</P></ITEM>\(rape ? "<ITEM><P>rape.</P></ITEM>" : "")</LIST>
        <GR.SEQ LEVEL="1"><TITLE><TI><P>Section 1</P></TI></TITLE><NP><NO.P>1.</NO.P><TXT>Offences against persons:</TXT><P><LIST TYPE="alpha"><ITEM><NP><NO.P>(a)</NO.P><TXT>against life or liberty:</TXT><P><LIST TYPE="DASH"><ITEM><P>murder,</P></ITEM><ITEM><P>\(kidnapping)</P></ITEM></LIST></P></NP></ITEM></LIST></P></NP></GR.SEQ>
        </CONTENTS></ANNEX>
        """
    }
}
