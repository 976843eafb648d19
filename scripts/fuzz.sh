#!/usr/bin/env bash
# Fuzzes ecca's readers of untrusted input and its condition evaluator with libFuzzer (issue 8).
#
# Usage: scripts/fuzz.sh [seconds-per-target] [target...]
#   targets: FuzzRulesReader FuzzRequestXML FuzzRequestJSON FuzzConditionEvaluator FuzzOfficialImport
#   (default: all)
#
# Builds Fuzz/ with -sanitize=fuzzer,address into .build-fuzz, seeds each target with a copy of
# Regulations/ and Samples/ in a temporary folder (FuzzOfficialImport: the official XML of
# ../shared/corpora/official-xml, or ECCA_OFFICIAL_CORPUS, where present, and small documents of
# each dialect written here), runs each for the given time (default 60 s),
# and prints the executions per target and any crash, hang or out-of-memory. Inputs that fail are
# kept in .build-fuzz/findings/ (replay one: ASAN_OPTIONS=detect_leaks=0 .build-fuzz/release/TARGET FILE).
# Exits 1 on a finding.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(FuzzRulesReader FuzzRequestXML FuzzRequestJSON FuzzConditionEvaluator FuzzOfficialImport)
fi

echo "fuzz: building Fuzz/ (-sanitize=fuzzer,address, release)"
build() {
  swift build --package-path Fuzz --scratch-path .build-fuzz -c release \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 | grep -vE "Cannot export local symbol" | tail -3
}
if ! build; then
  # SwiftPM's incremental build of Fuzz/ can miss a source file added to the main package (a
  # path dependency): "has no member" for code that is there. Build once more from clean,
  # keeping the findings.
  echo "fuzz: the incremental build failed; building again from clean" >&2
  find .build-fuzz -mindepth 1 -maxdepth 1 ! -name findings -exec rm -rf {} +
  build
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
findings=.build-fuzz/findings
mkdir -p "$findings"

# One small document per dialect, so that the importer target has seeds of every kind even
# without the corpus (a copy of no official text: numbering and wording made up here).
official_seeds() {
  local corpus=$1
  cat >"$corpus/seed-ecfr.xml" <<'XML'
<DIV5 N="774" TYPE="PART"><HEAD>PART 774—THE COMMERCE CONTROL LIST</HEAD>
<DIV8 N="774.1" TYPE="SECTION"><HEAD>§ 774.1 Scope.</HEAD>
<P>(a) <I>Items.</I> First paragraph, with (1) a run-in level.</P><P>(2) Second.</P>
<P>(i) Roman or letter; (ii) then roman.</P><P>(b) Last, 2.5 × 10<SU>25</SU> operations.</P></DIV8>
<DIV9 N="Supplement No. 1 to Part 774" TYPE="APPENDIX"><HEAD>Supplement No. 1 to Part 774—The Commerce Control List</HEAD>
<HD1>Category 4—Computers</HD1><FP-2><B>4E091</B> “Parameters” for a model.</FP-2>
<NOTE><HED>Technical Notes:</HED><P>1. First note.</P><P>2. Second note.</P></NOTE>
<NOTE><HED>Notes:</HED><P>1. A note.</P><P>2. Another.</P><P>2.a. Its part.</P></NOTE></DIV9></DIV5>
XML
  cat >"$corpus/seed-cfr.xml" <<'XML'
<CFRDOC><PARTS><PART><HD SOURCE="HED">PART 1—GENERAL</HD><CONTENTS><SECTNO>1.1</SECTNO><SUBJECT>Definitions.</SUBJECT></CONTENTS>
<SECTION><SECTNO>§ 1.1</SECTNO><SUBJECT>Definitions.</SUBJECT><P>(a) <E T="03">Term</E> means a thing.</P><P>(1) One.</P></SECTION></PART></PARTS></CFRDOC>
XML
  cat >"$corpus/seed-fr.xml" <<'XML'
<RULE><PREAMB><AGENCY TYPE="S">DEPARTMENT OF COMMERCE</AGENCY><CFR>15 CFR Part 740</CFR><RIN>RIN 0694-AJ00</RIN><SUBJECT>A rule</SUBJECT><EFFDATE><HD SOURCE="HED">DATES:</HD><P>Effective January 15, 2025.</P></EFFDATE></PREAMB>
<REGTEXT TITLE="15" PART="740"><AMDPAR>1. Section 740.27 is added to read as follows:</AMDPAR><SECTION><SECTNO>§ 740.27</SECTNO><SUBJECT>Exception.</SUBJECT><P>(a) Text.</P><STARS/></SECTION>
<AMDPAR>2. Amend § 740.2 by revising paragraph (a)(1).</AMDPAR></REGTEXT></RULE>
XML
  cat >"$corpus/seed-formex.xml" <<'XML'
<ACT><BIB.INSTANCE><DOCUMENT.REF><NO.DOC FORMAT="ECR" TYPE="OJ"><NO.CURRENT>1689</NO.CURRENT></NO.DOC></DOCUMENT.REF><DATE ISO="20240712">20240712</DATE></BIB.INSTANCE>
<TITLE><TI><P>Regulation</P></TI></TITLE><ENACTING.TERMS><ARTICLE IDENTIFIER="051"><TI.ART>Article 51</TI.ART><STI.ART><P>Classification</P></STI.ART>
<PARAG IDENTIFIER="051.002"><NO.PARAG>2.</NO.PARAG><ALINEA>greater than 10<HT TYPE="SUP">25</HT>;<LIST TYPE="alpha"><ITEM><NP><NO.P>(a)</NO.P><TXT>a point</TXT></NP></ITEM></LIST></ALINEA></PARAG></ARTICLE>
<ARTICLE IDENTIFIER="102"><TI.ART>Article 102</TI.ART><ALINEA>Amended: <QUOT.S LEVEL="1"><P>not ours</P></QUOT.S></ALINEA></ARTICLE></ENACTING.TERMS></ACT>
XML
  cat >"$corpus/seed-akn.xml" <<'XML'
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><meta><identification source="#s"><FRBRWork><FRBRthis value="/akn/eu/act/2014/92"/><FRBRuri value="/akn/eu/act/2014/92"/><FRBRdate date="2014-07-23" name="adoption"/></FRBRWork></identification></meta>
<body><article eId="art_1"><num>Article 1</num><heading>Subject</heading><paragraph eId="art_1__para_1"><num>1.</num><content><p>Text.</p></content></paragraph></article></body></act></akomaNtoso>
XML
  cat >"$corpus/seed-lrml.xml" <<'XML'
<lrml:LegalRuleML xmlns:lrml="http://docs.oasis-open.org/legalruleml/ns/v1.0/" xmlns:ruleml="http://ruleml.org/spec">
<lrml:LegalReferences><lrml:LegalReference refersTo="r1" refID="art5"/></lrml:LegalReferences>
<lrml:Statements key="s"><lrml:PrescriptiveStatement key="p1"><ruleml:Rule closure="universal"><ruleml:if><ruleml:Atom><ruleml:Rel>a</ruleml:Rel></ruleml:Atom></ruleml:if>
<ruleml:then><lrml:Obligation><ruleml:Atom><ruleml:Rel>b</ruleml:Rel></ruleml:Atom></lrml:Obligation></ruleml:then></ruleml:Rule></lrml:PrescriptiveStatement></lrml:Statements></lrml:LegalRuleML>
XML
}

