import ClauseGraph
import EccaXML

/// A Formex package given whole (`ecca import L_202401689EN.*.fmx.xml`): its manifest (`DOC`)
/// brings the act and the annexes it lists, so those files given beside it are read through the
/// manifest, once; its Official Journal table of contents (`PUBLICATION`) holds no provisions.
/// Without this, a package given whole was imported twice (the act alone, then through its
/// manifest, as `eu.reg-2024-1689-2`), and its table of contents stopped the import.
struct FormexPackageFiles: Sendable {
    /// The root element of a Formex Official Journal table of contents.
    static let tableOfContentsRoot = "PUBLICATION"

    /// The files to read, in the order given.
    var files: [String] = []
    /// Each file given that a manifest also given lists, with that manifest and what the file is
    /// to it ("the act", "an annex").
    var readThrough: [String: (manifest: String, role: String)] = [:]
    /// The tables of contents given.
    var tablesOfContents: Set<String> = []
    /// One note for each table of contents, and one for each manifest whose files are given too.
    var notes: [Diagnostic] = []

    /// `files` without the tables of contents among them, and without the members of a package
    /// whose manifest is among them too. A file that cannot be read is kept: reading it says why.
    init(_ given: [String], unitLimit: XMLUnitLimit) {
        var manifests: [(file: String, members: [FileIdentity: String])] = []  // member → its role
        var roots: [String?] = []
        for file in given {
            // The head alone (the file is read whole later, where its faults are reported).
            guard let stream = try? OfficialStream(path: file, unitLimit: unitLimit), let root = try? stream.root() else {
                roots.append(nil)
                continue
            }
            if root.name == "DOC", OfficialDialect.detect(root: root) == .formex, let manifest = try? stream.capture(root),
               let members = try? FormexAdapter.metadata(fromManifest: manifest, at: file).memberPaths() {
                var identities: [FileIdentity: String] = [:]
                for member in [members.act].compactMap({ $0 }) + members.annexes {
                    if let identity = FileIdentity(path: member) { identities[identity] = member == members.act ? "the act" : "an annex" }
                }
                manifests.append((file, identities))
            }
            roots.append(root.name)
        }
        var listed: [String: [String]] = [:]
        for (file, root) in zip(given, roots) {
            if root == Self.tableOfContentsRoot {
                tablesOfContents.insert(file)
                notes.append(Diagnostic(.note, "a Formex table of contents (\(Self.tableOfContentsRoot)): it lists the Official Journal issue and holds no provisions, so it is not imported",
                                        at: SourceLocation(file: file, line: 1)))
                continue
            }
            if let identity = FileIdentity(path: file), let manifest = manifests.first(where: { $0.members[identity] != nil && $0.file != file }) {
                readThrough[file] = (manifest.file, manifest.members[identity] ?? "a file")
                listed[manifest.file, default: []].append(SourceFileName.name(of: file))
                continue
            }
            files.append(file)
        }
        for (manifest, _) in manifests {
            guard let names = listed[manifest] else { continue }
            notes.append(Diagnostic(.note, "this package manifest lists \(CountedNoun("file")(names.count)) also given (\(names.count <= 3 ? ProseList.joined(names) : "\(names[0]) to \(names[names.count - 1])")): each is read once, through the manifest",
                                    at: SourceLocation(file: manifest, line: 1)))
        }
    }
}
