import Foundation

/// Turns a file whose lines are of both encodings into UTF-8 for `CSVTokenizer`, run by run: each
/// run between two ASCII bytes below 0x40 is decoded in the encoding its own bytes show
/// (`SegmentEvidence`), as the scan that chose this reading decided it. Runs never cross a chunk's
/// end unfinished: a run's bytes wait for the byte that ends it.
struct RunTranscoder: CSVTranscoder {
    private var evidence = SegmentEvidence()
    private var run: [UInt8] = []
    private var output: [UInt8] = []
    /// Everything decoded, when the caller wants the text as well as the rows.
    private(set) var decoded: [UInt8]?

    init(keepingText: Bool = false) { decoded = keepingText ? [] : nil }

    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, to tokenizer: inout CSVTokenizer) throws(TableReadError) {
        for byte in chunk {
            if SegmentEvidence.isBoundary(byte) {
                try endRun(to: &tokenizer)
                output.append(byte)
            } else {
                evidence.add(byte)
                run.append(byte)
            }
        }
        try flush(to: &tokenizer)
    }

    mutating func finish(to tokenizer: inout CSVTokenizer) throws(TableReadError) {
        try endRun(to: &tokenizer)
        try flush(to: &tokenizer)
    }

    private mutating func endRun(to tokenizer: inout CSVTokenizer) throws(TableReadError) {
        guard !run.isEmpty else { return }
        defer { run.removeAll(keepingCapacity: true) }
        switch evidence.end() {
        case .ascii, .utf8:
            output.append(contentsOf: run)
        case .cp932:
            guard let text = String(bytes: run, encoding: .shiftJIS) else {
                try flush(to: &tokenizer)
                let row = tokenizer.currentRow
                throw TableReadError(SourceLocation(file: tokenizer.file, row: row),
                                     "\(row)行目に\(CSVEncoding.cp932.japaneseName)の文字として読めないバイト列があります。"
                                     + "ExcelでCSV形式またはCSV UTF-8形式で保存し直してください。")
            }
            output.append(contentsOf: text.utf8)
        case .ambiguousJapanese, .ambiguousOther, .invalid:
            // The scan refuses these before this reading is chosen; a file that changed since is refused here.
            try flush(to: &tokenizer)
            throw TextEncodingDetector.undecidable(row: tokenizer.currentRow, mixed: true, file: tokenizer.file)
        }
    }

    private mutating func flush(to tokenizer: inout CSVTokenizer) throws(TableReadError) {
        guard !output.isEmpty else { return }
        defer { output.removeAll(keepingCapacity: true) }
        decoded?.append(contentsOf: output)
        try output.withUnsafeBufferPointer { bytes throws(TableReadError) in try tokenizer.feed(bytes) }
    }
}
