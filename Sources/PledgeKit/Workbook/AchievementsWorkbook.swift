import PledgeCore
import XLSXWriter

/// The achievements report (the Ageo style): the title and lead, then per area (the plan's top
/// level, in plan order) a heading row, a line counting its items by status, and each achievement
/// as a `・` item with its status beside it; then a sheet of the counts as numbers.
struct AchievementsWorkbook {
    let model: ReportModel
    let layout: WorkbookLayout
    let styles: WorkbookStyles
    let texts: LayoutTexts

    func write(into workbook: Workbook) throws {
        let sheet = try workbook.addWorksheet(layout.achievements.sheetName)
        try AchievementsSheet(model: model, layout: layout, styles: styles, texts: texts).write(into: sheet)
        if !layout.achievements.countSheetName.isEmpty {
            let counts = try workbook.addWorksheet(layout.achievements.countSheetName)
            try StatusCountSheet(model: model, layout: layout, styles: styles, texts: texts).write(into: counts)
        }
        sheet.activate()
    }
}

/// Area-level texts of the achievements layout.
extension AchievementsLayout {
    func heading(of area: PlanNode) -> String {
        areaHeading.replacingOccurrences(of: "{no}", with: area.number).replacingOccurrences(of: "{title}", with: area.title)
    }

    /// `取組 6件（実施済 5件、実施中 1件）`: statuses in the layout's order, then the items without one.
    func countLine(_ counts: StatusCounts, statuses: [ReportLayout.Status]) -> String {
        var parts = zip(statuses, counts.byStatus).filter { showZeroCounts || $0.1 > 0 }.map { status, count in
            statusCount.replacingOccurrences(of: "{label}", with: status.label).replacingOccurrences(of: "{count}", with: String(count))
        }
        if counts.withoutStatus > 0 {
            parts.append(statusCount.replacingOccurrences(of: "{label}", with: noStatusLabel)
                .replacingOccurrences(of: "{count}", with: String(counts.withoutStatus)))
        }
        var line = countLine.replacingOccurrences(of: "{count}", with: String(counts.total))
            .replacingOccurrences(of: "{statuses}", with: parts.joined(separator: separator))
        // An area with no items at all: drop an empty bracket such as `（）`.
        if parts.isEmpty { line = line.replacingOccurrences(of: "（）", with: "").replacingOccurrences(of: "()", with: "") }
        return line
    }
}

/// `取組状況`: A4 portrait, the column headings repeated on every page, one row per achievement.
struct AchievementsSheet {
    let model: ReportModel
    let layout: WorkbookLayout
    let styles: WorkbookStyles
    let texts: LayoutTexts

    /// Excel's limit on the characters of one cell.
    static let cellLimit = 32_767

    func write(into sheet: Worksheet) throws {
        let settings = layout.achievements
        let lastColumn = settings.showStatus ? 1 : 0
        let fullWidth = settings.itemWidth + (settings.showStatus ? settings.statusWidth : 0)
        try sheet.setColumns(0, 0, width: settings.itemWidth)
        if settings.showStatus { try sheet.setColumns(1, 1, width: settings.statusWidth) }

        var row = 0
        /// A text across the sheet's width, its row as high as its wrapped lines need.
        func wide(_ text: String, style: CellStyle, fontSize: Double) throws {
            try sheet.merge(.string(text), firstRow: row, firstColumn: 0, lastRow: row, lastColumn: lastColumn, style: style)
            try sheet.setRow(row, height: RowHeight.points([(text, fullWidth * layout.fontSize / fontSize)], fontSize: fontSize))
            row += 1
        }

        try wide(texts.fill(settings.title), style: styles.title.with { $0.wrap = true }, fontSize: layout.fontSize + 4)
        for line in settings.lead { try wide(texts.fill(line), style: styles.lead, fontSize: layout.fontSize) }
        row += 1  // a blank row between the lead and the table

        let headerRow = row
        try sheet.write(settings.itemHeading, row: row, column: 0, style: styles.heading)
        if settings.showStatus { try sheet.write(settings.statusHeading, row: row, column: 1, style: styles.heading) }
        row += 1

        let areaStyle = styles.textBold.with { $0.backgroundColor = 0xDDEBF7; $0.vertical = .center }
        let countStyle = styles.text.with { $0.fontColor = 0x404040; $0.vertical = .center }
        let statusStyle = styles.text.with { $0.horizontal = .center }
        for area in model.plan.policies {
            try wide(settings.heading(of: area), style: areaStyle, fontSize: layout.fontSize)
            let counts = model.statusCounts(under: area.id)
            try wide(settings.countLine(counts, statuses: model.layout.statuses), style: countStyle, fontSize: layout.fontSize)
            let activities = model.activities(under: area.id)
            if activities.isEmpty {
                try wide(settings.emptyAreaText, style: styles.text, fontSize: layout.fontSize)
                continue
            }
            for activity in activities {
                let item = settings.bullet + activity.text
                guard item.count <= Self.cellLimit else {
                    throw LayoutError("分野 \(model.plan.format(area.id)) の取組（\(activity.department)）が\(item.count)文字あり、Excelの1セルの上限(\(Self.cellLimit)文字)を超えます。")
                }
                try sheet.write(item, row: row, column: 0, style: styles.text)
                if settings.showStatus {
                    try sheet.write(activity.status ?? "", row: row, column: 1, style: statusStyle)
                }
                try sheet.setRow(row, height: RowHeight.points([(item, settings.itemWidth)], fontSize: layout.fontSize))
                row += 1
            }
        }
        sheet.freezePanes(row: headerRow + 1, column: 0)
        try sheet.setUpA4Printing(.portrait, headingRows: headerRow...headerRow, pageNumbers: true)
    }
}

