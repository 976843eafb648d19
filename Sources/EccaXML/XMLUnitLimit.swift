/// The largest unit an import holds in memory: an element read whole (a section, an article, an
/// annex, a rule, a statement group), in nodes (elements, attributes and runs of text) and in bytes
/// of text and attribute values. A unit is held at some hundreds of bytes per node, so this bounds
/// the import's memory; a unit past it is refused where it starts (`XMLRefusal.unitTooLarge`).
///
/// The standard limit is far above every real unit seen (the corpus's largest holds about 1,300
/// nodes, a 5 MB Commerce Control List supplement about 164,000), but an official text can be
/// larger than any seen: `ecca import --max-unit-nodes` raises it for one run, at the memory cost
/// it names.
public struct XMLUnitLimit: Sendable, Hashable {
    public var nodes: Int
    public var bytes: Int

    public init(nodes: Int, bytes: Int) {
        self.nodes = nodes
        self.bytes = bytes
    }

    /// 2,000,000 nodes and 64 MiB: a unit at the limit peaks at about 300 MB (QA, 2026-12-06).
    public static let standard = XMLUnitLimit(nodes: 2_000_000, bytes: 64 << 20)
}
