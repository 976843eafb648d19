#!/usr/bin/env bash
# Wide-unit benchmark (issue 7): for each dialect of `ecca import`, and for `ecca cite-check
# --official`, one unit of N wide children and one of 2N (N list items, table rows, paragraphs,
# definitions, footnotes, amendatory instructions, quoted passages, statements, annexes of a
# manifest, files joined), generated here, timed side by side with the ratio and peak RSS. A ratio
# near 2 is linear; near 4, time that grows with the width squared. A benchmark, not a test: it
# fails on nothing. docs/importers.md ("Memory and speed") says what it found.
#
# Usage: Benchmarks/wide-units.sh [--release] [N] [CITE_N]
#   N: children of the smaller unit (default 2000); CITE_N: provisions a cite-check covers (default 250;
#   cite-check is run with the import of the same file as its regulations, so both grow).
#   The binary: $ECCA, else .build/debug/ecca; --release builds one with
#   `swift build -c release --scratch-path .build-release` and uses it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "${1:-}" = "--release" ]; then
    shift
    (cd "$ROOT" && swift build -c release --scratch-path .build-release --product ecca)
    ECCA="$ROOT/.build-release/release/ecca"
fi
ECCA="${ECCA:-$ROOT/.build/debug/ecca}"
N="${1:-2000}"
CITE_N="${2:-250}"
[ -x "$ECCA" ] || { echo "no ecca at $ECCA (build it, set ECCA, or pass --release)" >&2; exit 64; }
command -v /usr/bin/time >/dev/null || [ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 64; }
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ecca-wide-units.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

cat > "$WORK/gen.py" <<'PY'
# gen.py SHAPE N OUT: one file (or, for manifests and joins, a folder's files) of one wide unit.
import sys, os, random
shape, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
random.seed(5)
W = "the exporter shall ensure that any item subject to the regulations is not released without a license".split()
def words(k=8): return " ".join(random.choice(W) for _ in range(k))
def letters(i):  # a, b, …, z, aa, ab, …
    s = ""
    i += 1
    while i: i, r = divmod(i - 1, 26); s = chr(97 + r) + s
    return s

ECFR_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<DLPSTEXTCLASS><HEADER><FILEDESC><TITLESTMT><TITLE>Title 15: Commerce</TITLE></TITLESTMT>'
             '<PUBLICATIONSTMT><IDNO TYPE="title">15</IDNO></PUBLICATIONSTMT></FILEDESC></HEADER><TEXT><BODY><ECFRBRWS>'
             '<AMDDATE>Jan. 2, 2025</AMDDATE><DIV1 N="15" NODE="15:1" TYPE="TITLE"><HEAD>Title 15—Commerce</HEAD>'
             '<DIV5 N="774" NODE="15:2.1.3.4.27" TYPE="PART"><HEAD>PART 774—THE COMMERCE CONTROL LIST</HEAD>\n')
ECFR_TAIL = '</DIV5></DIV1></ECFRBRWS></BODY></TEXT></DLPSTEXTCLASS>\n'
def ecfr_section(body, num="774.1", heading="Scope."):
    return f'<DIV8 N="§ {num}" NODE="15:2.1.3.4.27.0.1.1" TYPE="SECTION"><HEAD>§ {num}   {heading}</HEAD>\n{body}</DIV8>\n'

ANNUAL_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<CFRDOC><AMDDATE>January 1, 2024</AMDDATE><FMTR><TITLEPG><TITLENUM>Title 15</TITLENUM>'
               '<SUBJECT>Commerce and Foreign Trade</SUBJECT><PARTS>Parts 300 to 799</PARTS><REVISED>Revised as of January 1, 2024</REVISED></TITLEPG></FMTR>'
               '<TITLE><CHAPTER><SUBCHAP><PART><EAR>Pt. 744</EAR><HD SOURCE="HED">PART 744—CONTROL POLICY</HD>\n')
ANNUAL_TAIL = '</PART></SUBCHAP></CHAPTER></TITLE></CFRDOC>\n'