/// `状況別件数`: one row per area, one column per status and the total, numbers stored as numbers.
struct StatusCountSheet {
    let model: ReportModel
    let layout: WorkbookLayout
    let styles: WorkbookStyles
    let texts: LayoutTexts

    static let headerRow = 2

    func write(into sheet: Worksheet) throws {
        let settings = layout.achievements
        let statuses = model.layout.statuses
        let areas = model.plan.policies
        let counts = areas.map { model.statusCounts(under: $0.id) }
        let showNoStatus = counts.contains { $0.withoutStatus > 0 }
        let headings = statuses.map(\.label) + (showNoStatus ? [settings.noStatusLabel] : []) + [settings.totalHeading]
        let lastColumn = 1 + headings.count
        try sheet.setColumns(0, 0, width: settings.numberWidth)
        try sheet.setColumns(1, 1, width: settings.areaTitleWidth)
        try sheet.setColumns(2, lastColumn, width: settings.countWidth)
        let title = texts.fill(settings.countSheetTitle)
        try sheet.merge(.string(title), firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: lastColumn, style: styles.title)

        let top = Self.headerRow
        try sheet.write(settings.areaNumberHeading, row: top, column: 0, style: styles.heading)
        try sheet.write(settings.areaTitleHeading, row: top, column: 1, style: styles.heading)
        for (offset, heading) in headings.enumerated() {
            try sheet.write(heading, row: top, column: 2 + offset, style: styles.heading)
        }
        let numberStyle = styles.number.with { $0.numberFormat = "0"; $0.vertical = .center }
        func values(_ counts: StatusCounts) -> [Int] {
            counts.byStatus + (showNoStatus ? [counts.withoutStatus] : []) + [counts.total]
        }
        for (index, area) in areas.enumerated() {
            let row = top + 1 + index
            try sheet.write(area.number, row: row, column: 0, style: styles.text.with { $0.horizontal = .center; $0.vertical = .center })
            try sheet.write(area.title, row: row, column: 1, style: styles.text.with { $0.vertical = .center })
            try sheet.setRow(row, height: RowHeight.points([(area.title, settings.areaTitleWidth)], fontSize: layout.fontSize))
            for (offset, value) in values(counts[index]).enumerated() {
                try sheet.write(.number(Double(value)), row: row, column: 2 + offset, style: numberStyle)
            }
        }
        let totalRow = top + 1 + areas.count
        let sums = counts.map(values).reduce(into: Array(repeating: 0, count: headings.count)) { sums, row in
            for (index, value) in row.enumerated() { sums[index] += value }
        }
        try sheet.merge(.string(settings.totalLabel), firstRow: totalRow, firstColumn: 0, lastRow: totalRow, lastColumn: 1,
                        style: styles.textBold.with { $0.horizontal = .center; $0.vertical = .center })
        for (offset, value) in sums.enumerated() {
            try sheet.write(.number(Double(value)), row: totalRow, column: 2 + offset,
                            style: numberStyle.with { $0.bold = true; $0.backgroundColor = 0xF2F2F2 })
        }
        try sheet.setUpA4Printing(.portrait, headingRows: top...top, pageNumbers: true)
    }
}
