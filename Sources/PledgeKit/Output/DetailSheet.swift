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
                try writeLeaf(node, sheet: sheet, row: row)
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
            }
            row += 1
        }
        try sheet.setUpA4Printing(.portrait, headingRows: Self.headerRow...Self.headerRow, pageNumbers: true)
    }

    private func writeLeaf(_ leaf: PlanNode, sheet: Worksheet, row: Int) throws {
        let activities = model.activities(under: leaf.id)
        let lines = ["● " + leaf.title] + activities.map { "・" + $0.text }
        let content = lines.joined(separator: "\n")
        guard content.count <= Self.cellLimit else {
            throw LayoutError("施策 \(model.plan.format(leaf.id)) の取組事業内容が\(content.count)文字あり、Excelの1セルの上限(\(Self.cellLimit)文字)を超えます。")
        }
        let departments = leaf.departments.map { "・" + $0 }.joined(separator: "\n")
        try sheet.write(content, row: row, column: 0, style: styles.text)
        try sheet.write(departments, row: row, column: 1, style: styles.text)
        let settings = layout.detail
        try sheet.setRow(row, height: RowHeight.points([(content, settings.contentWidth), (departments, settings.departmentWidth)],
                                                       fontSize: layout.fontSize))
        let stars = model.progress.stars(leaf.id).map(Stars.glyphs) ?? layout.unreportedLabel
        try sheet.write(stars, row: row, column: 2, style: styles.stars)
    }
}

