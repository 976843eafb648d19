/// Rebuilds the paragraph hierarchy of a CFR section from the flat sequence of its markers.
///
/// eCFR, annual CFR and Federal Register paragraphs are sibling `<P>`s; their level exists only
/// in the leading `(a)`, `(1)`, `(i)`, `(A)` and italic markers (FORMATS.md §1.4). The levels
/// follow a fixed order of kinds, a section may start at any of them, a child starts at 1 (`a`,
/// `1`, `i`, `A`), and the next sibling increments. `(i)`, `(v)` and `(x)` are letters or roman
/// numerals, so the solver searches every reading the whole sequence admits (look-ahead decides
/// most: `(i)` followed by `(ii)` is roman, followed by `(j)` a letter), scores what survives
/// (an only child, a skipped level and a heading style unlike the siblings' cost a point each), and
/// reports each marker that kept more than one reading. It never guesses silently.
public struct MarkerSequenceSolver: Sendable {
    /// One entry of a section's sequence.
    public enum Item: Sendable, Hashable {
        case marker(ParagraphMarker)
        /// `<STARS/>`: text was left out here, so numbering may jump.
        case elision
        /// `(h) * * *`, a marker printed with nothing but stars: text was left out (as for
        /// `elision`), and the marker is printed only to place what follows it, as Federal Register
        /// set-out text prints the parents of the paragraph it changes (`(h) * * *`, `(1) * * *`,
        /// `(i) …` is (h)(1)(i)): the next marker, right after it, is its child. Read as an
        /// elision where the numbering fits no reading so (importer audit, finding 2: (i) had been
        /// read as the letter after (h)).
        case parentStub
        /// An unnumbered defined term (`<I>Agency</I> means …`): it sits under the innermost open
        /// paragraph, ends the previous term's scope, and markers after it number afresh below it.
        case definition
    }

    /// A marker's place: its kind and its depth (0 = the section's first level).
    public struct Reading: Sendable, Hashable, CustomStringConvertible {
        public var kind: MarkerKind
        public var depth: Int
        public init(kind: MarkerKind, depth: Int) {
            self.kind = kind
            self.depth = depth
        }
        public var description: String { "\(kind) at level \(depth + 1)" }
    }

    /// A marker that more than one complete reading of the sequence allows.
    public struct Ambiguity: Sendable, Hashable {
        /// Index into the markers (not the items).
        public var marker: Int
        public var chosen: Reading
        public var alternatives: [Reading]
    }

    public struct Solution: Sendable, Hashable {
        /// One reading per marker, in order.
        public var readings: [Reading]
        public var ambiguities: [Ambiguity]
        /// False when no reading fits the level rules: levels were then taken from marker kinds.
        public var fitted: Bool
        /// The depth of each `.definition` item, in order.
        public var definitionDepths: [Int] = []
        /// Where levels were taken from the marker kinds (`fitted` is false): the markers (indices
        /// into the markers) and the defined terms (indices into the `.definition` items) whose
        /// readings are not a fit. The whole section, or, in a section of terms numbered each on
        /// its own (`solve`), the terms whose numbering fits no reading.
        public var unfittedMarkers: [Range<Int>] = []
        public var unfittedTerms: [Range<Int>] = []

        /// Appends the solution of the items that follow those solved so far, its depths `shift`
        /// levels down; its indices (markers, terms) are moved past this solution's.
        mutating func append(_ part: Solution, shift: Int = 0) {
            let markerBase = readings.count
            let termBase = definitionDepths.count
            readings += part.readings.map { Reading(kind: $0.kind, depth: $0.depth + shift) }
            ambiguities += part.ambiguities.map { Ambiguity(marker: $0.marker + markerBase, chosen: $0.chosen, alternatives: $0.alternatives) }
            definitionDepths += part.definitionDepths.map { $0 + shift }
            guard !part.fitted else { return }
            fitted = false
            unfittedMarkers += part.unfittedMarkers.map { ($0.lowerBound + markerBase)..<($0.upperBound + markerBase) }
            unfittedTerms += part.unfittedTerms.map { ($0.lowerBound + termBase)..<($0.upperBound + termBase) }
        }
    }

