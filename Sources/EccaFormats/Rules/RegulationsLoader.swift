import ClauseGraph
import EccaXML
import Foundation

/// Loads every rules file under one or more folders (and extra files) into one clause graph.
///
/// A file that cannot be used is reported and skipped; the others are still read and checked, so
/// one bad file never hides the findings in the rest.
public struct RegulationsLoader: Sendable {
    public struct Result: Sendable {
        public var graph: ClauseGraph
        /// Every finding: unusable files, schema violations, lint.
        public var diagnostics: [Diagnostic]
        /// Files that could not be read at all (exit status 2 territory).
        public var unusableFiles: [String]
        /// Files read but not used, since they are not valid against the schema.
        public var invalidFiles: [String]
        /// The rules files used, in load order.
        public var files: [String]
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    public static let schemaRelativePath = "schema/rules.rng"

    public init() {}

    /// - Parameters:
    ///   - directories: folders searched recursively for `*.xml` (the `schema/` folder excepted).
    ///   - files: extra rules files (an is-informed letter).
    ///   - schemaPath: the RELAX NG schema; defaults to `schema/rules.rng` in the first folder.
    public func load(directories: [String], files extraFiles: [String] = [], schemaPath: String? = nil) -> Result {
        let path = schemaPath ?? directories.first.map { ($0 as NSString).appendingPathComponent(Self.schemaRelativePath) }
        return load(directories: directories, files: extraFiles, schema: path.map(RulesSchemaSource.file) ?? .missing(searched: [], advice: ""))
    }

