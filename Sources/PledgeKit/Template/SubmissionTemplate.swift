import Foundation
import PledgeCore
import TableIO
import XLSXWriter

/// The submission workbook a department receives (`pledgekit template`): its measures pre-filled
/// and locked, input cells unlocked and restricted, and a layout that `merge` reads back unchanged
/// (label/value pairs above the header, the header names of PRODUCT.md §3).
///
/// Sheet `提出票`, rated plan of three levels:
/// ```
///  1  令和2年度 市長公約 取組状況 提出票
///  3  部署名 | 行政監理室
///  4  年度   | 令和2年度
///  5  提出日 | (to fill)
///  7  記入方法
///  8-10 instructions
/// 11  施策ID | 基本政策 | 公約 | 施策内容 | 取組事業内容 | 評価 | 備考
/// 12… one row per measure of the department, then free rows
/// ```
public struct SubmissionTemplate {
    public static let sheetName = "提出票"
    static let choicesSheetName = "選択肢"
    /// Rows left free below the pre-filled ones for further activities.
    public static let minimumFreeRows = 20

    let plan: Plan
    let year: FiscalYear
    let layout: ReportLayout
    let department: String

    public init(plan: Plan, year: FiscalYear, layout: ReportLayout, department: String) {
        self.plan = plan
        self.year = year
        self.layout = layout
        self.department = department
    }

    /// The rows of the layout (1-based, as the department sees them).
    public enum Rows {
        public static let title = 1
        public static let department = 3
        public static let fiscalYear = 4
        public static let submitted = 5
        public static let instructions = 7
        public static let header = 11
        public static var firstEntry: Int { header + 1 }
    }

    /// A column of the input table.
    struct Column {
        enum Kind { case id, ancestor(level: Int), title, activity, rating, status, note, evaluation(Evaluator) }
        var kind: Kind
        var header: String
        var width: Double
    }

    var columns: [Column] {
        var columns = [Column(kind: .id, header: "施策ID", width: 9)]
        let ancestorHeaders = ["基本政策", "公約"]
        for level in 0..<max(plan.depth - 1, 0) {
            columns.append(Column(kind: .ancestor(level: level), header: level < ancestorHeaders.count ? ancestorHeaders[level] : "上位",
                                  width: level == 0 ? 22 : 26))
        }
        columns.append(Column(kind: .title, header: "施策内容", width: plan.depth == 1 ? 30 : 36))
        // A KPI row names its indicator where others describe an activity (both read as `activity`).
        columns.append(Column(kind: .activity, header: layout.scheme.kind == .kpi && !layout.rated ? "指標名" : "取組事業内容", width: 56))
        if layout.rated {
            columns.append(Column(kind: .rating, header: "評価", width: 9))
        } else if layout.hasOwnScheme {
            let scheme = layout.scheme
            let evaluators = scheme.evaluators.flatMap { evaluator in
                scheme.scale(for: evaluator.key).kind == .kpi ? KPIColumns.evaluators(scheme.kpi) : [evaluator]
            }
            columns += evaluators.map { Column(kind: .evaluation($0), header: $0.heading, width: 11) }
        } else {
            columns.append(Column(kind: .status, header: "状況", width: 12))
        }
        columns.append(Column(kind: .note, header: "備考", width: 22))
        return columns
    }

    /// The department's measures, in plan order.
    public var measures: [PlanNode] {
        let key = Departments.key(department)
        return plan.leaves.filter { leaf in leaf.departments.contains { Departments.key($0) == key } }
    }

    public var freeRows: Int { max(Self.minimumFreeRows, measures.count) }

    /// Writes the workbook and returns its bytes.
    public func render() throws -> Data {
        try Workbook.data { workbook in
            try workbook.setProperties(DocumentProperties(
                title: "\(year.label) 市長公約 取組状況 提出票（\(department)）", subject: "市長公約 取組状況 提出票",
                author: layout.workbook?.organisation ?? "", company: layout.workbook?.organisation ?? "",
                created: year.firstDay))  // a fixed time: reruns give the same bytes
            try write(into: workbook)
        }
    }

