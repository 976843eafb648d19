/// A word-level diff between a shipped wording and the official one, after the normalisation
/// `cite-check` compares with (whitespace and typography): what a legal team reads to see what
/// an amendment changed.
public struct WordDiff: Sendable, Hashable, CustomStringConvertible {
    public enum Part: Sendable, Hashable {
        case same([String])
        /// Words only the shipped wording has.
        case removed([String])
        /// Words only the official text has.
        case added([String])
    }

    public var parts: [Part]

    /// Diffs `shipped` against `official` by longest common subsequence of words. Words are
    /// compared by `TextNormalizer.comparisonKey` (quotation marks and hyphens folded) and shown as
    /// `comparable` writes them, so a word that differs only in such typography is the same word.
    ///
    /// A shipped wording that starts or ends with "…" quotes only part of the official text: the
    /// official words it leaves out are not shown as added, and a quoted word that the official
    /// word merely goes on from at the cut (`export')` before `export");`) is the same word.
    public init(shipped: String, official: String) {
        var old = TextNormalizer.words(shipped).map(String.init)
        let new = TextNormalizer.words(official).map(String.init)
        let elidedEnd = Self.dropElision(&old, atEnd: true)
        let elidedStart = Self.dropElision(&old, atEnd: false)
        let oldKeys = old.map(TextNormalizer.wordKey)
        let newKeys = new.map(TextNormalizer.wordKey)
        // Common prefix and suffix first: drift is usually local, and it keeps the table small.
        var prefix = 0
        while prefix < old.count, prefix < new.count, oldKeys[prefix] == newKeys[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, oldKeys[old.count - 1 - suffix] == newKeys[new.count - 1 - suffix] { suffix += 1 }
        let a = Words(shown: Array(old[prefix..<(old.count - suffix)]), keys: Array(oldKeys[prefix..<(old.count - suffix)]))
        let b = Words(shown: Array(new[prefix..<(new.count - suffix)]), keys: Array(newKeys[prefix..<(new.count - suffix)]))
        var parts: [Part] = []
        if prefix > 0 { parts.append(.same(Array(old[..<prefix]))) }
        parts += Self.lcs(a, b)
        if suffix > 0 { parts.append(.same(Array(old[(old.count - suffix)...]))) }
        parts = Self.merged(parts)
        if elidedEnd { parts = Self.cut(parts, atEnd: true) + [.same(["…"])] }
        if elidedStart { parts = [.same(["…"])] + Self.cut(parts, atEnd: false) }
        self.parts = Self.merged(parts)
    }

    /// Removes an elision ("…", alone or closing up to a word) from the end or the start of `words`.
    private static func dropElision(_ words: inout [String], atEnd: Bool) -> Bool {
        guard let word = atEnd ? words.last : words.first else { return false }
        if word == "…" {
            if atEnd { words.removeLast() } else { words.removeFirst() }
            return true
        }
        if atEnd, word.hasSuffix("…") {
            words[words.count - 1] = String(word.dropLast())
            return true
        }
        if !atEnd, word.hasPrefix("…") {
            words[0] = String(word.dropFirst())
            return true
        }
        return false
    }

    /// The diff without the official words an elision leaves out at one end: official-only words
    /// past the last (or before the first) common run are dropped, and a shipped word there that
    /// the official word next to it continues from the cut counts as the same word.
    private static func cut(_ parts: [Part], atEnd: Bool) -> [Part] {
        var body = atEnd ? parts : parts.reversed()
        var removed: [String] = []
        var added: [String] = []
        while let last = body.last {
            if case .removed(let words) = last { removed = words + removed } else if case .added(let words) = last { added = words + added } else { break }
            body.removeLast()
        }
        if removed.count == 1, let edge = atEnd ? added.first : added.last {
            let quoted = TextNormalizer.wordKey(removed[0])
            let official = TextNormalizer.wordKey(edge)
            if atEnd ? official.hasPrefix(quoted) : official.hasSuffix(quoted) {
                body.append(.same(removed))
                removed = []
            }
        }
        if !removed.isEmpty {
            // What the official text has in their place, as far as the shipped words went; removed
            // words come before added ones, as everywhere in a diff.
            let shown = atEnd ? Array(added.prefix(removed.count + 2)) : Array(added.suffix(removed.count + 2))
            if atEnd {
                body.append(.removed(removed))
                if !shown.isEmpty { body.append(.added(shown)) }
            } else {
                if !shown.isEmpty { body.append(.added(shown)) }
                body.append(.removed(removed))
            }
        }
        return atEnd ? body : body.reversed()
    }

    /// Words as shown, and the keys they are compared by.
    private struct Words {
        var shown: [String]
        var keys: [String]
        var count: Int { shown.count }
    }

    public var isEmpty: Bool { !parts.contains { if case .same = $0 { return false } else { return true } } }

    /// Shipped-only words `[-like this-]`, official-only words `{+like this+}`, unchanged runs
    /// shortened to a few words of context.
    public var description: String { rendered(context: 6) }

    public func rendered(context: Int) -> String {
        var pieces: [String] = []
        for (index, part) in parts.map(Self.visible).enumerated() {
            switch part {
            case .removed(let words): pieces.append("[-" + words.joined(separator: " ") + "-]")
            case .added(let words): pieces.append("{+" + words.joined(separator: " ") + "+}")
            case .same(let words):
                let first = index == 0
                let last = index == parts.count - 1
                if words.count <= context * 2 + 1 || (first && words.count <= context) || (last && words.count <= context) {
                    pieces.append(words.joined(separator: " "))
                } else if first {
                    pieces.append("… " + words.suffix(context).joined(separator: " "))
                } else if last {
                    pieces.append(words.prefix(context).joined(separator: " ") + " …")
                } else {
                    pieces.append(words.prefix(context).joined(separator: " ") + " … " + words.suffix(context).joined(separator: " "))
                }
            }
        }
        return pieces.joined(separator: " ")
    }

    /// The part with every character a reader cannot see or tell apart written as its code point:
    /// a format or control character (`sour<U+00AD>ce`, `source<U+2060>code`), and a Greek or
    /// Cyrillic letter in a word with Latin letters (`s<U+043E>urce`, a Cyrillic o). Otherwise
    /// `[-source-] {+source+}` would be all the reader sees of the difference.
    static func visible(_ part: Part) -> Part {
        switch part {
        case .same(let words): .same(words.map(visible))
        case .removed(let words): .removed(words.map(visible))
        case .added(let words): .added(words.map(visible))
        }
    }

    static func visible(_ word: String) -> String {
        guard word.unicodeScalars.contains(where: { !$0.isASCII }) else { return word }
        let latin = word.unicodeScalars.contains { ($0.value | 0x20) >= 0x61 && ($0.value | 0x20) <= 0x7A }
        var shown = ""
        for scalar in word.unicodeScalars {
            let category = scalar.properties.generalCategory
            let confusable = latin && (0x0370...0x04FF).contains(scalar.value) && scalar.properties.isAlphabetic
            // ASCII is what it looks like (a number's groups keep their spaces: `15 000 000`).
            if !scalar.isASCII, category == .format || category == .control || category == .spaceSeparator || confusable {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                shown += "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    private static func lcs(_ a: Words, _ b: Words) -> [Part] {
        if a.count == 0 { return b.count == 0 ? [] : [.added(b.shown)] }
        if b.count == 0 { return [.removed(a.shown)] }
        // Too large for a table: report the whole middle as replaced.
        if a.count * b.count > 4_000_000 { return [.removed(a.shown), .added(b.shown)] }
        let width = b.count + 1
        var table = [Int32](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i * width + j] = a.keys[i] == b.keys[j] ? table[(i + 1) * width + j + 1] + 1
                    : max(table[(i + 1) * width + j], table[i * width + j + 1])
            }
        }
        var parts: [Part] = []
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a.keys[i] == b.keys[j] {
                parts.append(.same([a.shown[i]]))
                i += 1
                j += 1
            } else if table[(i + 1) * width + j] >= table[i * width + j + 1] {
                parts.append(.removed([a.shown[i]]))
                i += 1
            } else {
                parts.append(.added([b.shown[j]]))
                j += 1
            }
        }
        if i < a.count { parts.append(.removed(Array(a.shown[i...]))) }
        if j < b.count { parts.append(.added(Array(b.shown[j...]))) }
        return parts
    }

    /// Adjacent parts of the same kind joined.
    private static func merged(_ parts: [Part]) -> [Part] {
        var output: [Part] = []
        for part in parts {
            switch (output.last, part) {
            case (.same(let x)?, .same(let y)): output[output.count - 1] = .same(x + y)
            case (.removed(let x)?, .removed(let y)): output[output.count - 1] = .removed(x + y)
            case (.added(let x)?, .added(let y)): output[output.count - 1] = .added(x + y)
            default: output.append(part)
            }
        }
        return output
    }
}