def rows_gpotable(k):
    r = ''.join(f'<ROW><ENT I="01">COUNTRY {i // 7}</ENT><ENT>Entity {i}, {words(6)}.</ENT><ENT>For all items subject to the EAR.</ENT>'
                f'<ENT>Presumption of denial.</ENT><ENT>76 FR {71869 + i}, 11/21/11.</ENT></ROW>\n' for i in range(k))
    return ('<GPOTABLE CDEF="s50,r50,r50,r50,r50" COLS="5" OPTS="L2"><BOXHD><CHED H="1">Country</CHED><CHED H="1">Entity</CHED>'
            '<CHED H="1">License requirement</CHED><CHED H="1">License review policy</CHED><CHED H="1">Federal Register citation</CHED></BOXHD>\n' + r + '</GPOTABLE>\n')

def ecfr(body): return ECFR_HEAD + body + ECFR_TAIL
def annual(body): return ANNUAL_HEAD + body + ANNUAL_TAIL

FR_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<FEDREG><VOL>90</VOL><NO>9</NO><DATE>Wednesday, January 15, 2025</DATE><RULES><RULE><PREAMB>'
           '<AGENCY TYPE="N">DEPARTMENT OF COMMERCE</AGENCY><CFR>15 CFR Part 774</CFR><SUBJECT>Wide rule</SUBJECT><ACT><HD SOURCE="HED">ACTION:</HD>'
           '<P>Final rule.</P></ACT><EFFDATE><HD SOURCE="HED">DATES:</HD><P>Effective January 13, 2025.</P></EFFDATE></PREAMB><SUPLINF><PRTPAGE P="4545"/>\n')
FR_TAIL = '</SUPLINF><FRDOC>[FR Doc. 2025-99999 Filed 1-13-25; 8:45 am]</FRDOC></RULE></RULES></FEDREG>\n'

FMX_BIB = ('<BIB.INSTANCE><DOCUMENT.REF FILE="L_202499999EN.doc.fmx.xml"><COLL>L</COLL><NO.DOC FORMAT="YN" TYPE="OJ"><YEAR>2024</YEAR>'
           '<NO.CURRENT>9999</NO.CURRENT></NO.DOC></DOCUMENT.REF><DATE ISO="20240712">20240712</DATE></BIB.INSTANCE>')
def fmx_act(terms):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<ACT>' + FMX_BIB + '<TITLE><TI><P>Regulation (EU) 2024/9999 of the Council</P>'
            '<P>on wide things</P></TI></TITLE><ENACTING.TERMS>' + terms + '</ENACTING.TERMS></ACT>\n')
def fmx_items(k, depth=0):
    return '<LIST TYPE="alpha">' + ''.join(f'<ITEM><NP><NO.P>({letters(i)})</NO.P><TXT>{words()};</TXT></NP></ITEM>' for i in range(k)) + '</LIST>'
def fmx_annex(contents, title="ANNEX I"):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<ANNEX>' + FMX_BIB + f'<TITLE><TI><P>{title}</P></TI><STI><P>Wide annex</P></STI></TITLE>'
            '<CONTENTS>' + contents + '</CONTENTS></ANNEX>\n')

AKN_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="wide">'
            '<meta><identification source="#ecca"><FRBRWork><FRBRthis value="/akn/eu/act/2025/1/main"/><FRBRuri value="/akn/eu/act/2025/1"/>'
            '<FRBRdate date="2025-01-01" name="adoption"/><FRBRauthor href="#eu"/><FRBRcountry value="eu"/></FRBRWork></identification></meta><body>\n')
AKN_TAIL = '</body></act></akomaNtoso>\n'

LRML_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<lrml:LegalRuleML xmlns:lrml="http://docs.oasis-open.org/legalruleml/ns/v1.0/" xmlns:ruleml="http://ruleml.org/spec">'
             '<lrml:Prefix pre="GDPR" refID="/akn/eu/act/regulation/2018-05-25/eng@2018-05-25/!main#"/>\n')
def lrml_statement(key):
    return (f'<lrml:PrescriptiveStatement key="{key}"><ruleml:Rule strength="defeasible"><ruleml:if><ruleml:Atom><ruleml:Rel>{words(3)}</ruleml:Rel></ruleml:Atom></ruleml:if>'
            f'<ruleml:then><lrml:Obligation><ruleml:Atom><ruleml:Rel>{words(4)}</ruleml:Rel></ruleml:Atom></lrml:Obligation></ruleml:then></ruleml:Rule></lrml:PrescriptiveStatement>\n')

def write(path, text):
    with open(path, "w", encoding="utf-8") as f: f.write(text)

