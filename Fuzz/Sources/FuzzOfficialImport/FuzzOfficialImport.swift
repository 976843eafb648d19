import EccaFormats
import Foundation
import FuzzSupport

/// A folder of this process's own for the fuzzed file and the import's output, removed when the
/// fuzzer exits (a finding is saved by libFuzzer, not here).
private let scratch: String = {
    let path = NSTemporaryDirectory() + "/ecca-fuzz-import-\(ProcessInfo.processInfo.processIdentifier)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: scratch) }
    return path
}()

/// Official XML from an untrusted hand (a downloaded eCFR title, Formex act, Federal Register
/// rule, Akoma Ntoso or LegalRuleML file): imported the way `ecca import` does it (libxml2, the
/// adapter and the writer on three threads, a temporary file renamed on success), into memory
/// the way `cite-check` does, and cite-checked against the shipped regulations. Nothing may
/// crash or hang; an import that fails leaves no file behind; one that succeeds writes a file
/// the rules reader accepts against the schema, with the provisions the in-memory import found.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = scratch + "/official.xml"
    let output = scratch + "/official.rules.xml"
    FileManager.default.createFile(atPath: input, contents: Data(bytes: data, count: size))
    try? FileManager.default.removeItem(atPath: output)
    let importer = OfficialImporter()
    var written: OfficialImporter.Result?
    do {
        written = try importer.run(files: [input], output: output)
    } catch {
        _ = error.description
    }
    let left = Set((try? FileManager.default.contentsOfDirectory(atPath: scratch)) ?? [])
    invariant(left == (written == nil ? ["official.xml"] : ["official.xml", "official.rules.xml"]),
              "files left after an import that \(written == nil ? "failed" : "succeeded"): \(left.sorted())")

    let collected = try? importer.collect(files: [input])
    if let written {
        invariant(collected?.0.provisions.count == written.summary.provisions,
                  "written \(written.summary.provisions) provisions, collected \(collected?.0.provisions.count ?? -1)")
        let read = RulesReader(schema: Shipped.rulesSchema).read(file: output)
        if case .document = read {} else { invariant(false, "an import's output does not read back: \(read)") }
    }
    if let checker = try? CitationChecker(officialFiles: [input]) {
        _ = checker.check(Shipped.graph)
    }
    return 0
}
