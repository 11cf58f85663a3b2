import XLSXWriter

/// The cell styles the report sheets share, all in the layout's Japanese font.
struct WorkbookStyles {
    let base: CellStyle
    let title: CellStyle
    let lead: CellStyle
    let heading: CellStyle
    /// A bordered text cell, wrapped, aligned top-left (activities, titles).
    let text: CellStyle
    let textBold: CellStyle
    /// A bordered whole-number percentage and a one-decimal one.
    let percent: CellStyle
    let percentOneDecimal: CellStyle
    let percentBold: CellStyle
    let percentOneDecimalBold: CellStyle
    let stars: CellStyle
    let number: CellStyle

    init(layout: WorkbookLayout) {
        base = CellStyle(fontName: layout.fontName, fontSize: layout.fontSize, vertical: .center)
        title = base.with { $0.fontSize = layout.fontSize + 4; $0.bold = true }
        lead = base.with { $0.wrap = true; $0.vertical = .top }
        heading = base.with { $0.bold = true; $0.border = true; $0.horizontal = .center; $0.wrap = true; $0.backgroundColor = 0xDDEBF7 }
        text = base.with { $0.border = true; $0.wrap = true; $0.vertical = .top; $0.horizontal = .left }
        textBold = text.with { $0.bold = true; $0.backgroundColor = 0xF2F2F2 }
        percent = base.with { $0.border = true; $0.horizontal = .center; $0.vertical = .top; $0.numberFormat = "0" }
        percentOneDecimal = percent.with { $0.numberFormat = "0.0" }
        percentBold = percent.with { $0.bold = true; $0.backgroundColor = 0xF2F2F2 }
        percentOneDecimalBold = percentOneDecimal.with { $0.bold = true; $0.backgroundColor = 0xF2F2F2 }
        stars = base.with { $0.border = true; $0.horizontal = .center; $0.vertical = .top; $0.wrap = true }
        number = base.with { $0.border = true; $0.horizontal = .right; $0.vertical = .top }
    }

    /// A percentage style for a number printed with `digits` decimals.
    func percent(digits: Int, bold: Bool) -> CellStyle {
        let style = bold ? percentBold : percent
        return digits == 0 ? style : style.with { $0.numberFormat = "0." + String(repeating: "0", count: digits) }
    }
}
