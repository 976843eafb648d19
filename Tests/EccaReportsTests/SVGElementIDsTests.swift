@testable import EccaReports
import Testing

/// Each embedded picture's ids get its request's prefix, so two pictures in one report never
/// share an id, and references inside a picture still find their target.
@Suite struct SVGElementIDsTests {
    @Test func idsAndTheReferencesToThemArePrefixedAndTextIsNot() {
        let svg = """
            <svg width="62pt" viewBox="0 0 62 44" xmlns="http://www.w3.org/2000/svg">
            <g id="graph0" class="graph">
            <defs><linearGradient id='l_1'><stop offset="0"/></linearGradient></defs>
            <g id="node1" class="node" data-id="kept"><title>id=&quot;x&quot; url(#x)</title>
            <path fill="url(#l_1)" style="stroke:url(#l_1)" d="M0,0"/><text x="1">a &gt; b id="node1"</text></g>
            </g>
            </svg>
            """
        #expect(SVGElementIDs.prefixed(svg, with: "request-2-graph-") == """
            <svg width="62pt" viewBox="0 0 62 44" xmlns="http://www.w3.org/2000/svg">
            <g id="request-2-graph-graph0" class="graph">
            <defs><linearGradient id='request-2-graph-l_1'><stop offset="0"/></linearGradient></defs>
            <g id="request-2-graph-node1" class="node" data-id="kept"><title>id=&quot;x&quot; url(#x)</title>
            <path fill="url(#request-2-graph-l_1)" style="stroke:url(#request-2-graph-l_1)" d="M0,0"/><text x="1">a &gt; b id="node1"</text></g>
            </g>
            </svg>
            """)
    }

    @Test func aQuotedGreaterThanSignDoesNotEndATag() {
        #expect(SVGElementIDs.prefixed(#"<g class="a>b" id="n1">x</g>"#, with: "p-") == #"<g class="a>b" id="p-n1">x</g>"#)
    }
}