# Each shape: one unit with n wide children.
if shape == "ecfr-paragraphs":      # a section: (a) then (1)…(n)
    write(out, ecfr(ecfr_section('<P>(a) Lead-in:</P>\n' + ''.join(f'<P>({i + 1}) {words()}.</P>\n' for i in range(n)))))
elif shape == "ecfr-letters":       # a section of n top-level paragraphs (a)…(zz…)
    write(out, ecfr(ecfr_section(''.join(f'<P>({letters(i)}) {words()}.</P>\n' for i in range(n)))))
elif shape == "ecfr-definitions":   # a definitions section of n terms
    write(out, ecfr(ecfr_section('<P>As used in this part:</P>\n' + ''.join(f'<P><I>Term {i}</I> means {words()}.</P>\n' for i in range(n)), "772.1", "Definitions of terms as used in the EAR.")))
elif shape == "ecfr-table":         # a section holding a table of n rows
    rows = ''.join(f'<TR><TD class="left">Row {i}</TD><TD class="center">X</TD><TD class="center">{words(4)}</TD></TR>\n' for i in range(n))
    write(out, ecfr(ecfr_section('<P>(a) The table:</P>\n<DIV><TABLE border="1" class="gpo_table"><THEAD><TR><TH>Country</TH><TH>CB 1</TH><TH>Note</TH></TR></THEAD><TBODY>\n' + rows + '</TBODY></TABLE></DIV>\n')))
    pass
elif shape == "ecfr-footnotes":     # a section of n paragraphs, each with a footnote
    body = ''.join(f'<P>({i + 1}) {words()}<SU>{i + 1}</SU>\n<FTREF/> {words(3)}.</P>\n<FTNT><P><SU>{i + 1}</SU> See note {i}.</P></FTNT>\n' for i in range(n))
    write(out, ecfr(ecfr_section('<P>(a) Lead-in:</P>\n' + body)))
elif shape == "ecfr-ccl":           # the CCL supplement with n ECCN entries
    entries = ''.join(f'<FP-2><B>{i // 1000}A{i % 1000:03d} Equipment number {i}, as follows.</B></FP-2>\n<FP-1><E T="04">License Requirements</E></FP-1>\n'
                      f'<FP-1><I>Reason for Control:</I> NS, AT</FP-1>\n<HD1>List of Items Controlled</HD1>\n<FP><I>Items:</I> a. {words()}.</FP>\n' for i in range(n))
    write(out, ecfr('<DIV9 N="Supplement No. 1 to Part 774" NODE="15:2.1.3.4.27.0.1.3.31" TYPE="APPENDIX"><HEAD>Supplement No. 1 to Part 774—The Commerce Control List</HEAD>\n'
                    '<HD1>Category 0—Nuclear Materials</HD1>\n<HD1>A. “End Items”</HD1>\n' + entries + '</DIV9>\n'))
elif shape == "ecfr-entitylist":    # the Entity List supplement: a table of n rows
    write(out, ecfr('<DIV9 N="Supplement No. 4 to Part 744" NODE="15:2.1.3.4.28.0.1.3.4" TYPE="APPENDIX"><HEAD>Supplement No. 4 to Part 744—Entity List</HEAD>\n'
                    '<P>This Supplement lists certain entities.</P>\n' + rows_gpotable(n) + '</DIV9>\n'))
elif shape == "ecfr-join":          # n versioner sections, joined
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        write(f"{out}/versioner-title-15-section-774.{i + 1}.xml",
              f'<?xml version="1.0" encoding="UTF-8"?>\n<DIV8 N="774.{i + 1}" TYPE="SECTION" hierarchy_metadata="{{&quot;path&quot;:&quot;/on/2025-01-16/title-15/section-774.{i + 1}&quot;,&quot;citation&quot;:&quot;15 CFR 774.{i + 1}&quot;}}">'
              f'<HEAD>§ 774.{i + 1} Section {i + 1}.</HEAD>\n<P>(a) {words()}.</P>\n<P>(b) {words()}.</P>\n</DIV8>\n')
elif shape == "annual-paragraphs":  # an annual section: (a) then (1)…(n)
    write(out, annual('<SECTION><SECTNO>§ 744.1</SECTNO><SUBJECT>General provisions.</SUBJECT>\n<P>(a) Lead-in:</P>\n'
                      + ''.join(f'<P>({i + 1}) {words()}.</P>\n' for i in range(n)) + '</SECTION>\n'))
