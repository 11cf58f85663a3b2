import Foundation
import Hummingbird
import NIOCore

/// The fields of an `application/x-www-form-urlencoded` body or a query string.
struct FormFields: Sendable {
    private var values: [String: [String]] = [:]

    init(urlEncoded text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[name, default: []].append(value)
        }
    }

    init(values: [String: [String]]) { self.values = values }

    subscript(_ name: String) -> String? { values[name]?.first }

    /// A small form (sign-in, buttons): 64 KB is far more than any of ours.
    static func read(_ request: Request, limit: Int = 64 << 10) async throws -> FormFields {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw PageError(.contentTooLarge, "送信されたデータが大きすぎます", "ページを開き直してから、もう一度お試しください。")
        }
        return FormFields(urlEncoded: String(buffer: body))
    }

    static func query(_ request: Request) -> FormFields {
        FormFields(urlEncoded: request.uri.query ?? "")
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
