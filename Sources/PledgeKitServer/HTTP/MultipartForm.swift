import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A `multipart/form-data` body, read whole (up to the upload limit) and split into its parts.
struct MultipartForm: Sendable {
    struct Part: Sendable {
        var name: String
        /// The file name the browser sent (for display only: never a path).
        var fileName: String?
        var data: Data
    }

    var parts: [Part]

    func field(_ name: String) -> String? {
        parts.first { $0.name == name && $0.fileName == nil }.map { String(decoding: $0.data, as: UTF8.self) }
    }

    func files(_ name: String) -> [Part] {
        parts.filter { $0.name == name && $0.fileName != nil }
    }

    /// Refuses a body past `limit` with 413 (from Content-Length before reading, else while reading).
    static func read(_ request: Request, limit: Int) async throws -> MultipartForm {
        guard let contentType = request.headers[.contentType], let boundary = boundary(of: contentType) else {
            throw PageError(.badRequest, "ファイルを受け取れません", "ファイルを選んでから「アップロード」を押してください。")
        }
        // The limit is on the file; the form's other fields and part headers add a little.
        let bodyLimit = limit + 64 << 10
        if let length = request.headers[.contentLength].flatMap(Int.init), length > bodyLimit {
            throw PageError.tooLarge(limit: limit)
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: bodyLimit)
        } catch is NIOTooManyBytesError {
            throw PageError.tooLarge(limit: limit)
        }
        return try parse(body, boundary: boundary)
    }

    static func parse(_ body: ByteBuffer, boundary: String) throws -> MultipartForm {
        let parser = MultipartParser(boundary: boundary)
        var parts: [Part] = []
        var headers: [(String, String)] = []
        var data = Data()
        parser.onHeader = { name, value in headers.append((name, value)) }
        parser.onBody = { buffer in data.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            let disposition = headers.first { $0.0.lowercased() == "content-disposition" }?.1 ?? ""
            let parameters = ContentDisposition.parameters(disposition)
            if let name = parameters["name"] {
                parts.append(Part(name: name, fileName: parameters["filename"], data: data))
            }
            headers = []
            data = Data()
        }
        do {
            try parser.execute(body)
        } catch {
            throw PageError(.badRequest, "ファイルを受け取れません", "送信が途中で切れたようです。もう一度アップロードしてください。")
        }
        return MultipartForm(parts: parts)
    }

    /// The boundary of `multipart/form-data; boundary=…` (1–70 characters, RFC 2046), or nil.
    static func boundary(of contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.first?.lowercased() == "multipart/form-data" else { return nil }
        for piece in pieces.dropFirst() where piece.lowercased().hasPrefix("boundary=") {
            var value = String(piece.dropFirst("boundary=".count))
            if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return (1...70).contains(value.utf8.count) ? value : nil
        }
        return nil
    }
}

/// The parameters of a Content-Disposition header (`form-data; name="file"; filename="x.xlsx"`),
/// with quoted values that may hold `;` and `\"`, and `filename*=UTF-8''…` preferred when present.
enum ContentDisposition {
    static func parameters(_ header: String) -> [String: String] {
        var result: [String: String] = [:]
        var index = header.startIndex
        func skipSpaces() { while index < header.endIndex, header[index] == " " || header[index] == "\t" { index = header.index(after: index) } }
        // Skip the disposition type.
        while index < header.endIndex, header[index] != ";" { index = header.index(after: index) }
        while index < header.endIndex {
            index = header.index(after: index)  // past ';'
            skipSpaces()
            var key = ""
            while index < header.endIndex, header[index] != "=", header[index] != ";" { key.append(header[index]); index = header.index(after: index) }
            key = key.trimmingCharacters(in: .whitespaces).lowercased()
            var value = ""
            if index < header.endIndex, header[index] == "=" {
                index = header.index(after: index)
                skipSpaces()
                if index < header.endIndex, header[index] == "\"" {
                    index = header.index(after: index)
                    while index < header.endIndex, header[index] != "\"" {
                        if header[index] == "\\", header.index(after: index) < header.endIndex { index = header.index(after: index) }
                        value.append(header[index])
                        index = header.index(after: index)
                    }
                    if index < header.endIndex { index = header.index(after: index) }
                    while index < header.endIndex, header[index] != ";" { index = header.index(after: index) }
                } else {
                    while index < header.endIndex, header[index] != ";" { value.append(header[index]); index = header.index(after: index) }
                    value = value.trimmingCharacters(in: .whitespaces)
                }
            }
            if !key.isEmpty { result[key] = value }
        }
        if let extended = result["filename*"], let decoded = decodeExtended(extended) { result["filename"] = decoded }
        return result
    }

    /// `UTF-8''%E8%B2%A1.xlsx` (RFC 5987).
    private static func decodeExtended(_ value: String) -> String? {
        let parts = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].lowercased() == "utf-8" else { return nil }
        return String(parts[2]).removingPercentEncoding
    }
}