    public init() {}

    /// Solves one section's sequence.
    ///
    /// In a section of defined terms that come before any marker (15 CFR 772.1: hundreds of
    /// terms, each numbered afresh below it) each term is solved on its own: every reading of the
    /// whole sequence passes through a fresh scope at each term, so the parts are independent, and
    /// a term whose numbering fits no reading falls back to the marker kinds alone, not the terms
    /// after it.
    public func solve(_ items: [Item]) -> Solution {
        var solution: Solution
        if let runs = Self.termRuns(items) {
            solution = Solution(readings: [], ambiguities: [], fitted: true)
            var markerStart = 0
            for (term, run) in runs.enumerated() {
                // An elision after the previous run's last marker still lets this run's first
                // marker jump, as in one pass.
                let previous = term == 0 ? items[..<run.lowerBound] : items[runs[term - 1]]
                let lastMarker = previous.lastIndex { if case .marker = $0 { true } else { false } } ?? previous.startIndex
                let elided = previous[lastMarker...].contains { $0 == .elision || $0 == .parentStub }
                var part = solveRun(elided ? ArraySlice([Item.elision] + items[run]) : items[run])
                let markers = markerStart..<(markerStart + part.readings.count)
                if !part.fitted {
                    // Below the term, at the depths its own markers take from their kinds.
                    let base = part.readings.map(\.depth).min() ?? 0
                    part.readings = part.readings.map { Reading(kind: $0.kind, depth: $0.depth - base + 1) }
                    solution.fitted = false
                    solution.unfittedTerms.append(term..<(term + 1))
                    solution.unfittedMarkers.append(markers)
                }
                solution.readings += part.readings
                solution.ambiguities += part.ambiguities.map { Ambiguity(marker: $0.marker + markerStart, chosen: $0.chosen, alternatives: $0.alternatives) }
                markerStart = markers.upperBound
            }
        } else {
            solution = solveRun(items[...])
            if !solution.fitted {
                // The whole section: every marker and every term.
                let terms = items.reduce(0) { count, item in if case .definition = item { count + 1 } else { count } }
                solution.unfittedMarkers = [0..<solution.readings.count]
                solution.unfittedTerms = [0..<terms]
            }
        }
        solution.definitionDepths = Self.definitionDepths(items, readings: solution.readings)
        return solution
    }

    /// Solves a sequence whose list starts afresh at each of `starts` (the categories of the US
    /// Munitions List, 22 CFR 121.1, each lettered from (a)): the items before the first start at
    /// the section's levels, each part's on its own and one level below the heading that opens it.
    public func solve(_ items: [Item], restartingAt starts: [Int]) -> Solution {
        guard !starts.isEmpty else { return solve(items) }
        var solution = Solution(readings: [], ambiguities: [], fitted: true)
        let bounds = [0] + starts + [items.count]
        for part in 0..<(bounds.count - 1) {
            solution.append(solve(Array(items[bounds[part]..<bounds[part + 1]])), shift: part == 0 ? 0 : 1)
        }
        return solution
    }

    /// The runs of a section whose first defined term comes before any marker: each term with the
    /// markers after it, up to the next term (an elision since the last marker is carried into
    /// the next run, as it would be in one pass). Nil for any other section, or one term alone.
    static func termRuns(_ items: [Item]) -> [Range<Int>]? {
        guard let first = items.firstIndex(where: { if case .definition = $0 { true } else { false } }),
              !items[..<first].contains(where: { if case .marker = $0 { true } else { false } }) else { return nil }
        var starts: [Int] = []
        for index in items.indices[first...] { if case .definition = items[index] { starts.append(index) } }
        guard starts.count > 1 else { return nil }
        return starts.indices.map { starts[$0]..<(($0 + 1 < starts.count) ? starts[$0 + 1] : items.count) }
    }

