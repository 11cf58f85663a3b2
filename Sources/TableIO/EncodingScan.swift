/// Decides a BOM-less CSV's encoding from its bytes, line by line, in one pass of constant memory.
/// Each run of bytes between two ASCII bytes below 0x40 gives its own evidence
/// (`SegmentEvidence`): UTF-8, CP932, or either. A line votes for each encoding one of its runs
/// is. A file whose lines vote one way is read in that encoding; a file whose lines vote both ways
/// (a line, or one field, pasted from a file of the other encoding) is read run by run, each in
/// its own encoding, so that neither part turns into mojibake. What the evidence cannot decide is
/// refused, naming the line: a run that reads as ordinary Japanese both ways, unless the file is
/// UTF-8 (CP932 text is valid UTF-8 only by rare accident, and never as ordinary Japanese and
/// implausible CP932 at once); and, in a file of both encodings, any run valid in both.
/// Row boundaries are line breaks outside quotes; `"`, CR and LF are single bytes that no
/// multi-byte character of either encoding contains.
struct EncodingScan {
    enum Verdict: Equatable {
        case utf8, cp932
        /// Lines of both encodings, each run of which the evidence decides: read run by run. The
        /// encoding most lines use and where one of them is, and the first line of the other.
        case mixed(majority: CSVEncoding, majorityRow: Int, minority: CSVEncoding, minorityRow: Int, minorityRows: Int)
        /// A NUL byte: not a text file.
        case binary
        /// The first row that is neither UTF-8 nor CP932.
        case invalid(row: Int)
        /// The first row with a run the evidence cannot decide; `mixed` when the file has lines of both encodings.
        case undecidable(row: Int, mixed: Bool)
    }

    /// A UTF-8 BOM declares the encoding: the file is UTF-8 wherever the evidence does not say CP932.
    let declaredUTF8: Bool
    private var row = 1
    private var inQuotes = false
    private var afterCR = false
    private var rowHasBytes = false
    private var segment = SegmentEvidence()
    private var rowUTF8 = false, rowCP932 = false, rowJapaneseEither = false, rowOtherEither = false
    private var utf8Rows = 0, cp932Rows = 0
    private var firstUTF8Row = 0, firstCP932Row = 0
    private var firstJapaneseEitherRow = 0, firstOtherEitherRow = 0
    private(set) var stopped: Verdict?

    init(declaredUTF8: Bool = false) { self.declaredUTF8 = declaredUTF8 }

    /// Scans more bytes; false once the verdict is already known (binary or invalid).
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard stopped == nil else { return false }
        for byte in bytes {
            if afterCR {
                afterCR = false
                if byte == 0x0A { continue }
            }
            if byte == 0 { stopped = .binary; return false }
            guard SegmentEvidence.isBoundary(byte) else {
                rowHasBytes = true
                segment.add(byte)
                continue
            }
            if !endSegment() { return false }
            if !inQuotes && (byte == 0x0D || byte == 0x0A) {
                endRow()
                afterCR = byte == 0x0D
                continue
            }
            if byte == 0x22 { inQuotes.toggle() }
            rowHasBytes = true
        }
        return true
    }

    /// Records the run just ended; false when it is neither encoding (the scan stops there).
    private mutating func endSegment() -> Bool {
        switch segment.end() {
        case .ascii: break
        case .utf8: rowUTF8 = true
        case .cp932: rowCP932 = true
        case .ambiguousJapanese: rowJapaneseEither = true
        case .ambiguousOther: rowOtherEither = true
        case .invalid:
            stopped = .invalid(row: row)
            return false
        }
        return true
    }

    private mutating func endRow() {
        if rowUTF8 {
            if utf8Rows == 0 { firstUTF8Row = row }
            utf8Rows += 1
        }
        if rowCP932 {
            if cp932Rows == 0 { firstCP932Row = row }
            cp932Rows += 1
        }
        if rowJapaneseEither && firstJapaneseEitherRow == 0 { firstJapaneseEitherRow = row }
        if rowOtherEither && firstOtherEitherRow == 0 { firstOtherEitherRow = row }
        row += 1
        rowHasBytes = false
        (rowUTF8, rowCP932, rowJapaneseEither, rowOtherEither) = (false, false, false, false)
    }

    /// The verdict once every byte has been fed.
    mutating func finish() -> Verdict {
        if stopped == nil {
            if endSegment() && rowHasBytes { endRow() }
        }
        if let stopped { return stopped }
        let utf8 = declaredUTF8 || utf8Rows > 0
        switch (utf8, cp932Rows > 0) {
        case (true, false):
            return .utf8
        case (false, true):
            return firstJapaneseEitherRow > 0 ? .undecidable(row: firstJapaneseEitherRow, mixed: false) : .cp932
        case (false, false):
            return firstJapaneseEitherRow > 0 ? .undecidable(row: firstJapaneseEitherRow, mixed: false) : .utf8
        case (true, true):
            let either = [firstJapaneseEitherRow, firstOtherEitherRow].filter { $0 > 0 }.min()
            if let either { return .undecidable(row: either, mixed: true) }
            // The majority is what the file was saved as; on a tie, the encoding that starts first.
            let cp932IsMinority = !declaredUTF8 && (cp932Rows < utf8Rows || (cp932Rows == utf8Rows && firstCP932Row > firstUTF8Row))
            if declaredUTF8 || cp932IsMinority {
                return .mixed(majority: declaredUTF8 ? .utf8BOM : .utf8, majorityRow: declaredUTF8 ? 1 : firstUTF8Row,
                              minority: .cp932, minorityRow: firstCP932Row, minorityRows: cp932Rows)
            }
            return .mixed(majority: .cp932, majorityRow: firstCP932Row, minority: .utf8, minorityRow: firstUTF8Row, minorityRows: utf8Rows)
        }
    }
}
