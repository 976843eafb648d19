#!/usr/bin/env bash
# Import benchmark (issue 7): generates an eCFR-shaped file of at least 100 MB (GovInfo bulk
# dialect: DLPSTEXTCLASS, DIV1…DIV8, flat <P> paragraphs with (a)/(1)/(i)/(A) markers, italic
# headings, definitions, CITA notes), builds ecca in release mode, and in the same run times
# `ecca import` and `xmllint --stream --noout` on that file. Prints the ratio (target: ecca within
# 1.25× of xmllint), ecca's peak resident memory, and two floors to read the ratio by: libxml2's
# SAX2 parse with empty callbacks (a C program, when a C compiler is there) and copying a file the
# size of ecca's output.
#
# Usage: Benchmarks/import-bench.sh [SIZE_MB] [RUNS]   (defaults: 110 MB, 3 runs each, best kept)
set -euo pipefail

SIZE_MB="${1:-110}"
RUNS="${2:-3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ecca-import-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

need() {
    local command="$1" package="$2"
    if ! command -v "$command" >/dev/null 2>&1 && [ ! -x "$command" ]; then
        echo "installing $package (for $command)" >&2
        if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq "$package" >/dev/null
        else sudo apt-get update -qq && sudo apt-get install -y -qq "$package" >/dev/null; fi
    fi
}
need xmllint libxml2-utils
need /usr/bin/time time
need python3 python3

INPUT="$WORK/ECFR-title99-bench.xml"
echo "== generating an eCFR-shaped file of ${SIZE_MB} MB in $WORK"
python3 - "$INPUT" "$SIZE_MB" <<'PY'
import random, sys
path, size_mb = sys.argv[1], int(sys.argv[2])
target = size_mb * 1024 * 1024
random.seed(7)
words = ("the exporter shall ensure that any technology or software subject to the regulations is not released "
         "to a foreign person without a license except as provided in this part and that records of each export "
         "reexport or transfer are kept for five years from the date of the transaction by the person who "
         "undertakes the activity including where the item is classified under an entry on the control list").split()
def sentence(n):
    return " ".join(random.choice(words) for _ in range(n)).capitalize() + "."
def text(lo, hi):
    return " ".join(sentence(random.randint(8, 22)) for _ in range(random.randint(lo, hi)))
letters = "abcdefghijklmnopqrstuvwxyz"
romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"]
out = open(path, "w", encoding="utf-8")
out.write('<?xml version="1.0" encoding="UTF-8" ?>\n<DLPSTEXTCLASS>\n<HEADER>\n<FILEDESC>\n<TITLESTMT>\n<TITLE>Title 99: Benchmark Regulations</TITLE>\n'
          '</TITLESTMT>\n<PUBLICATIONSTMT>\n<IDNO TYPE="title">99</IDNO>\n</PUBLICATIONSTMT>\n</FILEDESC>\n</HEADER>\n<TEXT>\n<BODY>\n<ECFRBRWS>\n'
          '<AMDDATE>Jan. 2, 2025</AMDDATE>\n<DIV1 N="99" NODE="99:1" TYPE="TITLE">\n<HEAD>Title 99—Benchmark Regulations</HEAD>\n'
          '<DIV3 N="VII" NODE="99:1.0.1" TYPE="CHAPTER">\n<HEAD>CHAPTER VII—BENCHMARK BUREAU</HEAD>\n')