    struct Styles {
        let base: CellStyle
        let title: CellStyle
        let label: CellStyle
        let value: CellStyle
        let input: CellStyle
        let dateInput: CellStyle
        let instructionHeading: CellStyle
        let instruction: CellStyle
        let header: CellStyle
        let fixed: CellStyle
        let fixedCenter: CellStyle
        let entry: CellStyle
        let entryCenter: CellStyle

        init(fontName: String, fontSize: Double) {
            base = CellStyle(fontName: fontName, fontSize: fontSize)
            title = base.with { $0.fontSize = fontSize + 4; $0.bold = true }
            label = base.with { $0.bold = true; $0.border = true; $0.backgroundColor = 0xDDEBF7 }
            value = base.with { $0.border = true; $0.backgroundColor = 0xF2F2F2 }
            input = base.with { $0.border = true; $0.backgroundColor = 0xFFF2CC; $0.locked = false }
            dateInput = input.with { $0.numberFormat = "yyyy/m/d"; $0.horizontal = .left }
            instructionHeading = base.with { $0.bold = true }
            instruction = base.with { $0.wrap = true; $0.vertical = .top }
            header = base.with { $0.bold = true; $0.border = true; $0.horizontal = .center; $0.wrap = true; $0.backgroundColor = 0xDDEBF7 }
            fixed = base.with { $0.border = true; $0.wrap = true; $0.vertical = .top; $0.backgroundColor = 0xF2F2F2 }
            fixedCenter = fixed.with { $0.horizontal = .center }
            entry = base.with { $0.border = true; $0.wrap = true; $0.vertical = .top; $0.backgroundColor = 0xFFF2CC; $0.locked = false }
            entryCenter = entry.with { $0.horizontal = .center }
        }
    }

    var instructions: [String] {
        let scheme = layout.scheme
        let others = scheme.evaluators.filter { scheme.scale(for: $0.key).kind != .kpi }
        // One scheme for every column: said once, as before evaluators could have their own.
        let allowed = Set(others.map { scheme.scale(for: $0.key).allowedValues })
        let evaluators = allowed.count == 1 ? others.map { "「\($0.heading)」" }.joined() + "に\(allowed.first!)"
            : others.map { "「\($0.heading)」に\(scheme.scale(for: $0.key).allowedValues)" }.joined(separator: "、")
        let kpi = layout.hasOwnScheme && scheme.kind == .kpi
        let baseline = scheme.kpi.usesBaseline ? "「基準値」、" : ""
        let kpiText = "「目標値」（0以上の数値）、\(baseline)「実績値」（未測定なら空欄）、「単位」を入力し、「方向」を一覧（\(KPIColumns.higher[0])・\(KPIColumns.lower[0])）から選んでください。"
        let judged = layout.rated
            ? "「評価」に進捗を0〜10の整数（10が最も進んでいる）で入力してください。"
            : kpi && others.isEmpty ? kpiText
            : layout.hasOwnScheme ? "\(evaluators)を入力してください（一覧があるときは選んでください）。" + (scheme.kpiEvaluator != nil ? "成果指標のある施策は" + kpiText + "成果指標のない施策は目標値・実績値を空欄にしてください。" : "")
            : "「状況」を一覧（\(layout.statuses.map(\.label).joined(separator: "・")))から選んでください。"
        let written = kpi ? "の成果指標を「指標名」" : "に実施した取組を「取組事業内容」"
        return [
            "1. 黄色の欄に記入してください。灰色の欄（施策ID・施策内容など）は変更できません。施策ごとに、\(year.label)\(written)に書き、\(judged)",
            "2. 1行に1つの取組を書きます。同じ施策に取組が2つ以上あるときは、下の空いている行に施策IDを選び（または入力し）、取組を書いてください。取組のない施策の行は空けたままにしてください。",
            "3. 提出日を入力して提出してください。提出後に直すときは、提出日を新しくしたファイル全体を送り直してください（後の提出日のファイルで置き換えます）。",
        ]
    }

