import Foundation
import EccaTestSupport

/// The Annex of Regulation (EU) 2026/1744 (the Digital Omnibus on AI), which is the new Annex XIV
/// of Regulation (EU) 2024/1689 set in one quotation, from `‘Annex XIV` to `…Article 29.’.`.
///
/// Elements verbatim from `josesiqueira/tere4ai` `data/snapshots/formex/L_202601744EN.003601.fmx.xml`
/// at commit f880753aa289faaf9107ce91c7c634a6379ba069 (the QA set /tmp/qa/fmx3/src/r1744): the root,
/// `BIB.INSTANCE`, `TITLE`, groups 1 and 4 whole, group 3's title and its first level-2 group (a.).
/// Group 2, the opening `P` and groups 3(b)-(d) are left out whole.
enum OmnibusAnnex {
    static let name = "L_202601744EN.003601.fmx.xml"
    static let bibliography = #"""
        <BIB.INSTANCE><DOCUMENT.REF FILE="L_202601744EN.doc.fmx.xml"><COLL>L</COLL><NO.DOC FORMAT="YN" TYPE="OJ"><YEAR>2026</YEAR><NO.CURRENT>1744</NO.CURRENT></NO.DOC><LG.OJ>EN</LG.OJ><PAGE.FIRST>1</PAGE.FIRST><PAGE.SEQ>1</PAGE.SEQ><VOLUME.REF>01</VOLUME.REF></DOCUMENT.REF><DATE ISO="20260708">20260708</DATE><LG.DOC>EN</LG.DOC><NO.SEQ>0001.0001</NO.SEQ><PAGE.FIRST>36</PAGE.FIRST><PAGE.SEQ>1</PAGE.SEQ><PAGE.LAST>38</PAGE.LAST><PAGE.TOTAL>3</PAGE.TOTAL><NO.DOC FORMAT="YN" TYPE="OJ"><YEAR>2026</YEAR><NO.CURRENT>1744</NO.CURRENT></NO.DOC></BIB.INSTANCE>
        """#
    static let quotedTitle = #"""
        <TITLE><TI><P><QUOT.START CODE="2018" ID="QS0001" REF.END="QE0001"/>Annex XIV</P></TI></TITLE>
        """#
    static let groups = #"""
        <GR.SEQ LEVEL="1"><TITLE><TI><NP><NO.P>1.</NO.P><TXT><HT TYPE="NORMAL">Introduction</HT></TXT></NP></TI></TITLE><P>Conformity assessment of high-risk AI systems pursuant to this Regulation may require the involvement of conformity assessment bodies. Only conformity assessment bodies that have been designated in accordance with this Regulation may carry out conformity assessments and only for the activities related to the types of AI systems concerned. The list of codes, categories, and corresponding types of AI systems sets the scope of the designation of conformity assessment bodies notified under Article 30.</P></GR.SEQ><GR.SEQ LEVEL="1"><TITLE><TI><NP><NO.P>3.</NO.P><TXT><HT TYPE="NORMAL">AI technology-specific codes</HT></TXT></NP></TI></TITLE><GR.SEQ LEVEL="2"><TITLE><TI><NP><NO.P>a.</NO.P><TXT><HT TYPE="NORMAL">Symbolic AI and expert systems</HT></TXT></NP></TI></TITLE><P><TBL COLS="2" NO.SEQ="0003"><CORPUS><ROW TYPE="HEADER"><CELL COL="1" TYPE="HEADER">AIA Code</CELL><CELL COL="2" TYPE="HEADER"><IE/></CELL></ROW><ROW><CELL COL="1">AIH 0101</CELL><CELL COL="2">AI systems based on symbolic AI, expert and knowledge-based systems, and AI systems based on search and optimisation</CELL></ROW></CORPUS></TBL></P></GR.SEQ></GR.SEQ><GR.SEQ LEVEL="1"><TITLE><TI><NP><NO.P>4.</NO.P><TXT><HT TYPE="NORMAL">Application for designation</HT></TXT></NP></TI></TITLE><P>Conformity assessment bodies shall use the lists of codes, categories and corresponding types of AI systems set out in this Annex when specifying the types of AI systems in the application for designation referred to in Article 29.<QUOT.END CODE="2019" ID="QE0001" REF.START="QS0001"/>.</P></GR.SEQ>
        """#

    /// The annex as published (`title: quotedTitle`), or with another title.
    static func annex(title: String = quotedTitle, groups: String = groups) -> String {
        #"""
        <?xml version="1.0" encoding="UTF-8"?><ANNEX NNC="YES" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://formex.publications.europa.eu/schema/formex-06.02.1-20231031.xd">
        """# + bibliography + title + "<CONTENTS>" + groups + "</CONTENTS></ANNEX>\n"
    }
}
