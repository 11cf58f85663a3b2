import CXLSXWriter

/// A libxlsxwriter failure, carrying `lxw_strerror`'s text and what was being done.
public struct XLSXWriterError: Error, Sendable, CustomStringConvertible {
    public let code: Int
    public let message: String
    public let operation: String

    public init(code: Int, message: String, operation: String) {
        self.code = code
        self.message = message
        self.operation = operation
    }

    public var description: String { "\(operation): \(message) (lxw_error \(code))" }

    /// Turns a non-zero `lxw_error` into a thrown error.
    static func check(_ error: lxw_error, _ operation: @autoclosure () -> String) throws(XLSXWriterError) {
        guard error != LXW_NO_ERROR else { return }
        throw XLSXWriterError(code: Int(error.rawValue), message: String(cString: lxw_strerror(error)), operation: operation())
    }
}
