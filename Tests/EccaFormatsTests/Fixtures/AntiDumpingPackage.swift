import Foundation
import EccaTestSupport

/// Regulation (EU) 2016/1036 (the EU basic anti-dumping Regulation, OJ L 176, 30.6.2016, p. 21) in
/// the package layout the Publications Office used before October 2023: the act
/// `L_2016176EN.01002101.xml` names its manifest `L_2016176EN.01002101.doc.xml` in
/// `BIB.INSTANCE/DOCUMENT.REF`, and the files end in `.xml`, not `.fmx.xml`.
///
/// Every element is verbatim from `eur-lex-rs/eur-lex-lib` `data/32016R1036/` at commit
/// 3f2d61bfaf2274e3fa65a5e15be836d004f3a0d8 (the QA set /tmp/qa/fmx3/src/r1036): the act's and
/// annex's `BIB.INSTANCE` and `TITLE`; Art. 2's heading, its `SUBDIV`s A and D with their titles and
/// paragraphs 2, 6 and 12 (the act groups paragraphs 1-7 under "A. NORMAL VALUE" and 12 under "D.
/// DUMPING MARGIN"); Art. 24; the manifest's `BIB.DOC`, `PUBLICATION.REF`, `DOC.MAIN.PUB` and first
/// `DOC.SUB.PUB`; Annex I's group title and first row. What is left out (other paragraphs and
/// articles, the preamble, other rows) is left out whole.
enum AntiDumpingPackage {
    static let actName = "L_2016176EN.01002101.xml"
    static let manifestName = "L_2016176EN.01002101.doc.xml"
    static let annexName = "L_2016176EN.01005001.xml"

