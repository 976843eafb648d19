import EccaFormats
import Foundation

/// Reads batch records from NDJSON, CSV, request files and folders of them, streaming, in input order.
public final class BatchRecordSource {
    private let inputs: [BatchInput]
    private let vocabulary: RequestVocabulary
    private var inputIndex = 0
    private var nextIndex = 0
    /// The lines of the NDJSON or CSV input being read (under `csv` for CSV).
    private var lines: LineReader?
    private var csv: RequestCSVReader?
    private var folderFiles: [String] = []
    private var folderPosition = 0
    /// The input whose records `recordsOfInput` counts.
    private var countedInput = -1
    private var recordsOfInput = 0
    /// What the input folders hold that is neither read nor an error record (a folder inside a
    /// folder, notes), each with why, for the command to warn of: nothing is passed over in silence.
    public private(set) var passedOver: [(path: String, reason: String)] = []

    /// The batch's own output files (its results and summary), by identity as the output checks
    /// compare them (a link or another spelling is the same file): in an input folder they are not
    /// warned of as files it does not read.
    private let outputs: Set<FileIdentity>

    public init(inputs: [BatchInput], vocabulary: RequestVocabulary, outputs: [String] = []) {
        self.inputs = inputs
        self.vocabulary = vocabulary
        self.outputs = Set(outputs.compactMap(FileIdentity.init(path:)))
    }

    /// The next record, or nil when every input is read.
    public func next() -> BatchRecord? {
        while inputIndex < inputs.count {
            if countedInput != inputIndex {
                (countedInput, recordsOfInput) = (inputIndex, 0)
            }
            let input = inputs[inputIndex]
            if let record = next(from: input) { return record }
            inputIndex += 1
            lines = nil
            csv = nil
            folderFiles = []
            folderPosition = 0
        }
        return nil
    }

    private func record(_ file: String, _ line: Int, _ payload: BatchRecord.Payload, text: String? = nil) -> BatchRecord {
        defer { nextIndex += 1; recordsOfInput += 1 }
        return BatchRecord(index: nextIndex, file: file, line: line, payload: payload, text: text)
    }

    private func next(from input: BatchInput) -> BatchRecord? {
        switch input.kind {
        case .ndjson:
            if lines == nil {
                do {
                    lines = try LineReader(path: input.path)
                } catch {
                    // Report the unreadable input once, as a record, then move on to the next input.
                    inputIndex += 1
                    return record(input.path, 0, .failed(RequestError(file: input.path, line: 0, message: "cannot open input")))
                }
            }
            guard let reader = lines else { return nil }
            while let text = reader.next() {
                if let problem = reader.lastLineProblem {
                    return record(reader.name, reader.lineNumber,
                                  .failed(RequestError(file: reader.name, line: reader.lineNumber, message: problem.description)))
                }
                if text.allSatisfy(\.isWhitespace) { continue }
                if reader.lastLineUnterminated && !text.hasSuffix("}") {
                    return record(reader.name, reader.lineNumber,
                                  .failed(RequestError(file: reader.name, line: reader.lineNumber, message: LineReader.truncatedLastLine)),
                                  text: text)
                }
                return record(reader.name, reader.lineNumber, .json(text))
            }
            return noRecord(in: reader.name, holding: "no request (it is empty, or holds blank lines only)")
        case .csv:
            if csv == nil {
                do {
                    let reader = try LineReader(path: input.path)
                    lines = reader
                    csv = try RequestCSVReader(lines: reader, vocabulary: vocabulary)
                } catch let error as RequestError {
                    inputIndex += 1
                    return record(input.path, error.line, .failed(error))
                } catch {
                    inputIndex += 1
                    return record(input.path, 0, .failed(RequestError(file: input.path, line: 0, message: "cannot open input")))
                }
            }
            guard let next = csv?.next() else { return noRecord(in: lines?.name ?? input.path, holding: "a header row and no request") }
            switch next.result {
            case .success(let request): return record(input.path, next.line, .request(request), text: next.text)
            case .failure(let error): return record(input.path, next.line, .failed(error), text: next.text)
            }
        case .folder, .file:
            if folderFiles.isEmpty && folderPosition == 0 {
                if input.kind == .file {
                    folderFiles = [input.path]
                } else {
                    // A folder's requests are its request files, hidden ones too. Whatever else it
                    // holds (an NDJSON or CSV file, a folder, notes) is warned of, never passed over
                    // in silence, but is no record: the records must not depend on what a run
                    // writes beside them (a sibling shard's output, stdout sent into the folder).
                    let names = (try? FileManager.default.contentsOfDirectory(atPath: input.path)) ?? []
                    for name in names.sorted() {
                        let path = (input.path as NSString).appendingPathComponent(name)
                        if RequestLoader.isRequestFile(name) {
                            folderFiles.append(path)
                        } else if !name.hasPrefix("."), !(FileIdentity(path: path).map(outputs.contains) ?? false) {
                            let reason = FileKind(path: path) == .folder ? "a folder inside a folder is not read"
                                : Self.holdsRequestsInAnotherFormat(path) ? "not read (NDJSON and CSV files are read when given by name)" : "not read"
                            passedOver.append((path, reason))
                        }
                    }
                    if folderFiles.isEmpty {
                        // An empty or mistyped folder is no "all clear".
                        folderPosition = 1
                        return record(input.path, 0, .failed(RequestError(file: input.path, line: 0, message: "the folder holds no request files (*.json or *.xml, one request each)")))
                    }
                }
            }
            guard folderPosition < folderFiles.count else { return nil }
            defer { folderPosition += 1 }
            let path = folderFiles[folderPosition]
            // A pipe or device in a folder would block the batch, or be read twice when counted
            // for --shard: a folder's requests are its regular files (one named on the command
            // line may be a pipe).
            if input.kind == .folder, let kind = FileKind(path: path), kind != .regular && kind != .folder {
                return record(path, 1, .failed(RequestError(file: path, line: 0, message: "not a regular file (a pipe, device or socket): a folder's requests are read from its regular files only")))
            }
            return record(path, 1, .file(path))
        }
    }

    /// At the end of an NDJSON or CSV input: an error record if it gave none (which counts as its
    /// one), as for a folder with no request files. An empty export or an empty pipe is no "all
    /// clear" (QA s27 M3: `batch` of an empty file exited 0, where `check` and `report` exit 2).
    private func noRecord(in name: String, holding what: String) -> BatchRecord? {
        guard recordsOfInput == 0 else { return nil }
        return record(name, 0, .failed(RequestError(file: name, line: 0, message: "the input holds \(what)")))
    }

    /// NDJSON and CSV files, which a folder does not read, by their extension.
    static func holdsRequestsInAnotherFormat(_ path: String) -> Bool {
        let lowercased = path.lowercased()
        return [".ndjson", ".jsonl", ".csv"].contains { lowercased.hasSuffix($0) }
    }

    /// Whether reading the next record would wait for input not there yet (a pipe whose writer
    /// pauses). A CSV request is read to its next row, so the last one before a pause waits.
    public var wouldWait: Bool {
        lines?.wouldWait ?? false
    }

    /// Counts the records of `inputs` (a separate pass, for sharding and progress).
    public static func count(_ inputs: [BatchInput], vocabulary: RequestVocabulary) -> Int {
        let source = BatchRecordSource(inputs: inputs, vocabulary: vocabulary)
        var count = 0
        while source.next() != nil { count += 1 }
        return count
    }
}
