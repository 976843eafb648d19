import Foundation
import EccaTestSupport
import Testing

/// Runs the built `ecca` executable as a user would, capturing its output and exit status.
enum CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The products folder the test bundle was built into (`.build/debug`).
    static var productsDirectory: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        fatalError("couldn't find the products directory")
        #else
        return Bundle.main.bundleURL
        #endif
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `ecca` with `arguments` from `directory` (default: a folder outside the checkout, to
    /// show the shipped regulations are found from anywhere).
    static func run(_ arguments: [String], in directory: URL = FileManager.default.temporaryDirectory,
                    environment: [String: String] = [:], stdin: Data? = nil, executable: String? = nil) throws -> Result {
        let process = process(arguments, environment: environment, executable: executable)
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// `ecca` (or `executable`) set up to run with `arguments`, as every test runs it: the shipped
    /// regulations found from the binary, not from the environment, and no colour.
    static func process(_ arguments: [String], environment: [String: String] = [:], executable: String? = nil) -> Process {
        let process = Process()
        process.executableURL = executable.map(URL.init(fileURLWithPath:)) ?? productsDirectory.appendingPathComponent("ecca")
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "ECCA_REGULATIONS")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        return process
    }

    static func sample(_ name: String) -> String { root.appendingPathComponent("Samples/requests/\(name)").path }
    static let letter = root.appendingPathComponent("Samples/instruments/is-informed-letter-orion.xml").path
    static let regulations = root.appendingPathComponent("Regulations").path

    /// A temporary folder holding the given files.
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = try TemporaryFolder.make("cli")
        for (name, contents) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// A copy of the shipped regulations folder (its files and schema) in which the file `name`
    /// reads `text`: the law with one change, such as a reading taken out.
    static func regulations(replacing name: String, with text: String) throws -> URL {
        var files: [String: String] = [name: text]
        for file in try FileManager.default.contentsOfDirectory(atPath: regulations) where file != name {
            var isFolder: ObjCBool = false
            let path = regulations + "/" + file
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                files[file] = try String(contentsOfFile: path, encoding: .utf8)
            }
        }
        files["schema/rules.rng"] = try String(contentsOfFile: regulations + "/schema/rules.rng", encoding: .utf8)
        return try folder(files)
    }

    /// `ecca check` (with `options`) on a request given as a JSON object, written to a file of its own.
    static func check(_ request: [String: Any], _ options: [String] = []) throws -> Result {
        let text = String(decoding: try JSONSerialization.data(withJSONObject: request), as: UTF8.self)
        let folder = try folder(["r.json": text])
        return try run(["check"] + options + [folder.appendingPathComponent("r.json").path])
    }

    /// What `check` adds to its licence hint where ECCN 4E091's licence requirement applies (the
    /// presumption of denial declared on 15 CFR 742.6(a)(13)).
    static let presumedDenial = " (both secondary sources presume denial for a destination outside Supp. No. 5 to Part 740 "
        + "paragraph (a): 15 CFR 742.6(a)(13) (citation not verified), evidence secondary)"

    /// A command's output lines, expecting one of `statuses` (by default a run that analysed: 0,
    /// or 1 for a conflict), with its stderr if not.
    static func lines(_ result: Result, statuses: Set<Int32> = [0, 1], sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        #expect(statuses.contains(result.status), "\(result.stderr)", sourceLocation: sourceLocation)
        return result.stdout.split(separator: "\n").map(String.init)
    }

    /// The lines a report gives of other readings of the law: not the caveats, whose texts speak
    /// of them too.
    static func otherReadingLines(_ lines: [String]) -> [String] {
        lines.filter { !$0.hasPrefix("caveat ") && $0.contains("another reading") }
    }

    static func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }
}