    /// Solves one run of items: the fast path, then the search, strict and relaxed; the marker
    /// kinds alone when nothing fits.
    private func solveRun(_ items: ArraySlice<Item>) -> Solution {
        // Counted, not collected: a section's markers are only needed again when nothing fits.
        var markerCount = 0
        for item in items { if case .marker = item { markerCount += 1 } }
        if markerCount == 0 { return Solution(readings: [], ambiguities: [], fitted: true) }
        if let fast = greedy(items, count: markerCount) { return fast }
        if let found = search(items, relaxed: false) ?? search(items, relaxed: true) { return found }
        if items.contains(.parentStub) {
            // Stubs whose next marker cannot be their child: read as plain elisions.
            let plain = items.map { $0 == .parentStub ? Item.elision : $0 }[...]
            if let found = search(plain, relaxed: false) ?? search(plain, relaxed: true) { return found }
        }
        return Solution(readings: Self.kindReadings(items), ambiguities: [], fitted: false)
    }

    /// Levels from the marker kinds alone, for a sequence no reading fits (GPO § 1203a.102 puts
    /// italic letters below roman numerals): a number is level 2, a capital level 4, an italic
    /// number level 5, an italic roman numeral or (old style) an italic letter level 5 or 6, a
    /// plain letter level 1. A label that is a letter or a roman numeral (`(i)`, `(v)`, `(ii)`) is
    /// the one whose sequence it continues: `(ii)` after a roman `(i)` is roman, `(i)` after `(h)`
    /// a letter; `(i)` inside a numbered paragraph starts romans. The result is a reading, not a
    /// fit: the section reader reports it on every provision.
    static func kindReadings(_ items: ArraySlice<Item>) -> [Reading] {
        var readings: [Reading] = []
        // The value last read at each depth; 0 where nothing is open (a shallower marker closes deeper levels).
        var last = [Int](repeating: 0, count: MarkerKind.allCases.count)
        var elided = false
        var previousDepth = -1
        for item in items {
            guard case .marker(let marker) = item else {
                if item == .elision || item == .parentStub { elided = true }
                continue
            }
            func continues(_ value: Int, at depth: Int) -> Bool {
                elided ? value > last[depth] : value == last[depth] + 1
            }
            let kinds = marker.candidates
            var reading: Reading
            if let kind = kinds.first, kinds.underestimatedCount == 1, kind != .lower, kind != .roman {
                reading = Reading(kind: kind, depth: kind.depth)
            } else {
                let letter = kinds.contains(.lower) ? MarkerKind.lower.ordinal(of: marker.label) : nil
                let roman = kinds.contains(.roman) || kinds.contains(.italicRoman) ? MarkerKind.roman.ordinal(of: marker.label) : nil
                let letterDepth = marker.italic ? MarkerKind.italicDigit.depth : MarkerKind.lower.depth
                let romanKind: MarkerKind = marker.italic ? .italicRoman : .roman
                let letterFits = letter.map { continues($0, at: letterDepth) } ?? false
                let romanFits = roman.map { continues($0, at: romanKind.depth) || ($0 == 1 && last[romanKind.depth] == 0) } ?? false
                let asLetter = Reading(kind: .lower, depth: letterDepth)
                let asRoman = Reading(kind: romanKind, depth: romanKind.depth)
                switch (letter, roman) {
                case (nil, _): reading = asRoman
                case (_, nil): reading = asLetter
                case (let letter?, let roman?):
                    if letterFits != romanFits {
                        reading = letterFits ? asLetter : asRoman
                    } else if letterFits {
                        // Both continue a sequence: roman inside a deeper paragraph (`(h)(1)(i)`).
                        reading = previousDepth > letterDepth ? asRoman : asLetter
                    } else {
                        // Neither: the one whose last value is nearer.
                        reading = abs(roman - last[romanKind.depth]) < abs(letter - last[letterDepth]) ? asRoman : asLetter
                    }
                }
            }
            // A range leaves its last value open.
            let value = marker.lastOrdinal(as: reading.kind) ?? 0
            last[reading.depth] = value
            for deeper in (reading.depth + 1)..<last.count { last[deeper] = 0 }
            readings.append(reading)
            previousDepth = reading.depth
            elided = false
        }
        return readings
    }

