/// How a cell looks, as a value: the workbook turns each distinct style into one libxlsxwriter
/// format, so callers describe styles without managing format objects.
public struct CellStyle: Hashable, Sendable {
    public enum HorizontalAlignment: Sendable, Hashable { case general, left, center, right }
    public enum VerticalAlignment: Sendable, Hashable { case top, center, bottom }

    public var fontName: String?
    public var fontSize: Double?
    public var bold = false
    public var fontColor: UInt32?
    public var backgroundColor: UInt32?
    public var horizontal: HorizontalAlignment = .general
    public var vertical: VerticalAlignment = .center
    public var wrap = false
    /// Thin borders on all four sides.
    public var border = false
    public var numberFormat: String?
    /// Locked cells cannot be edited once the sheet is protected (Excel's default is locked).
    public var locked = true
    public var indent: Int = 0

    public init(fontName: String? = nil, fontSize: Double? = nil, bold: Bool = false, fontColor: UInt32? = nil,
                backgroundColor: UInt32? = nil, horizontal: HorizontalAlignment = .general,
                vertical: VerticalAlignment = .center, wrap: Bool = false, border: Bool = false,
                numberFormat: String? = nil, locked: Bool = true, indent: Int = 0) {
        self.fontName = fontName
        self.fontSize = fontSize
        self.bold = bold
        self.fontColor = fontColor
        self.backgroundColor = backgroundColor
        self.horizontal = horizontal
        self.vertical = vertical
        self.wrap = wrap
        self.border = border
        self.numberFormat = numberFormat
        self.locked = locked
        self.indent = indent
    }

    /// A copy with some properties changed: `base.with { $0.bold = true }`.
    public func with(_ change: (inout CellStyle) -> Void) -> CellStyle {
        var copy = self
        change(&copy)
        return copy
    }
}