    static let article2 = #"""
        <ARTICLE IDENTIFIER="002"><TI.ART>Article 2</TI.ART><STI.ART>Determination of dumping</STI.ART><SUBDIV><TITLE><TI><NP><NO.P>A.</NO.P><TXT>NORMAL VALUE</TXT></NP></TI></TITLE><PARAG IDENTIFIER="002.002"><NO.PARAG>2.</NO.PARAG><ALINEA>Sales of the like product intended for domestic consumption shall normally be used to determine the normal value if such sales volume constitutes 5 % or more of the sales volume of the product under consideration to the Union. However, a lower volume of sales may be used when, for example, the prices charged are considered representative for the market concerned.</ALINEA></PARAG><PARAG IDENTIFIER="002.006"><NO.PARAG>6.</NO.PARAG><ALINEA><P>The amounts for selling, for general and administrative costs and for profits shall be based on actual data pertaining to production and sales, in the ordinary course of trade, of the like product by the exporter or producer under investigation. When such amounts cannot be determined on that basis, the amounts may be determined on the basis of:</P><LIST TYPE="alpha"><ITEM><NP><NO.P>(a)</NO.P><TXT>the weighted average of the actual amounts determined for other exporters or producers subject to investigation in respect of production and sales of the like product in the domestic market of the country of origin;</TXT></NP></ITEM><ITEM><NP><NO.P>(b)</NO.P><TXT>the actual amounts applicable to production and sales, in the ordinary course of trade, of the same general category of products for the exporter or producer in question in the domestic market of the country of origin;</TXT></NP></ITEM><ITEM><NP><NO.P>(c)</NO.P><TXT>any other reasonable method, provided that the amount for profit so established shall not exceed the profit normally realised by other exporters or producers on sales of products of the same general category in the domestic market of the country of origin.</TXT></NP></ITEM></LIST></ALINEA></PARAG></SUBDIV><SUBDIV><TITLE><TI><NP><NO.P>D.</NO.P><TXT>DUMPING MARGIN</TXT></NP></TI></TITLE><PARAG IDENTIFIER="002.012"><NO.PARAG>12.</NO.PARAG><ALINEA>The dumping margin shall be the amount by which the normal value exceeds the export price. Where dumping margins vary, a weighted average dumping margin may be established.</ALINEA></PARAG></SUBDIV></ARTICLE>
        """#

    static let article24 = #"""
        <ARTICLE IDENTIFIER="024"><TI.ART>Article 24</TI.ART><STI.ART>Repeal</STI.ART><ALINEA>Regulation (EC) No 1225/2009 is repealed.</ALINEA><ALINEA>References to the repealed Regulation shall be construed as references to this Regulation and shall be read in accordance with the correlation table in Annex II.</ALINEA></ARTICLE>
        """#

    static func act(articles: String = article2 + article24) -> String {
        #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <ACT xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:fmx="http://opoce" xsi:noNamespaceSchemaLocation="http://formex.publications.europa.eu/schema/formex-05.55-20141201.xd"><BIB.INSTANCE><DOCUMENT.REF FILE="L_2016176EN.01002101.doc.xml"><COLL>L</COLL><NO.OJ>176</NO.OJ><YEAR>2016</YEAR><LG.OJ>EN</LG.OJ><PAGE.FIRST>21</PAGE.FIRST><PAGE.SEQ>1</PAGE.SEQ><VOLUME.REF>01</VOLUME.REF></DOCUMENT.REF><DATE ISO="20160608">20160608</DATE><LG.DOC>EN</LG.DOC><NO.SEQ>0002</NO.SEQ><PAGE.FIRST>21</PAGE.FIRST><PAGE.SEQ>1</PAGE.SEQ><PAGE.LAST>49</PAGE.LAST><PAGE.TOTAL>29</PAGE.TOTAL><NO.DOC FORMAT="YN" TYPE="OJ"><NO.CURRENT>1036</NO.CURRENT><YEAR>2016</YEAR><COM>EU</COM></NO.DOC></BIB.INSTANCE><TITLE><TI><P><HT TYPE="UC">Regulation</HT> (EU) 2016/1036 <HT TYPE="UC">of the European Parliament and of the Council</HT></P><P>of <DATE ISO="20160608">8 June 2016</DATE></P><P>on protection against dumped imports from countries not members of the European Union</P><P>(codification)</P></TI></TITLE><ENACTING.TERMS>
        """# + articles + "</ENACTING.TERMS></ACT>\n"
    }

    static let manifest = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <DOC xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://formex.publications.europa.eu/schema/formex-05.55-20141201.xd"><BIB.DOC><PROD.ID>20160606010</PROD.ID><FIN.ID>70123</FIN.ID><NO.DOC FORMAT="YN" TYPE="OJ"><NO.CURRENT>1036</NO.CURRENT><YEAR>2016</YEAR><COM>EU</COM></NO.DOC><DURAB TYPE="DUR"/><AUTHOR>PE</AUTHOR><AUTHOR>CS</AUTHOR></BIB.DOC><PUBLICATION.REF FILE="L_2016176EN.toc.xml"><COLL>L</COLL><NO.OJ>176</NO.OJ><DATE ISO="20160630">20160630</DATE><LG.OJ>EN</LG.OJ><VOLUME.REF>01</VOLUME.REF></PUBLICATION.REF><FMX><DOC.MAIN.PUB NO.SEQ="0002" SYNOPTISM="D0002"><LG.DOC>EN</LG.DOC><LEGAL.VALUE>REG</LEGAL.VALUE><DATE ISO="20160608">20160608</DATE><PAGE.FIRST>21</PAGE.FIRST><PAGE.LAST>49</PAGE.LAST><PAGE.TOTAL>29</PAGE.TOTAL><PAGE.SEQ>1</PAGE.SEQ><REF.PHYS FILE="L_2016176EN.01002101.xml" TYPE="DOC.XML"/></DOC.MAIN.PUB><DOC.SUB.PUB IN.SUMMARY="NO" NO.SEQ="0002.0001" SYNOPTISM="D0002.0001" TYPE="ANNEX"><PAGE.FIRST>50</PAGE.FIRST><PAGE.LAST>50</PAGE.LAST><PAGE.TOTAL>1</PAGE.TOTAL><PAGE.SEQ>1</PAGE.SEQ><REF.PHYS FILE="L_2016176EN.01005001.xml" TYPE="DOC.XML"/></DOC.SUB.PUB></FMX></DOC>
        """#

    static let annex = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <ANNEX xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:fmx="http://opoce" xsi:noNamespaceSchemaLocation="http://formex.publications.europa.eu/schema/formex-05.55-20141201.xd"><BIB.INSTANCE><DOCUMENT.REF FILE="L_2016176EN.01002101.doc.xml"><COLL>L</COLL><NO.OJ>176</NO.OJ><YEAR>2016</YEAR><LG.OJ>EN</LG.OJ><PAGE.FIRST>21</PAGE.FIRST><PAGE.SEQ>1</PAGE.SEQ><VOLUME.REF>01</VOLUME.REF></DOCUMENT.REF><DATE ISO="20160608">20160608</DATE><LG.DOC>EN</LG.DOC><NO.SEQ>0002.0001</NO.SEQ><PAGE.FIRST>50</PAGE.FIRST><PAGE.SEQ>1</PAGE.SEQ><PAGE.LAST>50</PAGE.LAST><PAGE.TOTAL>1</PAGE.TOTAL></BIB.INSTANCE><TITLE><TI><P>ANNEX I</P></TI></TITLE><CONTENTS><GR.SEQ LEVEL="1"><TITLE><TI><P><HT TYPE="BOLD">REPEALED REGULATION WITH LIST OF ITS SUCCESSIVE AMENDMENTS</HT></P></TI></TITLE><TBL COLS="2" NO.SEQ="0001"><CORPUS><ROW><CELL COL="1"><P>Council Regulation (EC) No 1225/2009</P><P>(<REF.DOC.OJ COLL="L" DATE.PUB="20091222" NO.OJ="343" PAGE.FIRST="51">OJ L 343, 22.12.2009, p. 51</REF.DOC.OJ>)</P></CELL><CELL COL="2"><IE/></CELL></ROW></CORPUS></TBL></GR.SEQ></CONTENTS></ANNEX>
        """#

    /// Writes the act (and, when asked, the manifest and Annex I beside it) to a new folder; returns the folder.
    static func write(act: String = act(), manifest withManifest: Bool = true, annex withAnnex: Bool = true) throws -> String {
        let folder = try TemporaryFolder.make("antidumping").path
        try act.write(toFile: folder + "/" + actName, atomically: true, encoding: .utf8)
        if withManifest { try manifest.write(toFile: folder + "/" + manifestName, atomically: true, encoding: .utf8) }
        if withAnnex { try annex.write(toFile: folder + "/" + annexName, atomically: true, encoding: .utf8) }
        return folder
    }
}