    /// Lines a wrapped text takes in a column of `width` character units (a full-width character
    /// takes two units).
    static func lineCount(_ text: String, width: Double) -> Int {
        let usable = max(width - 1, 4)
        return text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { total, line in
            let units = line.unicodeScalars.reduce(0.0) { $0 + ($1.isASCII ? 1.0 : 2.0) }
            return total + max(1, Int((units / usable).rounded(.up)))
        }
    }

    func write(into workbook: Workbook) throws {
        let font = layout.workbook?.fontName ?? WorkbookLayout().fontName
        let styles = Styles(fontName: font, fontSize: layout.workbook?.fontSize ?? 10.5)
        let columns = self.columns
        let lastColumn = columns.count - 1
        let sheet = try workbook.addWorksheet(Self.sheetName)

        for (index, column) in columns.enumerated() {
            try sheet.setColumns(index, index, width: column.width)
        }
        let r = { (row: Int) in row - 1 }  // 1-based layout rows to the writer's 0-based rows

        try sheet.merge(.string("\(year.label) 市長公約 取組状況 提出票"), firstRow: r(Rows.title), firstColumn: 0,
                        lastRow: r(Rows.title), lastColumn: lastColumn, style: styles.title)
        try sheet.setRow(r(Rows.title), height: 24)

        // Label/value pairs: the value sits right of its label, and nothing else is within three
        // cells to the right (the reader takes the first non-empty cell there as the value).
        try sheet.write("部署名", row: r(Rows.department), column: 0, style: styles.label)
        try sheet.merge(.string(department), firstRow: r(Rows.department), firstColumn: 1, lastRow: r(Rows.department),
                        lastColumn: 2, style: styles.value)
        try sheet.write("年度", row: r(Rows.fiscalYear), column: 0, style: styles.label)
        try sheet.merge(.string(year.label), firstRow: r(Rows.fiscalYear), firstColumn: 1, lastRow: r(Rows.fiscalYear),
                        lastColumn: 2, style: styles.value)
        try sheet.write("提出日", row: r(Rows.submitted), column: 0, style: styles.label)
        try sheet.merge(.blank, firstRow: r(Rows.submitted), firstColumn: 1, lastRow: r(Rows.submitted), lastColumn: 2,
                        style: styles.dateInput)
        try sheet.restrictToDates(
            from: (year.year, 4, 1), to: (year.year + 2, 3, 31), row: r(Rows.submitted), column: 1,
            messages: .init(inputTitle: "提出日", inputMessage: "提出する日を 2021/4/20 の形で入力してください。送り直すときは新しい日付にします。",
                            errorTitle: "提出日を確認してください",
                            errorMessage: "提出日は \(year.year)/4/1 から \(year.year + 2)/3/31 までの日付を 2021/4/20 の形で入力してください。"))

        try sheet.write("記入方法", row: r(Rows.instructions), column: 0, style: styles.instructionHeading)
        for (offset, text) in instructions.enumerated() {
            let row = r(Rows.instructions) + 1 + offset
            try sheet.merge(.string(text), firstRow: row, firstColumn: 0, lastRow: row, lastColumn: lastColumn, style: styles.instruction)
            try sheet.setRow(row, height: 30)
        }

        for (index, column) in columns.enumerated() {
            try sheet.write(column.header, row: r(Rows.header), column: index, style: styles.header)
        }

        let measures = self.measures
        var row = r(Rows.firstEntry)
        for measure in measures {
            var lines = 2
            for (index, column) in columns.enumerated() {
                switch column.kind {
                case .id: try sheet.write(plan.format(measure.id), row: row, column: index, style: styles.fixedCenter)
                case .ancestor(let level):
                    let ancestor = plan.node(NodeID(Array(measure.id.path.prefix(level + 1))))
                    let text = ancestor.map { "\(plan.format($0.id)) \($0.title)" } ?? ""
                    lines = max(lines, Self.lineCount(text, width: column.width))
                    try sheet.write(text, row: row, column: index, style: styles.fixed)
                case .title:
                    lines = max(lines, Self.lineCount(measure.title, width: column.width))
                    try sheet.write(measure.title, row: row, column: index, style: styles.fixed)
                case .activity, .note: try sheet.write(.blank, row: row, column: index, style: styles.entry)
                case .rating, .status, .evaluation: try sheet.write(.blank, row: row, column: index, style: styles.entryCenter)
                }
            }
            // libxlsxwriter cannot fit a row to wrapped text: give it the height its longest cell needs.
            try sheet.setRow(row, height: Double(lines) * 13.5 + 4)
            row += 1
        }
        let firstFree = row
        let lastFree = firstFree + freeRows - 1
        for freeRow in firstFree...lastFree {
            try sheet.setRow(freeRow, height: 2 * 13.5 + 4)
            for (index, column) in columns.enumerated() {
                switch column.kind {
                case .id, .rating, .status, .evaluation: try sheet.write(.blank, row: freeRow, column: index, style: styles.entryCenter)
                case .ancestor: try sheet.write(.blank, row: freeRow, column: index, style: styles.fixed)
                case .title, .activity, .note: try sheet.write(.blank, row: freeRow, column: index, style: styles.entry)
                }
            }
        }
        let firstEntry = r(Rows.firstEntry)

        // Free rows name their measure from the department's own IDs; another ID is allowed (the
        // merge then warns that the measure is not assigned to the department).
        if let idColumn = columns.firstIndex(where: { if case .id = $0.kind { true } else { false } }), !measures.isEmpty {
            let letters = CellReference.columnLetters(idColumn + 1)
            try sheet.restrictToList(
                formula: "=$\(letters)$\(firstEntry + 1):$\(letters)$\(firstFree)", firstRow: firstFree, firstColumn: idColumn,
                lastRow: lastFree, lastColumn: idColumn, errorStyle: .information,
                messages: .init(inputTitle: "施策ID", inputMessage: "この取組の施策IDを一覧から選んでください。",
                                errorTitle: "施策IDを確認してください",
                                errorMessage: "担当の施策の一覧にないIDです。担当外の施策の取組であればそのまま進めてください。"))
        }
        if let ratingColumn = columns.firstIndex(where: { if case .rating = $0.kind { true } else { false } }) {
            try sheet.restrictToWholeNumbers(
                0, 10, firstRow: firstEntry, firstColumn: ratingColumn, lastRow: lastFree, lastColumn: ratingColumn,
                messages: .init(inputTitle: "評価（0〜10）", inputMessage: "進捗を0〜10の整数で入力してください（10が最も進んでいる）。",
                                errorTitle: "評価は0〜10の整数です", errorMessage: "評価は0〜10の整数で入力してください。"))
        }
        if let statusColumn = columns.firstIndex(where: { if case .status = $0.kind { true } else { false } }), !layout.statuses.isEmpty {
            let choices = try workbook.addWorksheet(Self.choicesSheetName)
            for (index, status) in layout.statuses.enumerated() {
                try choices.write(status.label, row: index, column: 0)
            }
            choices.hide()
            try sheet.restrictToList(
                formula: "='\(Self.choicesSheetName)'!$A$1:$A$\(layout.statuses.count)", firstRow: firstEntry,
                firstColumn: statusColumn, lastRow: lastFree, lastColumn: statusColumn, errorStyle: .stop,
                messages: .init(inputTitle: "状況", inputMessage: "状況を一覧から選んでください。", errorTitle: "状況を確認してください",
                                errorMessage: "状況は「\(layout.statuses.map(\.label).joined(separator: "」「"))」のいずれかです。"))
        }

        try restrictEvaluations(columns, firstRow: firstEntry, lastRow: lastFree, sheet: sheet, workbook: workbook)

        sheet.freezePanes(row: r(Rows.header) + 1, column: 0)
        try sheet.setUpA4Printing(.landscape, headingRows: r(Rows.header)...r(Rows.header), pageNumbers: true)
        sheet.select(row: r(Rows.submitted), column: 1)
        sheet.activate()
        sheet.protect()
    }
}