elif shape == "annual-table":       # an annual supplement: a table of n rows
    write(out, annual('<APPENDIX><EAR>Pt. 744, Supp. 4</EAR><HD SOURCE="HED">Supplement No. 4 to Part 744—Entity List</HD>\n<P>This Supplement lists certain entities.</P>\n'
                      + rows_gpotable(n) + '</APPENDIX>\n'))
elif shape == "fr-amdpar":          # a rule of n amendatory instructions in one REGTEXT
    write(out, FR_HEAD + '<REGTEXT TITLE="15" PART="774">\n' + ''.join(
        f'<AMDPAR>{i + 1}. In § 774.{i + 1}, revise paragraph (b) to read as follows:</AMDPAR>\n<SECTION><SECTNO>§ 774.{i + 1}</SECTNO><SUBJECT>Section {i + 1}.</SUBJECT>'
        f'<STARS/><P>(b) {words()}.</P><STARS/></SECTION>\n' for i in range(n)) + '</REGTEXT>' + FR_TAIL)
elif shape == "fr-regtext":         # a rule of n REGTEXTs of one instruction each
    write(out, FR_HEAD + ''.join(f'<REGTEXT TITLE="15" PART="{700 + i % 99}"><AMDPAR>{i + 1}. In § {700 + i % 99}.{i + 1}, remove paragraph (c).</AMDPAR></REGTEXT>\n' for i in range(n)) + FR_TAIL)
elif shape == "fr-steps":           # one instruction of n lettered steps
    write(out, FR_HEAD + '<REGTEXT TITLE="15" PART="774"><AMDPAR>1. Amend supplement no. 1 to part 774, Category 4, by:</AMDPAR>\n'
          + ''.join(f'<AMDPAR>{letters(i)}. Revising ECCN 4A{i % 1000:03d};</AMDPAR>\n' for i in range(n)) + '</REGTEXT>' + FR_TAIL)
elif shape == "formex-paragraphs":  # an article of n numbered paragraphs
    write(out, fmx_act('<ARTICLE IDENTIFIER="001"><TI.ART>Article 1</TI.ART>' + ''.join(
        f'<PARAG IDENTIFIER="001.{i + 1:03d}"><NO.PARAG>{i + 1}.</NO.PARAG><ALINEA>{words()}.</ALINEA></PARAG>' for i in range(n)) + '</ARTICLE>'))
elif shape == "formex-alineas":     # an article of n unnumbered paragraphs (ALINEA)
    write(out, fmx_act('<ARTICLE IDENTIFIER="001"><TI.ART>Article 1</TI.ART>' + ''.join(f'<ALINEA>{words()}.</ALINEA>' for i in range(n)) + '</ARTICLE>'))
elif shape == "formex-points":      # an article whose one paragraph lists n points
    write(out, fmx_act('<ARTICLE IDENTIFIER="001"><TI.ART>Article 1</TI.ART><ALINEA><P>The following:</P>' + fmx_items(n) + '</ALINEA></ARTICLE>'))
elif shape == "formex-notes":       # an article with n footnotes
    write(out, fmx_act('<ARTICLE IDENTIFIER="001"><TI.ART>Article 1</TI.ART><ALINEA>' + ''.join(
        f'{words(4)}<NOTE NOTE.ID="E{i:05d}" NUMBERING="ARAB"><P>Note {i}.</P></NOTE> ' for i in range(n)) + '</ALINEA></ARTICLE>'))
elif shape == "formex-quoted":      # an amending article of n quoted passages
    write(out, fmx_act('<ARTICLE IDENTIFIER="001"><TI.ART>Article 1</TI.ART><ALINEA><P>Regulation (EU) 2024/1689 is amended as follows:</P><LIST TYPE="ARAB">' + ''.join(
        f'<ITEM><NP><NO.P>({i + 1})</NO.P><TXT>in Article {i + 1}, point (c) is replaced by the following:</TXT><P><QUOT.S LEVEL="1"><P>{words()}</P></QUOT.S>;</P></NP></ITEM>' for i in range(n))
        + '</LIST></ALINEA></ARTICLE>'))
