/// Why a file could not be read as a table at all. The message is for the person who sent the
/// file (in Japanese), and always names the file.
public struct TableReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public init(file: String, _ message: String) {
        self.init(SourceLocation(file: file), message)
    }

    public var description: String { "\(location): \(message)" }
}