written, part, section = 0, 700, 0
while written < target:
    part += 1
    chunk = [f'<DIV5 N="{part}" NODE="99:1.0.1.{part}" TYPE="PART">\n<HEAD>PART {part}—GENERAL PROVISIONS {part}</HEAD>\n'
             f'<AUTH>\n<HED>Authority:</HED><PSPACE>50 U.S.C. 4801-4852; E.O. 13222.</PSPACE></AUTH>\n']
    for subpart in range(1, 4):
        chunk.append(f'<DIV6 N="{letters[subpart-1].upper()}" NODE="99:1.0.1.{part}.{subpart}" TYPE="SUBPART">\n<HEAD>Subpart {letters[subpart-1].upper()}—Scope</HEAD>\n')
        for number in range(1, 13):
            section += 1
            n = f"{part}.{subpart * 100 + number}"
            chunk.append(f'<DIV8 N="§ {n}" NODE="99:1.0.1.{part}.{subpart}.0.{number}" TYPE="SECTION">\n<HEAD>§ {n}   {sentence(5)[:-1]}.</HEAD>\n')
            if section % 9 == 0:
                chunk.append(f'<P>As used in this section:</P>\n')
                for term in range(random.randint(2, 5)):
                    chunk.append(f'<P><I>{sentence(2)[:-1]}</I> means {text(1, 3)}</P>\n')
            top = random.randint(2, 9)
            for a in range(top):
                heading = f' <I>{sentence(3)[:-1]}.</I>' if random.random() < 0.6 else ''
                kids = random.randint(0, 4) if random.random() < 0.5 else 0
                if kids and heading and random.random() < 0.3:
                    chunk.append(f'<P>({letters[a]}){heading}—(1) <I>{sentence(2)[:-1]}.</I> {text(1, 4)}</P>\n')
                    start = 2
                else:
                    chunk.append(f'<P>({letters[a]}){heading} {text(1, 5)}</P>\n')
                    start = 1
                for k in range(start, kids + 1):
                    grandkids = random.randint(2, 4) if random.random() < 0.3 else 0
                    if grandkids and random.random() < 0.4:
                        chunk.append(f'<P>({k})(i) {text(1, 3)}</P>\n')
                        first = 1
                    else:
                        chunk.append(f'<P>({k}) {text(1, 4)}</P>\n')
                        first = 0
                    for r in range(first, grandkids):
                        chunk.append(f'<P>({romans[r]}) {text(1, 3)}</P>\n')
                        if r == 0 and random.random() < 0.2:
                            chunk.append(f'<P>(A) {text(1, 2)}</P>\n<P>(B) {text(1, 2)}</P>\n')
            if section % 7 == 0:
                chunk.append(f'<EXTRACT>\n<FP>{text(1, 2)}</FP>\n</EXTRACT>\n')
            chunk.append(f'<CITA TYPE="N">[85 FR {1000 + section}, Jan. {1 + section % 28}, 2020, as amended at 90 FR {2000 + section}, Jan. 15, 2025]\n</CITA>\n</DIV8>\n')
        chunk.append('</DIV6>\n')
    chunk.append('</DIV5>\n')
    data = "".join(chunk)
    out.write(data)
    written += len(data.encode("utf-8"))
out.write('</DIV3>\n</DIV1>\n</ECFRBRWS>\n</BODY>\n</TEXT>\n</DLPSTEXTCLASS>\n')
out.close()
PY
BYTES=$(stat -c %s "$INPUT")
echo "   $(awk "BEGIN { printf \"%.1f\", $BYTES / 1048576 }") MB, $(grep -c '<DIV8 ' "$INPUT") sections, $(grep -c '<P>' "$INPUT") paragraphs"

echo "== building ecca (release)"
(cd "$ROOT" && swift build -c release --scratch-path .build-release --product ecca 2>&1 | tail -1)
ECCA="$ROOT/.build-release/release/ecca"

# One timed run: prints "seconds max-rss-kB". Dirty pages of earlier runs are written back first,
# so that their writeback does not land in this run's time (the output is hundreds of MB).
measure() {
    local log="$WORK/time.log"
    sync
    /usr/bin/time -v "$@" >/dev/null 2>"$log" || { cat "$log" >&2; exit 1; }
    local elapsed rss
    elapsed=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$log")
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")
    echo "$elapsed $rss"
}

echo "== timing, $RUNS runs each, alternating (best run kept; the machine is shared)"
best_xmllint=""; best_ecca=""; ecca_rss=0; xmllint_rss=0
for run in $(seq 1 "$RUNS"); do
    read -r t r < <(measure xmllint --stream --noout "$INPUT")
    echo "   run $run: xmllint --stream --noout   ${t}s  peak RSS $((r / 1024)) MB"
    if [ -z "$best_xmllint" ] || awk "BEGIN { exit !($t < $best_xmllint) }"; then best_xmllint=$t; fi
    [ "$r" -gt "$xmllint_rss" ] && xmllint_rss=$r
    rm -f "$WORK/out.rules.xml"
    read -r t r < <(measure "$ECCA" import "$INPUT" -o "$WORK/out.rules.xml")
    echo "   run $run: ecca import                ${t}s  peak RSS $((r / 1024)) MB"
    if [ -z "$best_ecca" ] || awk "BEGIN { exit !($t < $best_ecca) }"; then best_ecca=$t; fi
    [ "$r" -gt "$ecca_rss" ] && ecca_rss=$r