elif shape == "formex-annex-points":  # an annex of n points, in a numbered section (so each has a locator)
    write(out, fmx_annex('<GR.SEQ LEVEL="1"><TITLE><TI><P>Section 1</P></TI><STI><P>Points</P></STI></TITLE>' + fmx_items(n) + '</GR.SEQ>'))
elif shape == "formex-annex-rows":  # an annex table of n rows (as /tmp/s14/cn/gen_cn.py)
    write(out, fmx_annex('<TBL COLS="2" NO.SEQ="0001"><CORPUS>' + ''.join(
        f'<ROW><CELL COL="1"><P>{1000 + i}</P></CELL><CELL COL="2"><P>{words(5)}</P></CELL></ROW>' for i in range(n)) + '</CORPUS></TBL>'))
elif shape == "formex-manifest":    # a manifest of n annexes
    os.makedirs(out, exist_ok=True)
    annexes = ''
    for i in range(n):
        name = f"L_202499999EN.{i + 2:04d}01.fmx.xml"
        write(f"{out}/{name}", fmx_annex(f'<P>{words()}.</P>', title=f"ANNEX {i + 1}"))
        annexes += f'<DOC.SUB.PUB NO.SEQ="0001.{i + 1:04d}" TYPE="ANNEX"><REF.PHYS FILE="{name}" TYPE="DOC.XML"/></DOC.SUB.PUB>'
    write(f"{out}/L_202499999EN.000101.fmx.xml", fmx_act('<ARTICLE IDENTIFIER="001"><TI.ART>Article 1</TI.ART><ALINEA>Annexes apply.</ALINEA></ARTICLE>'))
    write(f"{out}/L_202499999EN.doc.fmx.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<DOC><BIB.DOC><NO.DOC FORMAT="YN" TYPE="OJ"><YEAR>2024</YEAR><NO.CURRENT>9999</NO.CURRENT></NO.DOC></BIB.DOC>'
          '<PUBLICATION.REF FILE="L_202499999EN.toc.fmx.xml"><COLL>L</COLL><DATE ISO="20240712">20240712</DATE></PUBLICATION.REF>'
          + '<FMX><DOC.MAIN.PUB NO.SEQ="0001"><REF.PHYS FILE="L_202499999EN.000101.fmx.xml" TYPE="DOC.XML"/></DOC.MAIN.PUB>' + annexes + '</FMX></DOC>\n')
elif shape == "akn-paragraphs":     # an article of n paragraphs
    write(out, AKN_HEAD + '<article eId="art_1"><num>Article 1</num>' + ''.join(
        f'<paragraph eId="art_1__para_{i + 1}"><num>{i + 1}.</num><content><p>{words()}.</p></content></paragraph>' for i in range(n)) + '</article>' + AKN_TAIL)
elif shape == "akn-points":         # a paragraph listing n points
    write(out, AKN_HEAD + '<article eId="art_1"><num>Article 1</num><paragraph eId="art_1__para_1"><num>1.</num><list eId="art_1__para_1__list_1">'
          '<intro><p>The following:</p></intro>' + ''.join(
        f'<point eId="art_1__para_1__list_1__point_{letters(i)}"><num>({letters(i)})</num><content><p>{words()};</p></content></point>' for i in range(n))
          + '</list></paragraph></article>' + AKN_TAIL)
elif shape == "akn-noids":          # a paragraph listing n points without eIds (ids made by ecca)
    write(out, AKN_HEAD + '<article><num>Article 1</num><paragraph><num>1.</num><list><intro><p>The following:</p></intro>' + ''.join(
        f'<point><num>({letters(i)})</num><content><p>{words()};</p></content></point>' for i in range(n)) + '</list></paragraph></article>' + AKN_TAIL)
elif shape == "akn-deep":           # nesting n levels deep (n ≤ 250)
    inner = f'<content><p>{words()}.</p></content>'
    for i in range(n): inner = f'<point><num>({i + 1})</num>{inner if i == 0 else "<list>" + inner + "</list>"}</point>'
    write(out, AKN_HEAD + '<article><num>Article 1</num><paragraph><num>1.</num><list>' + inner + '</list></paragraph></article>' + AKN_TAIL)
elif shape == "lrml-statements":    # a group of n statements
    write(out, LRML_HEAD + '<lrml:Statements key="wide">\n' + ''.join(lrml_statement(f"s{i}") for i in range(n)) + '</lrml:Statements></lrml:LegalRuleML>\n')
