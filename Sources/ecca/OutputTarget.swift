import EccaAnalysis
import EccaFormats
import Foundation

/// The file a command writes its output to (`batch -o`, `report -o`): refused before the run when
/// writing it would overwrite an input, and why a write failed said in words.
enum OutputTarget {
    /// The input that writing `output` would overwrite: the same file (through any symlink or
    /// relative path), or a request file in an input folder (a folder's own files are its
    /// requests, listed as the run starts).
    static func input(overwrittenBy output: String, inputs: [BatchInput]) -> String? {
        // The folder resolved, not the file, which need not exist yet; the file too when it does
        // (a symlink to an input is written through).
        let url = URL(fileURLWithPath: output).standardizedFileURL
        let folder = url.deletingLastPathComponent().resolvingSymlinksInPath().path
        let target = FileManager.default.fileExists(atPath: url.path) ? url.resolvingSymlinksInPath().path
            : folder + "/" + url.lastPathComponent
        for input in inputs where input.path != "-" {
            let path = URL(fileURLWithPath: input.path).standardizedFileURL.resolvingSymlinksInPath().path
            if input.kind == .folder ? path == folder && RequestLoader.isRequestFile(target) : path == target { return input.path }
        }
        return nil
    }

    /// Why `path` could not be written, as a reader can act on it (Foundation's own message is a
    /// bare "NSCocoaErrorDomain error 512" for a folder).
    static func whyUnwritable(_ path: String, error: any Error) -> String {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return "it is a directory" }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if !manager.fileExists(atPath: folder, isDirectory: &isDirectory) { return "no such folder: \(folder)" }
        if !isDirectory.boolValue { return "\(folder) is not a directory" }
        if !manager.isWritableFile(atPath: folder) { return "no permission to write in \(folder)" }
        return error.localizedDescription
    }
}