seed() {
  local target=$1 corpus=$2
  mkdir -p "$corpus"
  case $target in
    FuzzRulesReader) cp Regulations/*.xml Samples/instruments/*.xml "$corpus"/ ;;
    FuzzRequestXML) cp Samples/requests/*.xml "$corpus"/ ;;
    FuzzRequestJSON) cp Samples/requests/*.json "$corpus"/ ;;
    FuzzConditionEvaluator) cp Samples/requests/* "$corpus"/ ;;
    FuzzOfficialImport)
      local official=${ECCA_OFFICIAL_CORPUS:-../shared/corpora/official-xml}
      if [ -d "$official" ]; then
        # Only files within -max_len below: libFuzzer would cut a longer one short.
        find "$official" -type f \( -name '*.xml' -o -name '*.akn' \) -size -64k -exec cp {} "$corpus"/ \;
      fi
      official_seeds "$corpus" ;;
    *) echo "fuzz: unknown target $target" >&2; exit 2 ;;
  esac
}

# Swift's enums keep object pointers with tag bits set, which LeakSanitizer cannot follow: its
# reports are false positives here, so leak checking is off. Memory is bounded by -rss_limit_mb.
export ASAN_OPTIONS=detect_leaks=0
export ECCA_ROOT=$PWD
failed=0
printf "%-24s %12s %10s %8s  %s\n" target executions "exec/s" corpus result
for target in "${targets[@]}"; do
  corpus=$work/$target
  seed "$target" "$corpus"
  log=$work/$target.log
  set +e
  # Official files are large; mutating all of a title would make each run slow.
  limit=()
  [ "$target" = FuzzOfficialImport ] && limit=(-max_len=65536)
  .build-fuzz/release/"$target" ${limit[@]+"${limit[@]}"} -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$findings/$target-" "$corpus" >"$log" 2>&1
  status=$?
  set -e
  executions=$(awk '/stat::number_of_executed_units/ {print $2}' "$log" | tail -1)
  rate=$(awk '/stat::average_exec_per_sec/ {print $2}' "$log" | tail -1)
  units=$(find "$corpus" -type f | wc -l)
  if [ "$status" -eq 0 ]; then
    result="ok"
  else
    failed=1
    artifact=$(grep -oE "Test unit written to [^ ]+" "$log" | tail -1 | sed 's/Test unit written to //')
    result="FOUND (exit $status): ${artifact:-see log}"
  fi
  printf "%-24s %12s %10s %8s  %s\n" "$target" "${executions:-?}" "${rate:-?}" "$units" "$result"
  if [ "$status" -ne 0 ]; then
    cp "$log" "$findings/$target.log"
    grep -E "ERROR:|Fatal error|invariant broken|deadly signal|timeout|out-of-memory" "$log" | head -5 | sed 's/^/    /'
  fi
done
exit $failed