elif shape == "lrml-associations":  # n groups, each cited by an association after them
    refs = ''.join(f'<lrml:LegalReference refersTo="r{i}" refID="GDPR:art_{i + 1}"/>' for i in range(n))
    groups = ''.join(f'<lrml:Statements key="g{i}">' + lrml_statement(f"s{i}") + '</lrml:Statements>\n' for i in range(n))
    assoc = ''.join(f'<lrml:Association><lrml:appliesSource keyref="#r{i}"/><lrml:toTarget keyref="#g{i}"/></lrml:Association>' for i in range(n))
    write(out, LRML_HEAD + '<lrml:LegalReferences>' + refs + '</lrml:LegalReferences>\n' + groups
          + '<lrml:Context key="ctx"><lrml:Associations>' + assoc + '</lrml:Associations></lrml:Context></lrml:LegalRuleML>\n')
else:
    sys.exit(f"unknown shape {shape}")
PY

# input SHAPE K: the path to give ecca (a file, a manifest, or the files of a folder joined).
input() {
    local shape="$1" k="$2" path="$WORK/$1-$2"
    case "$shape" in
        ecfr-join) python3 "$WORK/gen.py" "$shape" "$k" "$path"; ls "$path"/*.xml ;;
        formex-manifest) python3 "$WORK/gen.py" "$shape" "$k" "$path"; echo "$path/L_202499999EN.doc.fmx.xml" ;;
        *) python3 "$WORK/gen.py" "$shape" "$k" "$path.xml"; echo "$path.xml" ;;
    esac
}

# timed OUT COMMAND...: runs it, prints "SECONDS PEAK_KB" (the command's output kept beside OUT).
timed() {
    local out="$1"; shift
    /usr/bin/time -f "%e %M" -o "$out.time" "$@" > "$out.stdout" 2> "$out.stderr" || true
    tail -1 "$out.time"
}

row() {
    local what="$1" a="$2" b="$3"
    local ta ma tb mb
    read -r ta ma <<< "$a"; read -r tb mb <<< "$b"
    printf '%-22s %6.2f s %5d MB   %6.2f s %5d MB   %5.2f\n' "$what" "$ta" $((ma / 1024)) "$tb" $((mb / 1024)) \
        "$(python3 -c "print(max($tb, 0.01) / max($ta, 0.01))")"
}

echo "ecca: $ECCA"
printf '%-22s %-20s %-20s %s\n' "import (unit of N)" "N = $N" "2N = $((2 * N))" "ratio"
for shape in ecfr-paragraphs ecfr-definitions ecfr-table ecfr-footnotes ecfr-ccl ecfr-entitylist ecfr-join \
             annual-paragraphs annual-table fr-amdpar fr-regtext formex-paragraphs formex-alineas formex-points \
             formex-notes formex-quoted formex-annex-points formex-annex-rows formex-manifest akn-paragraphs \
             akn-points akn-noids lrml-statements lrml-associations; do
    results=()
    for k in "$N" $((2 * N)); do
        # shellcheck disable=SC2046
        results+=("$(timed "$WORK/$shape-$k.import" "$ECCA" import $(input "$shape" "$k") -o "$WORK/$shape-$k.rules.xml")")
    done
    row "$shape" "${results[0]}" "${results[1]}"
done

# cite-check: the import of a wide unit is its own regulations folder, so the provisions checked
# and the unit's children grow together.
printf '\n%-22s %-20s %-20s %s\n' "cite-check" "N = $CITE_N" "2N = $((2 * CITE_N))" "ratio"
for shape in ecfr-paragraphs fr-amdpar formex-points formex-annex-points akn-points; do
    results=()
    for k in "$CITE_N" $((2 * CITE_N)); do
        file="$(input "$shape" "$k")"
        regulations="$WORK/$shape-$k.regulations"
        mkdir -p "$regulations"
        ln -s "$ROOT/Regulations/schema" "$regulations/schema"
        "$ECCA" import "$file" -o "$regulations/imported.xml" > /dev/null 2>&1
        results+=("$(timed "$WORK/$shape-$k.cite" "$ECCA" cite-check --official "$file" --regulations "$regulations" --as-of 2026-01-01)")
    done
    row "$shape" "${results[0]}" "${results[1]}"
done
