import PledgeCore
import XLSXWriter

/// `I 市長公約取組状況総括表`: one row per policy and pledge, `全体` last, one column per year shown.
struct SummarySheet {
    let model: ReportModel
    let layout: WorkbookLayout
    let styles: WorkbookStyles
    let texts: LayoutTexts

    static let headerRow = 3

    func write(into sheet: Worksheet) throws {
        let years = model.yearsShown
        let history = model.layout.history
        let showsChange = history.showsChange(yearCount: years.count)
        let changeColumn = 2 + years.count
        let lastColumn = 1 + years.count + (showsChange ? 1 : 0)
        let settings = layout.summary
        try Self.writeTitleAndLead(layout: layout, lastColumn: lastColumn, styles: styles, texts: texts, into: sheet)

        let top = Self.headerRow
        try sheet.merge(.string(settings.categoryHeading), firstRow: top, firstColumn: 0, lastRow: top + 1, lastColumn: 1,
                        style: styles.heading)
        try sheet.merge(.string(settings.progressHeading), firstRow: top, firstColumn: 2, lastRow: top, lastColumn: 1 + years.count,
                        style: styles.heading)
        if showsChange {
            try sheet.merge(.string(history.changeHeading), firstRow: top, firstColumn: changeColumn, lastRow: top + 1,
                            lastColumn: changeColumn, style: styles.heading)
        }
        for (offset, figures) in years.enumerated() {
            try sheet.write(texts.fill(settings.yearHeading, label: figures.year.label), row: top + 1, column: 2 + offset,
                            style: styles.heading)
        }

        var row = top + 2
        for node in model.summaryNodes {
            let isPolicy = node.id.path.count == 1
            let textStyle = isPolicy ? styles.textBold : styles.text
            try sheet.write(node.number, row: row, column: 0, style: textStyle.with { $0.horizontal = .center })
            try sheet.write(node.title, row: row, column: 1, style: textStyle)
            try sheet.setRow(row, height: RowHeight.points([(node.title, settings.titleWidth)], fontSize: layout.fontSize))
            for (offset, figures) in years.enumerated() {
                try writeFigure(figures.percentages[node.id], digits: model.digits(of: node.id), bold: isPolicy,
                                isCurrent: figures.year == model.year, sheet: sheet, row: row, column: 2 + offset)
            }
            if showsChange {
                try writeChange(years.map { $0.percentages[node.id] }, digits: model.digits(of: node.id), bold: isPolicy,
                                sheet: sheet, row: row, column: changeColumn)
            }
            row += 1
        }
        try sheet.merge(.string(settings.overallLabel), firstRow: row, firstColumn: 0, lastRow: row, lastColumn: 1,
                        style: styles.textBold.with { $0.horizontal = .center })
        for (offset, figures) in years.enumerated() {
            try writeFigure(figures.overall, digits: layout.overallDigits(model), bold: true,
                            isCurrent: figures.year == model.year, sheet: sheet, row: row, column: 2 + offset)
        }
        if showsChange {
            try writeChange(years.map(\.overall), digits: layout.overallDigits(model), bold: true,
                            sheet: sheet, row: row, column: changeColumn)
        }
        try sheet.setUpA4Printing(.portrait, headingRows: top...top + 1, pageNumbers: true)
    }

    /// Column widths, the title and the lead paragraph above the table (shared with FiguresWorkbook).
    static func writeTitleAndLead(layout: WorkbookLayout, lastColumn: Int, styles: WorkbookStyles, texts: LayoutTexts,
                                  into sheet: Worksheet) throws {
        let settings = layout.summary
        try sheet.setColumns(0, 0, width: settings.numberWidth)
        try sheet.setColumns(1, 1, width: settings.titleWidth)
        try sheet.setColumns(2, lastColumn, width: settings.yearWidth)
        try sheet.write(texts.fill(settings.title), row: 0, column: 0, style: styles.title)
        try sheet.merge(.string(texts.fill(settings.lead)), firstRow: 1, firstColumn: 0, lastRow: 1, lastColumn: lastColumn,
                        style: styles.lead)
        let leadWidth = settings.numberWidth + settings.titleWidth + settings.yearWidth * Double(lastColumn - 1)
        try sheet.setRow(1, height: RowHeight.points([(texts.fill(settings.lead), leadWidth)], fontSize: layout.fontSize))
    }

    /// This year's figure less last year's, in points: `▲16`, `▼5`, `±0`; blank when either is missing.
    private func writeChange(_ values: [Rational?], digits: Int, bold: Bool, sheet: Worksheet, row: Int, column: Int) throws {
        let style = styles.percent(digits: digits, bold: bold).with { $0.horizontal = .right }
        guard values.count >= 2, let current = values[values.count - 1], let last = values[values.count - 2] else {
            try sheet.write("", row: row, column: column, style: style)
            return
        }
        try sheet.write(Self.change(from: last, to: current, digits: digits, marks: model.layout.history),
                        row: row, column: column, style: style)
    }

    static func change(from last: Rational, to current: Rational, digits: Int, marks: HistoryLayout) -> String {
        let difference = current + Rational(-1) * last
        let mark = difference > Rational(0) ? marks.riseMark : difference < Rational(0) ? marks.fallMark : marks.unchangedMark
        let magnitude = difference < Rational(0) ? Rational(-1) * difference : difference
        return mark + magnitude.formatted(digits: digits)
    }

    /// A percentage as a number; a figure this year's reports cannot give shows the unreported label.
    private func writeFigure(_ value: Rational?, digits: Int, bold: Bool, isCurrent: Bool, sheet: Worksheet,
                             row: Int, column: Int) throws {
        let style = styles.percent(digits: digits, bold: bold)
        if let value {
            try sheet.write(.number(value.doubleValue), row: row, column: column, style: style)
        } else {
            try sheet.write(isCurrent ? layout.unreportedLabel : "", row: row, column: column, style: style)
        }
    }
}

extension WorkbookLayout {
    func overallDigits(_ model: ReportModel) -> Int { model.layout.averaging.overallDigits }
}

