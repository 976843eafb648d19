import EccaAnalysis
import EccaFormats
import Foundation

/// The file a command writes its output to (`batch -o` and `--summary`, `report -o`): refused
/// before the run when writing it would overwrite an input (how it is written: `OutputFile`).
enum OutputTarget {
    /// The input that writing `output` would overwrite: the same file (through any symlink,
    /// relative path, hard link or bind mount: files are compared by device and inode, not by
    /// path), or a request file in an input folder (a folder's own files are its requests,
    /// listed as the run starts).
    static func input(overwrittenBy output: String, inputs: [BatchInput]) -> String? {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        let name = url.lastPathComponent
        let outputFile = FileIdentity(path: url.path)
        let outputFolder = FileIdentity(path: url.deletingLastPathComponent().path)
        for input in inputs where input.path != "-" {
            guard let inputIdentity = FileIdentity(path: input.path) else { continue }
            if input.kind == .folder {
                if inputIdentity == outputFolder && RequestLoader.isRequestFile(name) { return input.path }
            } else if inputIdentity == outputFile {
                return input.path
            }
        }
        return nil
    }

    /// Whether two outputs are one file: the same file where it is there, or the same name in
    /// the same folder where it is not yet (`batch -o` and `--summary` naming one new file: the
    /// summary, written last, would replace the results).
    static func same(_ first: String, _ second: String) -> Bool {
        let one = URL(fileURLWithPath: first).standardizedFileURL
        let other = URL(fileURLWithPath: second).standardizedFileURL
        if let identity = FileIdentity(path: one.path), identity == FileIdentity(path: other.path) { return true }
        guard one.lastPathComponent == other.lastPathComponent,
              let folder = FileIdentity(path: one.deletingLastPathComponent().path) else { return false }
        return folder == FileIdentity(path: other.deletingLastPathComponent().path)
    }
}