    /// Where each defined term sits, given the markers' readings: under the innermost paragraph
    /// open before it, or in place of the previous term.
    static func definitionDepths(_ items: [Item], readings: [Reading]) -> [Int] {
        var depths: [Int] = []
        var openDepth = -1          // depth of the innermost open marker paragraph
        var definitionDepth: Int?   // depth of the open term, if any
        var markerIndex = 0
        for item in items {
            switch item {
            case .elision, .parentStub: continue
            case .marker:
                let depth = readings[markerIndex].depth
                markerIndex += 1
                if let open = definitionDepth, depth <= open { definitionDepth = nil }
                openDepth = depth
            case .definition:
                let depth = definitionDepth ?? (openDepth + 1)
                depths.append(depth)
                definitionDepth = depth
                openDepth = depth
            }
        }
        return depths
    }

    // MARK: - State

    /// The open levels, outermost first: kind (3 bits), heading flag (1 bit), value (12 bits).
    private typealias Stack = MarkerStack

    private static func pack(_ kind: MarkerKind, _ value: Int, heading: Bool) -> UInt16 {
        UInt16(kind.rawValue) << 13 | (heading ? 1 << 12 : 0) | UInt16(min(value, 4095))
    }
    private static func kind(_ packed: UInt16) -> MarkerKind? { MarkerKind(rawValue: Int(packed >> 13)) }
    /// A defined term's place in the stack: kind bits 7.
    private static let scope: UInt16 = 7 << 13
    private static func isScope(_ packed: UInt16) -> Bool { packed >> 13 == 7 }

    /// The stack after a defined term: the previous term's scope closes, a new one opens.
    private static func enterScope(_ stack: Stack) -> Stack {
        if let open = stack.lastIndex(where: isScope) { return stack.prefix(open).appending(scope) }
        return stack.appending(scope)
    }
    private static func value(_ packed: UInt16) -> Int { Int(packed & 0x0FFF) }
    private static func heading(_ packed: UInt16) -> Bool { packed & (1 << 12) != 0 }

    /// The state after `marker` read as `kind`, with the cost of that step; nil when the level
    /// rules forbid it.
    /// `childOnly`: the marker follows a stub (`Item.parentStub`), so it opens below it.
    private static func step(_ stack: Stack, kind: MarkerKind, marker: ParagraphMarker, elided: Bool, childOnly: Bool = false,
                             strictOnly: Bool) -> (stack: Stack, depth: Int, cost: Int)? {
        guard let value = kind.ordinal(of: marker.label) else { return nil }
        let hasHeading = marker.heading != nil
        // A range `(c)-(w)` is placed by its first marker and leaves its last open: (x) follows it.
        let packed = pack(kind, marker.through == nil ? value : marker.lastOrdinal(as: kind) ?? value, heading: hasHeading)
        if let level = stack.lastIndex(where: { Self.kind($0) == kind }) {
            if childOnly { return nil }
            // A sibling at an open level: the next number (or any later one after an elision).
            let previous = Self.value(stack[level])
            guard elided ? value > previous : value == previous + 1 else { return nil }
            var cost = 0
            if !elided {
                for position in (level + 1)..<stack.count where !Self.isScope(stack[position]) && Self.value(stack[position]) == 1 { cost += 1 }
                if Self.heading(stack[level]) != hasHeading { cost += 1 }
            }
            return (stack.prefix(level).appending(packed), level, cost)
        }
        // A child of the innermost open level: a later kind, starting at 1. Below a defined
        // term numbering starts afresh with any kind.
        if let top = stack.last {
            var skipped = 0
            if let topKind = Self.kind(top) {
                guard kind > topKind else { return nil }
                skipped = kind.rawValue - topKind.rawValue - 1
            }
            if strictOnly, skipped > 0 { return nil }
            guard elided || value == 1 else { return nil }
            return (stack.appending(packed), stack.count, 2 * skipped)
        }
        // The section's first marker.
        guard elided || value == 1 else {
            return strictOnly ? nil : (Stack().appending(packed), 0, 3)
        }
        return (Stack().appending(packed), 0, kind == .lower || kind == .digit ? 0 : 1)
    }

