import Foundation

/// Finds where in an official file a character left out of a provision's text stands
/// (`ControlsLeftOut`), as `line:column`: a Formex act is one line long, so a line alone would
/// not point at it. The file is read only when a character is to be found (rarely: most files
/// hold none), and then once.
///
/// The provision's lines are searched for the character as written (UTF-8) or as a character
/// reference (`&#x202E;`, `&#8238;`); of several, the one with the most of the same words around
/// it (the text's, white space and markup aside) is taken, the first on a tie. The file is mapped,
/// not read into memory, and its lines are indexed only as far as a provision asks (a character
/// near the start of a 110 MB title touches its first pages).
final class SourceCharacterLocator {
    let file: String
    private var data: Data?
    /// Where each line indexed so far starts; `indexedTo` is where indexing stopped.
    private var lineStarts: [Int] = [0]
    private var indexedTo = 0
    private var loaded = false

    init(file: String) { self.file = file }

    /// Where `scalar` stands among `lines` (1-based), its column counted in characters from 1;
    /// nil when the file cannot be read or the lines do not hold it. `taken` holds the byte offsets
    /// already given for this text (two alike characters of one text are two places), and gets this one.
    func locate(_ scalar: Unicode.Scalar, before: String, after: String, lines: ClosedRange<Int>,
                taken: inout Set<Int>) -> (line: Int, column: Int)? {
        load()
        guard let data, lines.lowerBound >= 1 else { return nil }
        index(through: lines.upperBound + 1, in: data)
        guard lines.lowerBound <= lineStarts.count else { return nil }
        return data.withUnsafeBytes { raw in
            locate(scalar, before: before, after: after, lines: lines, in: raw.bindMemory(to: UInt8.self), taken: &taken)
        }
    }

    private func locate(_ scalar: Unicode.Scalar, before: String, after: String, lines: ClosedRange<Int>,
                        in bytes: UnsafeBufferPointer<UInt8>, taken: inout Set<Int>) -> (line: Int, column: Int)? {
        let start = lineStarts[lines.lowerBound - 1]
        let end = lines.upperBound < lineStarts.count ? lineStarts[lines.upperBound] : bytes.count
        let literal = Array(String(Character(scalar)).utf8)
        let wantedBefore = Array(Self.letters(before).reversed())
        let wantedAfter = Self.letters(after)
        var best: (offset: Int, score: Int)?
        var index = start
        while index < end {
            var length = 0
            if bytes[index] == literal[0], index + literal.count <= end, UnsafeBufferPointer(rebasing: bytes[index..<(index + literal.count)]).elementsEqual(literal) {
                length = literal.count
            } else if bytes[index] == UInt8(ascii: "&"), let reference = Self.reference(in: bytes, at: index, end: end), reference.value == scalar.value {
                length = reference.length
            }
            guard length > 0 else {
                index += 1
                continue
            }
            if !taken.contains(index) {
                let score = Self.matching(wantedBefore, Self.letters(backwardFrom: index, in: bytes, floor: max(start, index - 256)))
                    + Self.matching(wantedAfter, Self.letters(String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + length)..<min(end, index + length + 256)]), as: UTF8.self)))
                if best == nil || score > best!.score { best = (index, score) }
            }
            index += length
        }
        guard let offset = best?.offset else { return nil }
        taken.insert(offset)
        // The line holding it: the last line start at or before it.
        var low = lines.lowerBound - 1, high = min(lines.upperBound, lineStarts.count) - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let column = UnsafeBufferPointer(rebasing: bytes[lineStarts[low]..<offset]).reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return (low + 1, column)
    }

    private func load() {
        guard !loaded else { return }
        loaded = true
        data = try? Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped)
    }

    /// Indexes line starts until `line` starts (or the file ends).
    private func index(through line: Int, in data: Data) {
        guard lineStarts.count < line, indexedTo < data.count else { return }
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            while lineStarts.count < line, indexedTo < bytes.count {
                if bytes[indexedTo] == 0x0A { lineStarts.append(indexedTo + 1) }
                indexedTo += 1
            }
        }
    }

    /// A numeric character reference at `index` (`&#x202E;`, `&#8238;`): its value and length.
    private static func reference(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (value: UInt32, length: Int)? {
        guard index + 3 < end, bytes[index + 1] == UInt8(ascii: "#") else { return nil }
        var cursor = index + 2
        let hex = bytes[cursor] == UInt8(ascii: "x") || bytes[cursor] == UInt8(ascii: "X")
        if hex { cursor += 1 }
        var value: UInt32 = 0
        let digitsStart = cursor
        while cursor < end, cursor - digitsStart < 8 {
            let byte = bytes[cursor]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: digit = .max
            }
            if digit == .max { break }
            value = value * (hex ? 16 : 10) + digit
            cursor += 1
        }
        guard cursor > digitsStart, cursor < end, bytes[cursor] == UInt8(ascii: ";") else { return nil }
        return (value, cursor + 1 - index)
    }

    /// The letters and digits of a text, in order: what stays the same between the official
    /// markup and the flattened wording (white space, tags, punctuation and references aside).
    private static func letters(_ text: String) -> [Unicode.Scalar] {
        var letters: [Unicode.Scalar] = []
        var inTag = false
        for scalar in text.unicodeScalars {
            if scalar == "<" { inTag = true }
            if !inTag, scalar.properties.isAlphabetic || scalar.properties.numericType != nil { letters.append(scalar) }
            if scalar == ">" { inTag = false }
        }
        return letters
    }

    /// The letters before `index`, nearest first.
    private static func letters(backwardFrom index: Int, in bytes: UnsafeBufferPointer<UInt8>, floor: Int) -> [Unicode.Scalar] {
        var start = floor
        while start < index, bytes[start] & 0xC0 == 0x80 { start += 1 }
        return Array(letters(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)).reversed())
    }

    /// How many leading elements of `wanted` `found` starts with.
    private static func matching(_ wanted: [Unicode.Scalar], _ found: [Unicode.Scalar]) -> Int {
        var count = 0
        while count < wanted.count, count < found.count, wanted[count] == found[count] { count += 1 }
        return count
    }
}
