import ArgumentParser
import EccaXML

/// How large one unit read whole (a section, an article, an annex, a rule) may be, for `import` and
/// `cite-check`. The standard limit bounds memory far above every real unit seen; these raise it
/// for an official text that is larger still (an annex of a thousand pages of tables), or lower it.
struct UnitLimitOptions: ParsableArguments {
    @Option(name: .customLong("max-unit-nodes"),
            help: ArgumentHelp("The most nodes (elements, attributes, runs of text) one unit may hold; memory grows by some hundreds of bytes per node.", valueName: "n"))
    var nodes: Int = XMLUnitLimit.standard.nodes

    @Option(name: .customLong("max-unit-mib"),
            help: ArgumentHelp("The most text and attribute values one unit may hold, in MiB.", valueName: "mib"))
    var mebibytes: Int = XMLUnitLimit.standard.bytes >> 20

    var limit: XMLUnitLimit { XMLUnitLimit(nodes: nodes, bytes: mebibytes << 20) }

    func validate() throws {
        // Past 2^40 nodes or MiB the limit means nothing (and the shift would overflow).
        let most = 1 << 40
        if !(1...most).contains(nodes) { throw ValidationError("--max-unit-nodes must be a whole number from 1 to \(most), not \(nodes)") }
        if !(1...most).contains(mebibytes) { throw ValidationError("--max-unit-mib must be a whole number from 1 to \(most), not \(mebibytes)") }
    }
}
