import Foundation

/// Excel's `_xHHHH_` escapes in cell text (ECMA-376 ST_Xstring): a UTF-16 code unit written as four
/// hex digits, for characters XML cannot carry or Excel chose to escape. Excel writes a carriage
/// return typed with Alt+Enter or pasted as `_x000D_`; `_x005F_` is a literal underscore, so
/// `_x005F_x000D_` reads `_x000D_`. Hex digits in either case; surrogate pairs are two escapes.
enum ExcelEscapes {
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard mayHaveEscape(bytes) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if let unit = escape(bytes, at: index) {
                index += 7
                var scalar = Unicode.Scalar(unit)
                if scalar == nil, (0xD800...0xDBFF).contains(unit), let low = escape(bytes, at: index), (0xDC00...0xDFFF).contains(low) {
                    scalar = Unicode.Scalar(0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00))
                    index += 7
                }
                out.append(contentsOf: String(Character(scalar ?? "\u{FFFD}")).utf8)
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { decode($0) }
    }

    @inline(__always)
    private static func mayHaveEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 7, let base = bytes.baseAddress else { return false }
        var index = 0
        while index < bytes.count - 6, let found = memchr(base + index, Int32(UInt8(ascii: "_")), bytes.count - 6 - index) {
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            if base[index] == UInt8(ascii: "x") { return true }
        }
        return false
    }

    /// The code unit of `_xHHHH_` at `index`, or nil.
    @inline(__always)
    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt16? {
        guard index + 7 <= bytes.count, bytes[index] == UInt8(ascii: "_"), bytes[index + 1] == UInt8(ascii: "x"),
              bytes[index + 6] == UInt8(ascii: "_") else { return nil }
        var unit: UInt16 = 0
        for offset in 2..<6 {
            let byte = bytes[index + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            unit = unit << 4 | UInt16(digit)
        }
        return unit
    }
}
