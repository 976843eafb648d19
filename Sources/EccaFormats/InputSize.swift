import Foundation

/// The size of an input file, checked before it is read, so that every reader can refuse an
/// oversized input with a clear error instead of reading it into memory.
enum InputSize {
    /// The file's size in bytes, or nil when it cannot be determined (the reader then reports why
    /// it cannot open the file). Standard input and other streams have no size here.
    static func bytes(ofFile path: String) -> Int? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let size = attributes[.size] as? NSNumber else { return nil }
        return size.intValue
    }
}
