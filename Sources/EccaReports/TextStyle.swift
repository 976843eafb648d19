/// Terminal styling: colour only when writing to a terminal and NO_COLOR is unset (no-color.org).
public struct TextStyle: Sendable {
    public var colour: Bool
    public init(colour: Bool) { self.colour = colour }

    public static let plain = TextStyle(colour: false)

    private func wrap(_ code: String, _ text: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    public func bold(_ text: String) -> String { wrap("1", text) }
    public func dim(_ text: String) -> String { wrap("2", text) }
    public func red(_ text: String) -> String { wrap("31", text) }
    public func green(_ text: String) -> String { wrap("32", text) }
    public func yellow(_ text: String) -> String { wrap("33", text) }
}
