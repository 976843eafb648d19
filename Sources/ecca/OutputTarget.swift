import EccaAnalysis
import EccaFormats
import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
        let outputFile = identity(of: url.path)
        let outputFolder = identity(of: url.deletingLastPathComponent().path)
        for input in inputs where input.path != "-" {
            guard let inputIdentity = identity(of: input.path) else { continue }
            if input.kind == .folder {
                if inputIdentity == outputFolder && RequestLoader.isRequestFile(name) { return input.path }
            } else if inputIdentity == outputFile {
                return input.path
            }
        }
        return nil
    }

    /// The device and inode of what `path` names, following links; nil when nothing is there.
    private static func identity(of path: String) -> [UInt64]? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return [UInt64(status.st_dev), UInt64(status.st_ino)]
    }
}
