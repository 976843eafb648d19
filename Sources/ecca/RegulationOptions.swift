import ArgumentParser
import ClauseGraph
import EccaFormats
import EccaAnalysis
import EccaXML
import Foundation

/// Where the rules come from: the shipped `Regulations/` unless told otherwise.
struct RegulationOptions: ParsableArguments {
    @Option(name: .customLong("regulations"), help: ArgumentHelp("A folder of rules XML files (repeatable). Default: the shipped Regulations/.", valueName: "dir"))
    var directories: [String] = []

    @Option(name: .customLong("instrument"), help: ArgumentHelp("An extra rules file, such as an is-informed letter (repeatable).", valueName: "file"))
    var instruments: [String] = []

    /// The options as given, for a command printed to be run on the same law (`ecca check` of a
    /// request `mou verify` found): the default folder is left to be found again.
    var givenArguments: [String] {
        directories.flatMap { ["--regulations", $0] } + instruments.flatMap { ["--instrument", $0] }
    }

    /// The folders to load: those given, else the shipped regulations located from the executable;
    /// nil when none is given and none is found (`load()` says so).
    func resolvedDirectories() -> [String]? {
        if !directories.isEmpty { return directories }
        return RegulationsLocator.shipped().map { [$0] }
    }

    /// The schema: the one in the first given folder that has one, else the shipped one; or,
    /// when none of them has one, where it was looked for and what to do, said once (a copied
    /// binary given a folder without `schema/` called the schema it could not find "invalid").
    func schema(for directories: [String]) -> RulesSchemaSource {
        var searched: [String] = []
        for directory in directories + [RegulationsLocator.shipped()].compactMap({ $0 }) {
            let candidate = (directory as NSString).appendingPathComponent(RegulationsLoader.schemaRelativePath)
            if FileManager.default.fileExists(atPath: candidate) { return .file(candidate) }
            if !searched.contains(candidate) { searched.append(candidate) }
        }
        let shipped = RegulationsLocator.shipped() == nil ? "no shipped Regulations/ was found to take it from: " : ""
        return .missing(searched: searched, advice: shipped + "set ECCA_REGULATIONS to a Regulations/ folder that has "
                            + "\(RegulationsLoader.schemaRelativePath), or copy its schema/ folder into \(directories.first ?? "the folder")")
    }

    /// One of ecca's own schemas (`request.rng`, `mou.rng`), beside the rules schema in use.
    func schema(named name: String) -> RelaxNGSchema? {
        guard let folders = resolvedDirectories(), case .file(let rules) = schema(for: folders) else { return nil }
        return try? RelaxNGSchema(path: PathFolder.of(rules) + "/" + name)
    }

    /// The rules files a run reads (the folders' and `--instrument`'s), as inputs an output may
    /// not overwrite (`OutputTarget`).
    func filesRead() -> [BatchInput] {
        let folders = resolvedDirectories() ?? []
        return (folders.flatMap(RegulationsLoader.rulesFiles(in:)) + instruments).map { BatchInput(path: $0, kind: .file) }
    }

    /// The regulations read. Without a folder to read, the command stops with exit 2, as for a
    /// `--regulations` folder that is missing: the law is an input that cannot be had, not a
    /// misuse of the command line, so no usage line is printed (a ValidationError thrown from
    /// `run()` printed the top-level one, `Usage: ecca <subcommand>`, and exited 64).
    func load() throws -> RegulationsLoader.Result {
        guard let folders = resolvedDirectories() else {
            Output.error("error: cannot find the shipped Regulations/ folder; pass --regulations DIR or set ECCA_REGULATIONS")
            throw ExitCode(ExitStatus.unusableInput)
        }
        return RegulationsLoader().load(directories: folders, files: instruments, schema: schema(for: folders))
    }

    /// The regulations, for a command that analyses with them: with errors, each is printed and
    /// the command stops (exit 2), pointing to `ecca validate`, which says all there is to say.
    func loadUsable() throws -> RegulationsLoader.Result {
        let loaded = try load()
        if loaded.hasErrors {
            let errors = loaded.diagnostics.filter { $0.severity == .error }
            errors.forEach { Output.error($0.description) }
            // A folder that is missing or holds no rules file is said in full by its own error:
            // `ecca validate` would only say it again.
            let folders = Set(loaded.unusableFiles)
            if errors.contains(where: { !folders.contains($0.location?.file ?? "") }) {
                Output.error("error: the regulations have errors; run `ecca validate`")
            }
            throw ExitCode(ExitStatus.unusableInput)
        }
        return loaded
    }
}

/// Finds the shipped `Regulations/` from any working directory.
enum RegulationsLocator {
    /// In order: `ECCA_REGULATIONS`; a `Regulations/` beside the executable or in a folder above
    /// it (a build in the checkout: `.build/debug/ecca`); `../share/ecca/Regulations` (an install).
    /// Never the source checkout the binary was built from: a copied binary would read a folder
    /// the user neither named nor sees (and may be editing elsewhere); it says it found none.
    static func shipped() -> String? {
        let fileManager = FileManager.default
        func valid(_ path: String) -> Bool {
            fileManager.fileExists(atPath: (path as NSString).appendingPathComponent(RegulationsLoader.schemaRelativePath))
        }
        if let override = ProcessInfo.processInfo.environment["ECCA_REGULATIONS"], !override.isEmpty {
            return override
        }
        // The executable's own path (/proc/self/exe): `argv[0]` is only `ecca` when it is found on
        // PATH, and would be read against the working directory, which this search never uses.
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let executable = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        for _ in 0..<8 {
            let candidate = directory.appendingPathComponent("Regulations").path
            if valid(candidate) { return candidate }
            let installed = directory.appendingPathComponent("../share/ecca/Regulations").standardizedFileURL.path
            if valid(installed) { return installed }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }
}