    // MARK: - Fast path

    /// One pass that succeeds when every marker has exactly one strict reading at its step, which
    /// is most sections (no ambiguous letter, no skipped level).
    private func greedy(_ items: ArraySlice<Item>, count: Int) -> Solution? {
        var stack = Stack()
        var readings: [Reading] = []
        readings.reserveCapacity(count)
        var elided = false
        var stub = false
        for item in items {
            switch item {
            case .elision:
                elided = true
                stub = false
            case .parentStub:
                elided = true
                stub = true
            case .definition:
                stack = Self.enterScope(stack)
                stub = false
            case .marker(let marker):
                var found: (stack: Stack, depth: Int, kind: MarkerKind)?
                for kind in marker.candidates {
                    guard let next = Self.step(stack, kind: kind, marker: marker, elided: elided, childOnly: stub, strictOnly: true) else { continue }
                    if found != nil { return nil }
                    found = (next.stack, next.depth, kind)
                }
                guard let found else { return nil }
                stack = found.stack
                readings.append(Reading(kind: found.kind, depth: found.depth))
                elided = false
                stub = false
            }
        }
        return Solution(readings: readings, ambiguities: [], fitted: true)
    }

    // MARK: - Search

    private struct Node {
        var stack: Stack
        var score: Int
        var best: Int
        var reading: Reading
        /// Every (predecessor, reading) pair that reaches this state.
        var incoming: Edges
    }

    /// A state's incoming edges: nearly always one or two, so those two are held inline and only
    /// more go to an array (a search makes a state per reading per marker).
    private struct Edges {
        typealias Edge = (node: Int, reading: Reading, cost: Int)
        private var first: Edge?
        private var second: Edge?
        private var more: [Edge] = []

        init(_ edge: Edge? = nil) { first = edge }

        mutating func append(_ edge: Edge) {
            if first == nil { first = edge } else if second == nil { second = edge } else { more.append(edge) }
        }

        func forEach(_ body: (Edge) -> Void) {
            if let first { body(first) }
            if let second { body(second) }
            more.forEach(body)
        }
    }

    private static let beam = 256

