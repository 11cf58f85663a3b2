import Foundation

/// Turns a CSV file's bytes, chunk by chunk, into the UTF-8 `CSVTokenizer` splits.
protocol CSVTranscoder {
    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, to tokenizer: inout CSVTokenizer) throws(TableReadError)
    mutating func finish(to tokenizer: inout CSVTokenizer) throws(TableReadError)
}

/// Turns a file's chunks into UTF-8 for `CSVTokenizer`: UTF-8 as it is (the scan has checked it),
/// CP932 and UTF-16 through Foundation, each chunk cut at a character boundary (a CP932 lead byte
/// or a UTF-16 high surrogate at its end waits for the next chunk). A chunk Foundation cannot
/// decode (a CP932 code with no character, which the scan's byte ranges let through) is decoded
/// again line by line, so that the error names the row.
struct ChunkTranscoder: CSVTranscoder {
    let encoding: CSVEncoding
    private var carry: [UInt8] = []

    init(encoding: CSVEncoding) { self.encoding = encoding }

    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, to tokenizer: inout CSVTokenizer) throws(TableReadError) {
        if encoding == .utf8 || encoding == .utf8BOM {
            try tokenizer.feed(chunk)
            return
        }
        var bytes = carry
        bytes.append(contentsOf: chunk)
        let cut = boundary(bytes)
        carry = Array(bytes[cut...])
        try decode(bytes[..<cut], to: &tokenizer)
    }

    mutating func finish(to tokenizer: inout CSVTokenizer) throws(TableReadError) {
        guard !carry.isEmpty else { return }
        try decode(carry[...], to: &tokenizer)
        carry = []
    }

    /// The length of the longest prefix that ends on a character boundary.
    private func boundary(_ bytes: [UInt8]) -> Int {
        switch encoding {
        case .cp932:
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let width = (0x81...0x9F).contains(byte) || (0xE0...0xFC).contains(byte) ? 2 : 1
                if index + width > bytes.count { break }
                index += width
            }
            return index
        case .utf16LE, .utf16BE:
            var cut = bytes.count & ~1
            if cut >= 2 {
                let high = encoding == .utf16LE ? bytes[cut - 1] : bytes[cut - 2]
                if (0xD8...0xDB).contains(high) { cut -= 2 }
            }
            return cut
        default:
            return bytes.count
        }
    }

    private func decode(_ bytes: ArraySlice<UInt8>, to tokenizer: inout CSVTokenizer) throws(TableReadError) {
        if let text = String(bytes: bytes, encoding: encoding.foundation) {
            try feed(text, to: &tokenizer)
            return
        }
        // Line by line up to the one that fails: the tokenizer then stands on its row.
        let lineFeed: [UInt8] = encoding == .utf16LE ? [0x0A, 0x00] : encoding == .utf16BE ? [0x00, 0x0A] : [0x0A]
        var start = bytes.startIndex
        var index = start
        while index < bytes.endIndex {
            let end = index + lineFeed.count
            if end <= bytes.endIndex && bytes[index..<end].elementsEqual(lineFeed) {
                guard let line = String(bytes: bytes[start..<end], encoding: encoding.foundation) else { break }
                try feed(line, to: &tokenizer)
                start = end
            }
            index += lineFeed.count
        }
        let row = tokenizer.currentRow
        throw TableReadError(SourceLocation(file: tokenizer.file, row: row),
                             "\(row)行目に\(encoding.japaneseName)の文字として読めないバイト列があります。"
                             + "ExcelでCSV形式またはCSV UTF-8形式で保存し直してください。")
    }

    private func feed(_ text: String, to tokenizer: inout CSVTokenizer) throws(TableReadError) {
        var text = text
        var failure: TableReadError?
        // withUTF8 rethrows untyped errors: the typed one is carried out by hand.
        text.withUTF8 { bytes in
            do throws(TableReadError) { try tokenizer.feed(bytes) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}
