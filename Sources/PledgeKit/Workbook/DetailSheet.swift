import PledgeCore
import XLSXWriter

/// `Ⅱ 市長公約取組状況`: per policy and pledge a title row with its %, per measure one row with the
/// measure, its activities as `・` lines, its departments and its stars.
struct DetailSheet {
    let model: ReportModel
    let layout: WorkbookLayout
    let styles: WorkbookStyles
    let texts: LayoutTexts

    /// Excel's limit on the characters of one cell.
    static let cellLimit = 32_767
    static let headerRow = 2

    func write(into sheet: Worksheet) throws {
        let settings = layout.detail
        try sheet.setColumns(0, 0, width: settings.contentWidth)
        try sheet.setColumns(1, 1, width: settings.departmentWidth)
        try sheet.setColumns(2, 2, width: settings.progressWidth)
        try sheet.write(texts.fill(settings.title), row: 0, column: 0, style: styles.title)
        let heading = [settings.policyHeading, settings.pledgeHeading, "● " + settings.measureHeading,
                       "・" + texts.fill(settings.activityHeading)].joined(separator: "\n")
        try sheet.write(heading, row: Self.headerRow, column: 0, style: styles.heading.with { $0.horizontal = .left })
        try sheet.write(settings.departmentHeading, row: Self.headerRow, column: 1, style: styles.heading)
        try sheet.write(settings.progressHeading, row: Self.headerRow, column: 2, style: styles.heading)
        try sheet.setRow(Self.headerRow, height: RowHeight.points([(heading, settings.contentWidth)], fontSize: layout.fontSize))

        var row = Self.headerRow + 1
        for node in model.plan.nodesInOrder {
            if node.children.isEmpty {
                row += try writeLeaf(node, sheet: sheet, row: row)
            } else {
                let isPolicy = node.id.path.count == 1
                let label = isPolicy ? "\(settings.policyPrefix)\(node.number) \(node.title)" : "\(node.number) \(node.title)"
                let style = isPolicy ? styles.textBold : styles.textBold.with { $0.backgroundColor = nil }
                try sheet.write(label, row: row, column: 0, style: style)
                try sheet.setRow(row, height: RowHeight.points([(label, settings.contentWidth)], fontSize: layout.fontSize))
                try sheet.write("", row: row, column: 1, style: style)
                let digits = model.digits(of: node.id)
                if let value = model.progress.percentages[node.id] {
                    try sheet.write(.number(value.doubleValue), row: row, column: 2, style: styles.percent(digits: digits, bold: true))
                } else {
                    try sheet.write(layout.unreportedLabel, row: row, column: 2, style: styles.percent(digits: digits, bold: true))
                }
                row += 1
            }
        }
        try sheet.setUpA4Printing(.portrait, headingRows: Self.headerRow...Self.headerRow, pageNumbers: true)
    }

    /// Writes a measure from `row` on and returns the rows it took: one, as the report prints it,
    /// unless its activities outgrow one row (Excel's 409 pt or 32,767 characters), then as many
    /// rows as they need, the departments and the stars merged beside them.
    private func writeLeaf(_ leaf: PlanNode, sheet: Worksheet, row: Int) throws -> Int {
        let settings = layout.detail
        // Each line measured once: its wrapped lines and characters decide the height, the limit and the rows.
        let lines = [RowHeight.MeasuredLine("● " + leaf.title, width: settings.contentWidth)]
            + model.positions(under: leaf.id).map { RowHeight.MeasuredLine("・" + model.activities[$0].activity.text, width: settings.contentWidth) }
        // Counting UTF-16 units first: a character is at least one, and counting characters is slow.
        if let line = lines.first(where: { $0.characters > Self.cellLimit && $0.text.count > Self.cellLimit }) {
            throw LayoutError("施策 \(model.plan.format(leaf.id)) の取組事業内容が\(line.text.count)文字あり、Excelの1セルの上限(\(Self.cellLimit)文字)を超えます。")
        }
        let departments = leaf.departments.map { "・" + $0 }.joined(separator: "\n")
        let content = RowHeight.measureJoined(lines, width: settings.contentWidth)
        let lineCount = max(content.lines, RowHeight.lines(departments, width: settings.departmentWidth))
        let height = RowHeight.points(lineCount: lineCount, fontSize: layout.fontSize)
        let stars = model.progress.stars(leaf.id).map(Stars.glyphs) ?? layout.unreportedLabel
        let text = { (lines: ArraySlice<RowHeight.MeasuredLine>) in lines.map(\.text).joined(separator: "\n") }
        let whole = text(lines[...])
        guard height > RowHeight.maximum || (content.characters > Self.cellLimit && whole.count > Self.cellLimit) else {
            try sheet.write(whole, row: row, column: 0, style: styles.text)
            try sheet.write(departments, row: row, column: 1, style: styles.text)
            try sheet.setRow(row, height: height)
            try sheet.write(stars, row: row, column: 2, style: styles.stars)
            return 1
        }
        let pieces = RowHeight.rows(lines, fontSize: layout.fontSize, characterLimit: Self.cellLimit)
        for (offset, piece) in pieces.enumerated() {
            try sheet.write(text(piece), row: row + offset, column: 0, style: styles.text)
            let pieceLines = RowHeight.measureJoined(piece, width: settings.contentWidth).lines
            try sheet.setRow(row + offset, height: min(RowHeight.points(lineCount: pieceLines, fontSize: layout.fontSize), RowHeight.maximum))
        }
        let last = row + pieces.count - 1
        try sheet.merge(.string(departments), firstRow: row, firstColumn: 1, lastRow: last, lastColumn: 1, style: styles.text)
        try sheet.merge(.string(stars), firstRow: row, firstColumn: 2, lastRow: last, lastColumn: 2, style: styles.stars)
        return pieces.count
    }
}
