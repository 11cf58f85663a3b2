import Foundation

/// Reads RFC 4180 CSV (or TSV) into a Table: quoted fields may hold commas, quotes (`""`) and line
/// breaks; records end with CRLF, LF or CR. A quote that opens and never closes, or text after a
/// closing quote, is an error naming the row and column, because reading past it would shift
/// every later value into the wrong column.
///
/// A file is streamed, never read whole: its head is sniffed (a workbook, binary data) and its
/// size bounded before the body is read; one pass decides the encoding (`EncodingScan`), a second
/// decodes and splits it with `TableLimits` enforced as each cell ends. Memory is one 1 MB chunk
/// plus the table.
public enum CSVReader {
    public static func read(contentsOf url: URL, displayName: String? = nil) throws(TableReadError) -> (table: Table, encoding: CSVEncoding) {
        let file = displayName ?? url.lastPathComponent
        let source = try RegularFile(path: url.path, file: file)
        let declared = try withHead(of: source) { head throws(TableReadError) in try TextEncodingDetector.sniff(head, file: file) }
        guard source.size <= TableLimits.maxCSVFileBytes else {
            throw TableReadError(file: file, "ファイルが大きすぎます（\(TableLimits.grouped(source.size))バイト、CSVの上限\(TableLimits.grouped(TableLimits.maxCSVFileBytes))バイト）。"
                                 + "提出ファイルとして想定する大きさを超えているため読み込みません。")
        }
        let bodyStart = TextEncodingDetector.bomLength(declared)
        var reading = TextEncodingDetector.Reading(encoding: declared ?? .utf8, runByRun: false)
        var notices: [TableNotice] = []
        if declared == nil || declared == .utf8BOM {
            var scan = EncodingScan(declaredUTF8: declared == .utf8BOM)
            try source.forEachChunk(from: bodyStart) { chunk in _ = scan.feed(chunk) }
            let verdict = scan.finish()
            reading = try TextEncodingDetector.reading(verdict, declared: declared, file: file)
            notices += TextEncodingDetector.mixedNotice(verdict, file: file).map { [$0] } ?? []
        }
        let encoding = reading.encoding
        let tabSeparated = url.pathExtension.lowercased() == "tsv" || encoding == .utf16LE || encoding == .utf16BE
        var tokenizer = CSVTokenizer(file: file, delimiter: tabSeparated ? UInt8(ascii: "\t") : UInt8(ascii: ","))
        if reading.runByRun {
            try stream(source, from: bodyStart, through: RunTranscoder(), to: &tokenizer)
        } else {
            try stream(source, from: bodyStart, through: ChunkTranscoder(encoding: encoding), to: &tokenizer)
        }
        return (Table(file: file, rows: try tokenizer.finish(), notices: notices), encoding)
    }

    private static func withHead<T>(of source: RegularFile, _ body: (UnsafeBufferPointer<UInt8>) throws(TableReadError) -> T) throws(TableReadError) -> T {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: TextEncodingDetector.headBytes, alignment: 16)
        defer { buffer.deallocate() }
        let count = try source.read(at: 0, count: TextEncodingDetector.headBytes, into: buffer)
        return try body(UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count))
    }

    /// The file's body, chunk by chunk, through `transcoder` into `tokenizer`.
    private static func stream<Transcoder: CSVTranscoder>(_ source: RegularFile, from start: Int, through transcoder: Transcoder,
                                                          to tokenizer: inout CSVTokenizer) throws(TableReadError) {
        var transcoder = transcoder
        try source.forEachChunk(from: start) { chunk throws(TableReadError) in
            try transcoder.feed(chunk, to: &tokenizer)
        }
        try transcoder.finish(to: &tokenizer)
    }

    /// Decodes bytes of both encodings run by run (`RunTranscoder`), for `TextEncodingDetector.decode`.
    static func decodeRunByRun(_ body: UnsafeBufferPointer<UInt8>, file: String) throws(TableReadError) -> String {
        var tokenizer = CSVTokenizer(file: file, delimiter: UInt8(ascii: ","))
        var transcoder = RunTranscoder(keepingText: true)
        try transcoder.feed(body, to: &tokenizer)
        try transcoder.finish(to: &tokenizer)
        return String(decoding: transcoder.decoded ?? [], as: UTF8.self)
    }

    /// Splits text already decoded (tests, and text from elsewhere) with the same rules and limits.
    public static func parse(_ text: String, file: String, delimiter: Unicode.Scalar = ",") throws(TableReadError) -> Table {
        var tokenizer = CSVTokenizer(file: file, delimiter: UInt8(ascii: delimiter))
        var utf8 = Array(text.utf8)
        try utf8.withUnsafeMutableBufferPointer { bytes throws(TableReadError) in try tokenizer.feed(UnsafeBufferPointer(bytes)) }
        utf8 = []
        return Table(file: file, rows: try tokenizer.finish())
    }
}
