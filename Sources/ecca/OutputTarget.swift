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
}
