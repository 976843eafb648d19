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

    /// Diffs `shipped` against `official` by an alignment of their words that keeps as many as it
    /// can in common. Words are compared by `TextNormalizer.wordKey` (quotation marks, dashes and
    /// hyphens folded, a number's spacing dropped) and shown as each text prints them, so a word that
    /// differs only in typography is the same word, and official words are shown as printed.
    ///
    /// An elision ("…") in the shipped wording, at its start, end or inside it, stands for official
    /// words the quotation leaves out: they are not shown as added. A quoted word cut at the
    /// elision (`export')` before `export");`) is the same word as the official one it is cut from.
    /// Where shipped words next to an elision differ, the official words in their place are shown,
    /// as far as the shipped words went.
    public init(shipped: String, official: String) {
        let old = Self.splittingElisions(TextNormalizer.printedWords(shipped).map(String.init))
        let new = TextNormalizer.printedWords(official).map(String.init)
        let oldKeys: [String?] = old.map { Self.isElision($0) ? nil : Self.key($0) }
        let newKeys: [String?] = new.map(Self.key)
        // Common prefix and suffix first: drift is usually local, and it keeps the table small. An
        // elision's key is nil, so neither run goes past one.
        var prefix = 0
        while prefix < old.count, prefix < new.count, oldKeys[prefix] != nil, oldKeys[prefix] == newKeys[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, oldKeys[old.count - 1 - suffix] != nil,
              oldKeys[old.count - 1 - suffix] == newKeys[new.count - 1 - suffix] { suffix += 1 }
        let a = Words(shown: Array(old[prefix..<(old.count - suffix)]), keys: Array(oldKeys[prefix..<(old.count - suffix)]))
        let b = Words(shown: Array(new[prefix..<(new.count - suffix)]), keys: Array(newKeys[prefix..<(new.count - suffix)]))
        var parts: [Part] = []
        if prefix > 0 { parts.append(.same(Array(old[..<prefix]))) }
        parts += Self.align(a, b, wordingStart: prefix == 0, wordingEnd: suffix == 0)
        if suffix > 0 { parts.append(.same(Array(old[(old.count - suffix)...]))) }
        self.parts = Self.merged(parts)
    }

    static let elision = "…"

    /// "…", or "…" with the punctuation that closes the words it leaves out (`…;`), shown as printed.
    static func isElision(_ word: String) -> Bool {
        word.first == "…" && word.dropFirst().allSatisfy { !$0.isLetter && !$0.isNumber }
    }

    private static func key(_ word: String) -> String { TextNormalizer.wordKey(TextNormalizer.comparable(word)) }


    /// Words with an elision closed up to them split into the word and the elision (`export')…`),
    /// punctuation after it kept with it (`…;`).
    private static func splittingElisions(_ words: [String]) -> [String] {
        var split: [String] = []
        for word in words {
            guard word != elision, word.contains(elision) else { split.append(word); continue }
            var piece = ""
            for character in word {
                if String(character) == elision {
                    if !piece.isEmpty { split.append(piece) }
                    split.append(elision)
                    piece = ""
                } else {
                    piece.append(character)
                }
            }
            if !piece.isEmpty {
                if split.last == elision, piece.allSatisfy({ !$0.isLetter && !$0.isNumber }) { split[split.count - 1] += piece } else { split.append(piece) }
            }
        }
        return split
    }

    /// The alignment: a shipped word kept (2), removed or an official word added (-1 each), an
    /// official word an elision stands for (0). A word next to an elision is the same word as an
    /// official one it is cut from.
    private static func align(_ a: Words, _ b: Words, wordingStart: Bool, wordingEnd: Bool) -> [Part] {
        if a.count == 0 { return b.count == 0 ? [] : [.added(b.shown)] }
        // Too large for a table: report the whole middle as replaced.
        if a.count * b.count > 4_000_000 { return [.removed(a.shown), .added(b.shown)] }
        let width = b.count + 1
        var score = [Int32](repeating: 0, count: (a.count + 1) * width)
        for j in stride(from: b.count - 1, through: 0, by: -1) { score[a.count * width + j] = score[a.count * width + j + 1] - 1 }
        func same(_ i: Int, _ j: Int) -> Bool {
            guard let word = a.keys[i], let official = b.keys[j] else { return false }
            if word == official { return true }
            // Only a word next to an elision may be cut: at its word's end, not inside it
            // (`export')` before `export");`, not `code` before `codebooks`).
            let beforeElision = i + 1 < a.count && a.keys[i + 1] == nil, afterElision = i > 0 && a.keys[i - 1] == nil
            guard !word.isEmpty, beforeElision || afterElision else { return false }
            let wordScalars = word.unicodeScalars, officialScalars = Array(official.unicodeScalars)
            guard officialScalars.count > wordScalars.count else { return false }
            if beforeElision, officialScalars.starts(with: wordScalars),
               !ElidedWording.runsOn(officialScalars, at: wordScalars.count) { return true }
            if afterElision, officialScalars.reversed().starts(with: wordScalars.reversed()),
               !ElidedWording.runsOn(officialScalars, at: officialScalars.count - wordScalars.count) { return true }
            return false
        }
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            let isElision = a.keys[i] == nil
            score[i * width + b.count] = score[(i + 1) * width + b.count] - (isElision ? 0 : 1)
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                if isElision {
                    score[i * width + j] = max(score[i * width + j + 1], score[(i + 1) * width + j])
                } else {
                    var best = max(score[(i + 1) * width + j], score[i * width + j + 1]) - 1
                    if same(i, j) { best = max(best, score[(i + 1) * width + j + 1] + 2) }
                    score[i * width + j] = best
                }
            }
        }
        // The way back; each elision keeps the official words it stands for.
        var parts: [Part] = []
        var absorbed: [[String]] = []
        var i = 0, j = 0
        while i < a.count {
            if a.keys[i] == nil {
                var words: [String] = []
                while j < b.count, score[i * width + j] == score[i * width + j + 1] { words.append(b.shown[j]); j += 1 }
                absorbed.append(words)
                parts.append(.same([a.shown[i]]))
                i += 1
            } else if j < b.count, same(i, j), score[i * width + j] == score[(i + 1) * width + j + 1] + 2 {
                parts.append(.same([a.shown[i]]))
                i += 1
                j += 1
            } else if j == b.count || score[i * width + j] == score[(i + 1) * width + j] - 1 {
                parts.append(.removed([a.shown[i]]))
                i += 1
            } else {
                parts.append(.added([b.shown[j]]))
                j += 1
            }
        }
        if j < b.count { parts.append(.added(Array(b.shown[j...]))) }
        // An elision that begins or ends the wording leaves out the official text beyond it: two more
        // of its words beside a replacement show where the quotation was cut. Inside the wording, the
        // words in its place are shown as many as were replaced.
        let widen = (first: wordingStart && a.keys[0] == nil ? 2 : 0, last: wordingEnd && a.keys[a.count - 1] == nil ? 2 : 0)
        return showingReplacements(merged(parts), absorbed: absorbed, widen: widen)
    }

    /// Shipped words removed next to an elision are followed by the official words in their place,
    /// as many as they were (and `widen` more where the elision begins or ends the wording), taken
    /// from the words the elision stands for.
    private static func showingReplacements(_ parts: [Part], absorbed: [[String]], widen: (first: Int, last: Int)) -> [Part] {
        var output: [Part] = []
        var elisionIndex = 0
        var index = 0
        while index < parts.count {
            let part = parts[index]
            index += 1
            guard case .same(let words) = part, words.contains(where: isElision) else { output.append(part); continue }
            let count = words.filter(isElision).count
            // "[-A real-] …": the official words its elision stands for begin with their replacement.
            if words.first.map(isElision) == true, case .removed(let removed)? = output.last {
                let shown = Array(absorbed[elisionIndex].prefix(removed.count + (elisionIndex == absorbed.count - 1 ? widen.last : 0)))
                if !shown.isEmpty { output.append(.added(shown)) }
            }
            let lastIndex = elisionIndex + count - 1
            elisionIndex += count
            output.append(part)
            // "… [-remote-]": they end with it.
            if words.last.map(isElision) == true, index < parts.count, case .removed(let removed) = parts[index] {
                output.append(.removed(removed))
                let shown = Array(absorbed[lastIndex].suffix(removed.count + (lastIndex == 0 ? widen.first : 0)))
                if !shown.isEmpty { output.append(.added(shown)) }
                index += 1
            }
        }
        return output
    }

    /// Words as shown, and the keys they are compared by.
    private struct Words {
        var shown: [String]
        /// Nil for an elision.
        var keys: [String?]
        var count: Int { shown.count }
    }

    /// The diff seen from the other side: words only the first text has become the second's.
    /// `cite-check` diffs a text set out only in part (`* * *` as `…`) against the shipped wording,
    /// so that the words it leaves out are not shown as deleted, and shows it the usual way round.
    func reversed() -> WordDiff {
        var diff = self
        diff.parts = parts.map { part in
            switch part {
            case .same: part
            case .removed(let words): .added(words)
            case .added(let words): .removed(words)
            }
        }
        return diff
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