    /// As `load(directories:files:schemaPath:)`, with the schema found by the caller, or why none was.
    public func load(directories: [String], files extraFiles: [String] = [], schema source: RulesSchemaSource) -> Result {
        var diagnostics: [Diagnostic] = []
        var unusable: [String] = []
        var files: [String] = []
        for directory in directories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                diagnostics.append(Diagnostic(.error, "regulations folder not found", at: SourceLocation(file: directory, line: 0)))
                unusable.append(directory)
                continue
            }
            // A folder with no rules file in it (an empty one, its `schema/` given by mistake) is
            // law that cannot be had: read as none, `validate` called it clean and `check` blamed
            // the request for naming what the missing law defines.
            let found = Self.rulesFiles(in: directory)
            if found.isEmpty {
                diagnostics.append(Diagnostic(.error, "regulations folder has no rules files (*.xml outside its schema/ folder)", at: SourceLocation(file: directory, line: 0)))
                unusable.append(directory)
            }
            files += found
        }
        files += extraFiles
        // No rules file to read needs no schema: the folder's own error says all (a missing schema
        // was said again, as "invalid", for a folder missing or empty).
        var schema: RelaxNGSchema?
        switch source {
        case _ where files.isEmpty:
            break
        case .file(let path) where !FileManager.default.fileExists(atPath: path):  // not "invalid"
            diagnostics.append(source.diagnostic)
        case .file(let path):
            do {
                schema = try RelaxNGSchema(path: path)
            } catch {
                diagnostics.append(Diagnostic(error: error))
                unusable.append(path)
            }
        case .missing:
            diagnostics.append(source.diagnostic)
        }
        // Without a schema no file is read (`RulesReader`), and one error has said why: it is not
        // said again for every file.
        if schema == nil, !files.isEmpty {
            return Result(graph: ClauseGraph(documents: []), diagnostics: diagnostics, unusableFiles: unusable + files, invalidFiles: [], files: files)
        }
        let reader = RulesReader(schema: schema)
        var documents: [RulesDocument] = []
        // Files not used whose ids are known (schema-invalid: read from their tree; malformed: what a
        // recovering parse still sees), with where their errors end.
        var notUsed: [(file: String, declared: DeclaredIDs, findingsEnd: Int, isReadable: Bool)] = []
        // Files refused whose ids cannot be read (a DOCTYPE, another encoding: never parsed further),
        // with where their errors end: any reference no other file explains may be to them.
        var unread: [(file: String, findingsEnd: Int)] = []
        for file in files {
            switch reader.read(file: file) {
            case .document(let document): documents.append(document)
            case .invalid(let findings, let declared):
                diagnostics += findings
                notUsed.append((file, declared, diagnostics.endIndex, true))
            case .unusable(let finding, let declared):
                diagnostics.append(finding)
                unusable.append(file)
                if !declared.isEmpty { notUsed.append((file, declared, diagnostics.endIndex, false)) } else { unread.append((file, diagnostics.endIndex)) }
            }
        }
        let graph = ClauseGraph(documents: documents)
        // A reference to an id that a file not used declares is no error of its own: the file's
        // errors explain it. Such references are counted, and said after that file's errors.
        var unchecked = Array(repeating: 0, count: notUsed.count)
        var uncheckedUnread = 0
        for finding in graph.lint(suppliableFields: FactBinding.suppliableFields, fieldTypes: FactBinding.fieldTypes,
                                       idValuedFields: FactBinding.idValuedFields) {
            if let reference = finding.unresolved, let index = notUsed.firstIndex(where: { $0.declared.declares(reference) }) {
                unchecked[index] += 1
            } else if finding.unresolved != nil, !unread.isEmpty {
                // A DOCTYPE or a declared Latin-1 in one file made every reference to its ids an
                // error of the files that were right (authoring QA 2026-12-07, M1: 19 of them).
                uncheckedUnread += 1
            } else {
                diagnostics.append(finding)
            }
        }
        // Said after the errors of the first such file, and before those of files not used that
        // come earlier (inserting from the end keeps the places counted before right).
        var notes: [(at: Int, note: Diagnostic)] = notUsed.indices.filter { unchecked[$0] > 0 }.map {
            (notUsed[$0].findingsEnd, Self.uncheckedReferences(unchecked[$0], to: notUsed[$0].file, isReadable: notUsed[$0].isReadable))
        }
        if uncheckedUnread > 0, let first = unread.first {
            notes.append((first.findingsEnd, Self.uncheckedReferences(uncheckedUnread, toUnread: unread.map(\.file), at: first.file)))
        }
        for (at, note) in notes.sorted(by: { $0.at > $1.at }) { diagnostics.insert(note, at: at) }
        return Result(graph: graph, diagnostics: diagnostics, unusableFiles: unusable, invalidFiles: notUsed.filter(\.isReadable).map(\.file), files: files)
    }

    /// `isReadable`: the file is well-formed (its ids are read from its tree); otherwise its ids
    /// are what libxml2's recovering parse still sees.
    static func uncheckedReferences(_ count: Int, to file: String, isReadable: Bool = true) -> Diagnostic {
        let references = count == 1 ? "1 reference" : "\(count) references"
        let text = isReadable
            ? "\(references) from other files to ids this file declares not checked: the file is not used until its errors are mended"
            : "\(references) from other files to ids this file seems to declare (as far as it can be read) not checked: the file is not used until it is well-formed"
        return Diagnostic(.note, text, at: SourceLocation(file: file, line: 0))
    }

    /// References no file used declares, while files were refused whose ids cannot be read: they
    /// may be to them, so they are counted, not reported one by one.
    static func uncheckedReferences(_ count: Int, toUnread files: [String], at file: String) -> Diagnostic {
        let references = count == 1 ? "1 reference" : "\(count) references"
        let which = files.count == 1 ? "this file, which was refused before its ids could be read, may declare them" : "the \(files.count) files refused before their ids could be read may declare them"
        return Diagnostic(.note, "\(references) to ids no file used declares not checked: \(which); mend it and validate again", at: SourceLocation(file: file, line: 0))
    }

    /// `*.xml` below `directory`, sorted for a deterministic load order, skipping the schema folder.
    /// A `directory` that is a symbolic link is followed (the enumerator would not descend into it:
    /// a linked regulations folder loaded nothing, QA verify14), and so is a linked folder inside
    /// it that leads out of it (it was left out without a word), each such folder once; a link to
    /// a folder inside the tree is not followed, since the tree is read anyway (a link back up, or
    /// an alias of a subfolder, read its files twice). The files keep the names given.
    public static func rulesFiles(in directory: String) -> [String] {
        var visited: Set<String> = []
        return rulesFiles(in: directory, visited: &visited).sorted()
    }

    private static func rulesFiles(in directory: String, visited: inout Set<String>) -> [String] {
        let resolved = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard visited.insert(resolved).inserted, let enumerator = FileManager.default.enumerator(atPath: resolved) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasPrefix("schema/") || relative == "schema" { continue }
            let path = (directory as NSString).appendingPathComponent(relative)
            if relative.hasSuffix(".xml") {
                found.append(path)
            } else if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeSymbolicLink {
                var isDirectory: ObjCBool = false
                let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
                   target != resolved, !target.hasPrefix(resolved + "/") {
                    found += rulesFiles(in: path, visited: &visited)
                }
            }
        }
        return found
    }
}