done

"$ECCA" import "$INPUT" -o "$WORK/out.rules.xml" >"$WORK/summary.txt" 2>/dev/null

# Floors, for reading the ratio: libxml2's SAX2 push parser with empty callbacks (what any reader
# built on libxml2 pays before doing anything), and copying a file the size of ecca's output.
sax_floor=""
if command -v cc >/dev/null 2>&1 && command -v xml2-config >/dev/null 2>&1; then
    cat >"$WORK/sax-floor.c" <<'C'
#include <libxml/parser.h>
#include <stdio.h>
#include <string.h>
static long elements = 0;
static void start(void *c, const xmlChar *l, const xmlChar *p, const xmlChar *u, int nn, const xmlChar **ns,
                  int na, int nd, const xmlChar **a) { elements++; }
static void text(void *c, const xmlChar *t, int n) {}
int main(int argc, char **argv) {
    xmlSAXHandler h; memset(&h, 0, sizeof h);
    h.initialized = XML_SAX2_MAGIC; h.startElementNs = start; h.characters = text;
    FILE *f = fopen(argv[1], "rb"); char buffer[1 << 16]; size_t n;
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&h, NULL, NULL, 0, argv[1]);
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET);
    while ((n = fread(buffer, 1, sizeof buffer, f)) > 0) xmlParseChunk(ctxt, buffer, (int)n, 0);
    xmlParseChunk(ctxt, NULL, 0, 1);
    return ctxt->wellFormed ? 0 : 1;
}
C
    if cc -O2 "$WORK/sax-floor.c" -o "$WORK/sax-floor" $(xml2-config --cflags --libs) 2>/dev/null; then
        for run in $(seq 1 "$RUNS"); do
            read -r t r < <(measure "$WORK/sax-floor" "$INPUT")
            if [ -z "$sax_floor" ] || awk "BEGIN { exit !($t < $sax_floor) }"; then sax_floor=$t; fi
        done
    fi
fi
copy_floor=""
for run in $(seq 1 "$RUNS"); do
    rm -f "$WORK/copy.xml"
    read -r t r < <(measure cp "$WORK/out.rules.xml" "$WORK/copy.xml")
    if [ -z "$copy_floor" ] || awk "BEGIN { exit !($t < $copy_floor) }"; then copy_floor=$t; fi
done
rm -f "$WORK/copy.xml"
head -3 "$WORK/summary.txt" | cut -c1-160 | sed 's/^/   /'
OUT_BYTES=$(stat -c %s "$WORK/out.rules.xml")
RATIO=$(awk "BEGIN { printf \"%.2f\", $best_ecca / $best_xmllint }")
echo "== result"
echo "   input:            $(awk "BEGIN { printf \"%.1f\", $BYTES / 1048576 }") MB eCFR-shaped XML; output $(awk "BEGIN { printf \"%.1f\", $OUT_BYTES / 1048576 }") MB rules XML"
echo "   xmllint --stream: ${best_xmllint}s ($(awk "BEGIN { printf \"%.0f\", $BYTES / 1048576 / $best_xmllint }") MB/s), peak RSS $((xmllint_rss / 1024)) MB"
echo "   ecca import:      ${best_ecca}s ($(awk "BEGIN { printf \"%.0f\", $BYTES / 1048576 / $best_ecca }") MB/s), peak RSS $((ecca_rss / 1024)) MB"
echo "   ratio ecca/xmllint: ${RATIO}x (target ≤ 1.25x)"
if [ -n "$sax_floor" ]; then
    echo "   floor: libxml2 SAX2 push parse with empty callbacks ${sax_floor}s ($(awk "BEGIN { printf \"%.2f\", $sax_floor / $best_xmllint }")x xmllint)"
fi
echo "   floor: copying a file the size of the output (cp) ${copy_floor}s ($(awk "BEGIN { printf \"%.2f\", $copy_floor / $best_xmllint }")x xmllint)"
