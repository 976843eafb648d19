import EccaAnalysis
import EccaFormats
import Foundation

/// The file a command writes its output to (`batch -o` and `--summary`, `report -o`): refused
/// before the run when writing it would overwrite an input (how it is written: `OutputFile`).
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
}