    private func search(_ items: ArraySlice<Item>, relaxed: Bool) -> Solution? {
        // Every state of every layer in one array: a layer (the states after a marker) is a run of
        // it from `layerStarts`, and a state's predecessors are positions in the layer before.
        // One array for the search rather than several per marker.
        var nodes: [Node] = [Node(stack: Stack(), score: 0, best: -1, reading: Reading(kind: .lower, depth: -1), incoming: Edges())]
        nodes.reserveCapacity(4 * items.count + 1)
        var layerStarts: [Int] = [0]
        var elided = false
        var stub = false
        for item in items {
            let frontier = layerStarts[layerStarts.count - 1]..<nodes.count
            if case .definition = item {
                for index in frontier { nodes[index].stack = Self.enterScope(nodes[index].stack) }
                stub = false
                continue
            }
            guard case .marker(let marker) = item else {
                elided = true
                stub = item == .parentStub
                continue
            }
            let nextStart = nodes.count
            // States are found by a scan while there are few (nearly always), by a table after.
            var index: [Stack: Int]?
            func existing(_ stack: Stack) -> Int? {
                if let index { return index[stack] }
                return nodes[nextStart...].firstIndex { $0.stack == stack }
            }
            let kinds = relaxed ? marker.relaxedCandidates : marker.candidates
            for absolute in frontier {
                let position = absolute - frontier.lowerBound
                let stack = nodes[absolute].stack
                let nodeScore = nodes[absolute].score
                for kind in kinds {
                    guard let step = Self.step(stack, kind: kind, marker: marker, elided: elided, childOnly: stub, strictOnly: false) else { continue }
                    let reading = Reading(kind: kind, depth: step.depth)
                    let score = nodeScore + step.cost
                    if let existing = existing(step.stack) {
                        nodes[existing].incoming.append((position, reading, step.cost))
                        if score < nodes[existing].score {
                            nodes[existing].score = score
                            nodes[existing].best = position
                            nodes[existing].reading = reading
                        }
                    } else {
                        index?[step.stack] = nodes.count
                        nodes.append(Node(stack: step.stack, score: score, best: position, reading: reading, incoming: Edges((position, reading, step.cost))))
                        if index == nil, nodes.count - nextStart >= 16 {
                            index = Dictionary(uniqueKeysWithValues: (nextStart..<nodes.count).map { (nodes[$0].stack, $0) })
                        }
                    }
                }
            }
            if nodes.count == nextStart { return nil }
            if nodes.count - nextStart > Self.beam {
                // Keep the cheapest states; predecessors keep their positions in the previous layer.
                nodes[nextStart...].sort { $0.score < $1.score }
                nodes.removeLast(nodes.count - nextStart - Self.beam)
            }
            layerStarts.append(nextStart)
            elided = false
            stub = false
        }
        let layerCount = layerStarts.count
        func layer(_ number: Int) -> Range<Int> { layerStarts[number]..<(number + 1 < layerCount ? layerStarts[number + 1] : nodes.count) }

        // Close the open levels: an only child costs a point.
        func closing(_ node: Node) -> Int {
            var count = 0
            for position in stride(from: 1, to: node.stack.count, by: 1) where !Self.isScope(node.stack[position]) && Self.value(node.stack[position]) == 1 {
                count += 1
            }
            return count
        }
        let last = layer(layerCount - 1)
        guard let bestFinal = last.min(by: { nodes[$0].score + closing(nodes[$0]) < nodes[$1].score + closing(nodes[$1]) }) else { return nil }

        // The best path, back to front.
        var readings: [Reading] = []
        readings.reserveCapacity(layerCount - 1)
        var cursor = bestFinal - last.lowerBound
        for number in stride(from: layerCount - 1, to: 0, by: -1) {
            let node = layerStarts[number] + cursor
            readings.append(nodes[node].reading)
            cursor = nodes[node].best
        }
        readings.reverse()

        // For each marker, the cheapest complete path through each of its readings: the forward
        // score of the predecessor, the step, and the cheapest way on to the end.
        var toGo = [Int](repeating: Int.max / 4, count: nodes.count)
        for index in last { toGo[index] = closing(nodes[index]) }
        // Per marker, each reading and the cheapest total through it (a handful of readings: a
        // run of one list, `throughRuns[marker]`).
        var through: [(reading: Reading, total: Int)] = []
        var throughRuns = [Range<Int>](repeating: 0..<0, count: layerCount - 1)
        for number in stride(from: layerCount - 1, to: 0, by: -1) {
            let runStart = through.count
            let previous = layerStarts[number - 1]
            for index in layer(number) where toGo[index] < Int.max / 4 {
                nodes[index].incoming.forEach { (predecessor, reading, cost) in
                    let rest = cost + toGo[index]
                    toGo[previous + predecessor] = min(toGo[previous + predecessor], rest)
                    let total = nodes[previous + predecessor].score + rest
                    if let seen = through[runStart...].firstIndex(where: { $0.reading == reading }) {
                        through[seen].total = min(through[seen].total, total)
                    } else {
                        through.append((reading, total))
                    }
                }
            }
            throughRuns[number - 1] = runStart..<through.count
        }
        let bestScore = nodes[bestFinal].score + closing(nodes[bestFinal])
        var ambiguities: [Ambiguity] = []
        for (position, run) in throughRuns.enumerated() {
            let options = through[run]
            let chosen = readings[position]
            // Readings within one point of the best stay plausible; costlier ones are not reported.
            let others = options.filter { $0.reading != chosen && $0.total <= bestScore + 1 }.map(\.reading)
                .sorted { ($0.kind, $0.depth) < ($1.kind, $1.depth) }
            if !others.isEmpty { ambiguities.append(Ambiguity(marker: position, chosen: chosen, alternatives: others)) }
        }
        return Solution(readings: readings, ambiguities: ambiguities, fitted: true)
    }
}
