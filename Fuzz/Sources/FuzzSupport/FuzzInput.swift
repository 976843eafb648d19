/// Reads a fuzz input as a stream of decisions: each call takes the next byte(s); past the end
/// every decision is 0, so every input, however short, describes one complete value.
public struct FuzzInput {
    private let bytes: [UInt8]
    private var index = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var isExhausted: Bool { index >= bytes.count }

    public mutating func byte() -> UInt8 {
        guard index < bytes.count else { return 0 }
        defer { index += 1 }
        return bytes[index]
    }

    /// A number in `0..<bound` (0 when `bound` is 0).
    public mutating func below(_ bound: Int) -> Int {
        guard bound > 0 else { return 0 }
        let wide = Int(byte()) << 8 | Int(byte())
        return wide % bound
    }

    public mutating func pick<T>(_ choices: [T]) -> T? {
        choices.isEmpty ? nil : choices[below(choices.count)]
    }

    /// A short string taken from the input itself (up to 24 bytes, any bytes, decoded leniently
    /// as the readers would after validation).
    public mutating func rawString() -> String {
        let count = below(25)
        var collected: [UInt8] = []
        for _ in 0..<count { collected.append(byte()) }
        return String(decoding: collected, as: UTF8.self)
    }
}
