import PledgeCore
import TableIO

/// Turns the department files into the year's activities (PRODUCT.md §3): picks the latest
/// submission per department, resolves each row's measure, reads its rating or status, and
/// reports every row it cannot count.
public struct Reconciler: Sendable {
    /// Which gaps are worth reporting: a merge looks at the whole inbox, a department checking its
    /// own files only at its own measures.
    public enum Scope: Sendable {
        /// Every measure nobody reported on, every department that sent nothing (`merge`).
        case inbox
        /// Only the measures assigned to the departments whose files were given (`check`).
        case ownFiles
    }

    let plan: Plan
    /// The fiscal year being merged; nil (a `check` without `--year`) takes each file's own 年度.
    let year: FiscalYear?
    let rules: ReconcileRules
    let scope: Scope
    private let matcher: MeasureMatcher
    /// Every department the plan names, by key, numbered; and each leaf's assigned departments by
    /// number: built once, so that checking a row's department works out only the row's spelling.
    private let departmentNumbers: [String: Int]
    private let assignedDepartments: [NodeID: Set<Int>]

    public init(plan: Plan, year: FiscalYear?, rules: ReconcileRules, scope: Scope = .inbox) {
        self.plan = plan
        self.year = year
        self.rules = rules
        self.scope = scope
        self.matcher = MeasureMatcher(plan: plan)
        var numbers: [String: Int] = [:]
        for key in plan.leaves.flatMap(\.departments).map(Departments.key) where numbers[key] == nil { numbers[key] = numbers.count }
        self.departmentNumbers = numbers
        self.assignedDepartments = Dictionary(plan.leaves.map { ($0.id, Set($0.departments.compactMap { numbers[Departments.key($0)] })) },
                                              uniquingKeysWith: { first, _ in first })
    }

    public func reconcile(_ submissions: [Submission], diagnostics: inout Diagnostics) -> Reconciliation {
        let forThisYear = submissions.filter { isForThisYear($0, diagnostics: &diagnostics) }
        let (kept, superseded) = SupersessionRule.resolve(forThisYear, diagnostics: &diagnostics)
        var result = Reconciliation(activities: [], countedFiles: kept.map(\.file), supersededFiles: superseded,
                                    rowsRead: 0, rowsSkipped: 0)
        result.activities = readAll(kept, into: &result, diagnostics: &diagnostics)
        let order = ActivityOrder.permutation(count: result.activities.count, in: plan) { [activities = result.activities] in
            (activities[$0].activity.measure, activities[$0].activity.department)
        }
        result.activities.reorder(to: order)
        reportGaps(result, submissions: kept, diagnostics: &diagnostics)
        return result
    }

    /// The activities of every file, in file order, with the rows counted into `result`. Each
    /// file's rows are interpreted on their own (on all cores), then put together in file order:
    /// the activities and diagnostics of a sequential loop. The files' own arrays are gone when
    /// this returns, so that the caller can reorder the activities without copying them.
    private func readAll(_ files: [Submission], into result: inout Reconciliation, diagnostics: inout Diagnostics) -> [LocatedActivity] {
        let perFile = Concurrently.map(files.indices) { index in
            var part = Reconciliation(activities: [], countedFiles: [], supersededFiles: [], rowsRead: 0, rowsSkipped: 0)
            var found = Diagnostics()
            read(files[index], into: &part, diagnostics: &found)
            return (part, found)
        }
        for (part, found) in perFile {
            result.rowsRead += part.rowsRead
            result.rowsSkipped += part.rowsSkipped
            diagnostics.add(contentsOf: found.all)
        }
        return perFile.count == 1 ? perFile[0].0.activities : perFile.flatMap(\.0.activities)
    }

    private func isForThisYear(_ submission: Submission, diagnostics: inout Diagnostics) -> Bool {
        guard let label = submission.fiscalYear else { return true }
        guard let stated = FiscalYear(parsing: label.value) else {
            diagnostics.error(.yearInvalid, at: label.location, department: submission.sender ?? "",
                              "年度「\(label.value)」を読めません（例: 令和2年度、R2、2020）。")
            return false
        }
        if let year, stated != year {
            // A file for another year in this year's inbox is almost always last year's file sent
            // again, or this year's file with last year's label: never drop it silently.
            diagnostics.error(.yearMismatch, at: label.location, department: submission.sender ?? "",
                              "年度が\(stated.label)になっていますが、集計する年度は\(year.label)です。年度欄を直すか、このファイルを取り除いてください（集計する年度の指定も確認してください）。")
            return false
        }
        return true
    }

    private func read(_ submission: Submission, into result: inout Reconciliation, diagnostics: inout Diagnostics) {
        // Where each (measure, activity text) of this file was first counted, to name that row
        // when it comes again.
        var firstRows: [ActivityKey: Int] = [:]
        let rowCount = submission.sheets.reduce(0) { $0 + $1.rows.count }
        firstRows.reserveCapacity(rowCount)
        result.activities.reserveCapacity(rowCount)
        let fileYear = year ?? submission.fiscalYear.flatMap { FiscalYear(parsing: $0.value) }
        for sheet in submission.sheets {
            for block in interpretRows(of: sheet, sender: submission.sender, fileYear: fileYear) {
                for interpreted in block {
                    result.rowsRead += 1
                    diagnostics.add(contentsOf: interpreted.diagnostics)
                    switch interpreted.outcome {
                    case .rejected:
                        continue
                    case .skipped:
                        result.rowsSkipped += 1
                    case .counted(let located):
                        if let first = firstRows[interpreted.key!].map({ result.activities[$0].location }) {
                            let here = located.location
                            let place = first.sheet == here.sheet ? first.cell : "\(first.sheet ?? "")!\(first.cell)"
                            diagnostics.warning(.activityDuplicate, at: here, measureID: plan.format(located.activity.measure),
                                                department: located.activity.department,
                                                "同じ施策の同じ取組が\(place)にもあります。この行は集計しません。")
                            result.rowsSkipped += 1
                            continue
                        }
                        firstRows[interpreted.key!] = result.activities.count
                        result.activities.append(located)
                    }
                }
            }
        }
    }

    /// A row as `interpret` sees it on its own, with what it reported.
    struct InterpretedRow: Sendable {
        var outcome: RowOutcome
        var diagnostics: [Diagnostic]
        /// The counted activity's measure and text key, for the file's duplicate check.
        var key: ActivityKey?
    }

    /// Every row of a sheet interpreted, in row order, in blocks. A row needs nothing of the rows
    /// before it (the duplicate check, which does, is left to the caller), so a large sheet is cut
    /// into blocks interpreted on all cores: a 200,000-row workbook is one file.
    private func interpretRows(of sheet: SubmissionSheet, sender: String?, fileYear: FiscalYear?) -> [[InterpretedRow]] {
        let blockSize = 4_096
        let starts = Array(stride(from: 0, to: sheet.rows.count, by: blockSize))
        let evaluationColumns = EvaluationColumns(scheme: rules.rated ? .unrated : rules.scheme, sheet: sheet)
        return Concurrently.map(starts.indices) { block in
            var memo = CellMemo()
            return sheet.rows[starts[block]..<min(starts[block] + blockSize, sheet.rows.count)].map { row in
                var found = Diagnostics()
                reportCellsOutsideHeader(row, sheet: sheet, diagnostics: &found)
                let outcome = interpret(row, sheet: sheet, evaluationColumns: evaluationColumns, sender: sender, fileYear: fileYear,
                                        memo: &memo, diagnostics: &found)
                var key: ActivityKey?
                if case .counted(let located) = outcome {
                    key = ActivityKey(measure: located.activity.measure, text: Spelling(Normalize.key(located.activity.text)))
                }
                return InterpretedRow(outcome: outcome, diagnostics: found.all, key: key)
            }
        }
    }

    enum RowOutcome: Sendable {
        /// The row has an error, already reported.
        case rejected
        /// A row with nothing to count: an untouched template row or another year's row.
        case skipped
        case counted(LocatedActivity)
    }

    /// A measure and an activity's text key, compared by its bytes: the key is NFKC already, so
    /// equal keys are equal bytes, and hashing the bytes skips the normalisation Swift does to hash
    /// a non-ASCII String (most of the time of a 200,000-row file's duplicate check).
    struct ActivityKey: Hashable, Sendable {
        let measure: NodeID
        let text: Spelling
    }

    /// What a file's repeated cells (measure IDs, ratings, department names) mean, worked out once
    /// per spelling: normalising them on every row was most of the time of a large merge.
    struct CellMemo {
        /// A row's department: the cell's name, or the file's sender when the cell is empty, and
        /// the number of its key among the plan's departments (nil when the plan does not name it).
        struct Department {
            let name: String
            let number: Int?
        }

        var leaves: [Spelling: NodeID?] = [:]
        var ratings: [Spelling: (value: Int?, stars: Bool)] = [:]
        var departments: [Spelling: Department] = [:]

        mutating func department(cell: String, sender: String?, numbers: [String: Int]) -> Department {
            if let known = departments[Spelling(cell)] { return known }
            let name = Departments.normalizedName(cell).nonEmpty ?? sender ?? ""
            let department = Department(name: name, number: numbers[Departments.key(name)])
            departments[Spelling(cell)] = department
            return department
        }

        mutating func leaf(id text: String, _ matcher: MeasureMatcher) -> NodeID? {
            if let known = leaves[Spelling(text)] { return known }
            let found = matcher.leaf(id: text)
            leaves[Spelling(text)] = found
            return found
        }

        mutating func rating(_ text: String) -> (value: Int?, stars: Bool) {
            if let known = ratings[Spelling(text)] { return known }
            let parsed = (RatingParser.parse(text), RatingParser.isStars(text))
            ratings[Spelling(text)] = parsed
            return parsed
        }
    }

    private func interpret(_ row: Row, sheet: SubmissionSheet, evaluationColumns: EvaluationColumns, sender: String?, fileYear: FiscalYear?,
                           memo: inout CellMemo, diagnostics: inout Diagnostics) -> RowOutcome {
        let header = sheet.header
        let table = sheet.table
        func at(_ column: String) -> SourceLocation { table.location(row: row.number, column: header[column]) }
        let idText = Normalize.text(header.value("measure_id", in: row))
        let titleText = Normalize.text(header.value("measure_title", in: row))
        let text = Normalize.droppingBullet(header.value("activity", in: row))
        let ratingText = Normalize.text(header.value("rating", in: row))
        let statusText = Normalize.text(header.value("status", in: row))
        let rowDepartment = memo.department(cell: header.value("department", in: row), sender: sender, numbers: departmentNumbers)
        let department = rowDepartment.name

        if text.isEmpty && ratingText.isEmpty && statusText.isEmpty && !evaluationColumns.hasAny(in: row) { return .skipped }
        if let yearText = header.value("fiscal_year", in: row).nonEmpty {
            guard let rowYear = FiscalYear(parsing: yearText) else {
                diagnostics.error(.yearInvalid, at: at("fiscal_year"), department: department, "年度「\(yearText)」を読めません（例: 令和2年度、R2、2020）。")
                return .rejected
            }
            if let year = fileYear, rowYear != year {
                diagnostics.info(.yearOther, at: at("fiscal_year"), department: department, "\(rowYear.label)の行のため集計しません。")
                return .skipped
            }
        }

        let measure: NodeID
        if !idText.isEmpty {
            guard let found = memo.leaf(id: idText, matcher) else {
                diagnostics.error(.measureUnknown, at: at("measure_id"), measureID: idText, department: department,
                                  "施策ID「\(idText)」は計画にありません。")
                return .rejected
            }
            measure = found
        } else if !titleText.isEmpty {
            guard let found = matcher.leaf(title: titleText) else {
                let closest = matcher.closestTitles(to: titleText).map { "「\($0)」" }.joined(separator: "、")
                diagnostics.error(.measureTitleUnmatched, at: at("measure_title"), department: department,
                                  "施策「\(titleText)」が計画にありません。近い施策: \(closest)")
                return .rejected
            }
            measure = found
            diagnostics.info(.measureMatchedByTitle, at: at("measure_title"), measureID: plan.format(found), department: department,
                             "施策IDが空のため、施策内容から施策 \(plan.format(found)) と判断しました。")
        } else {
            diagnostics.error(.measureMissing, at: table.location(row: row.number, column: header["measure_id"] ?? header["measure_title"]),
                              department: department, "施策IDまたは施策内容が空です。どの施策の取組か記入してください。")
            return .rejected
        }
        let measureID = plan.format(measure)

        if department.isEmpty {
            diagnostics.error(.departmentMissing, at: at("department"), measureID: measureID,
                              "部署名がありません。表の上の「部署名」欄か「担当部署」列に記入してください。")
            return .rejected
        }
        if text.isEmpty {
            diagnostics.error(.activityMissing, at: at("activity"), measureID: measureID, department: department,
                              "取組事業内容が空です（評価・状況だけの行は集計できません）。")
            return .rejected
        }
        var rating: Int?
        if rules.rated {
            guard !ratingText.isEmpty else {
                diagnostics.error(.ratingMissing, at: at("rating"), measureID: measureID, department: department,
                                  "評価が入力されていません。\(rules.scheme.allowedValues)で入力してください。")
                return .rejected
            }
            let reading = memo.rating(ratingText)
            guard let parsed = reading.value else {
                diagnostics.error(.ratingInvalid, at: at("rating"), measureID: measureID, department: department,
                                  "評価は\(rules.scheme.allowedValues)で入力してください（入力値: \(ratingText)）")
                return .rejected
            }
            rating = parsed
            if reading.stars {
                diagnostics.info(.ratingStars, at: at("rating"), measureID: measureID, department: department,
                                 "評価「\(ratingText)」を★の数から\(parsed)と読みました。")
            }
        }
        var evaluations: [Evaluation] = []
        if !rules.rated && rules.scheme.isEvaluated {
            guard let read = evaluationColumns.read(row, measureID: measureID, department: department, diagnostics: &diagnostics)
            else { return .rejected }
            evaluations = read
        }
        var status: String?
        if !statusText.isEmpty {
            if rules.statuses.isEmpty {
                status = statusText
            } else if let known = rules.statuses.first(where: { Normalize.key($0) == Normalize.key(statusText) }) {
                status = known
            } else {
                diagnostics.error(.statusInvalid, at: at("status"), measureID: measureID, department: department,
                                  "状況は「\(rules.statuses.joined(separator: "」「"))」のいずれかで入力してください（入力値: \(statusText)）")
                return .rejected
            }
        }
        if let assigned = assignedDepartments[measure], !assigned.isEmpty, !(rowDepartment.number.map(assigned.contains) ?? false) {
            diagnostics.warning(.departmentUnassigned, at: table.location(row: row.number, column: header["measure_id"] ?? header["measure_title"]),
                                measureID: measureID,
                                department: department, "\(department)は計画上、施策 \(measureID) の担当部署ではありません（集計には含めます）。"
                                    + departmentHint(department))
        }
        let activity = Activity(measure: measure, department: department, text: text, rating: rating, status: status,
                                note: Normalize.text(header.value("note", in: row)), evaluations: evaluations)
        return .counted(LocatedActivity(activity: activity, location: table.location(row: row.number, column: header["activity"])))
    }

    private func reportCellsOutsideHeader(_ row: Row, sheet: SubmissionSheet, diagnostics: inout Diagnostics) {
        for column in stride(from: sheet.header.width + 1, through: row.values.count, by: 1) where !row[column].isEmpty {
            diagnostics.warning(.cellsOutsideHeader, at: sheet.table.location(row: row.number, column: column),
                                "見出しのない列に値があります（「\(row[column])」）。集計には使いません。")
        }
    }

    private func reportGaps(_ result: Reconciliation, submissions: [Submission], diagnostics: inout Diagnostics) {
        if scope == .ownFiles {
            reportOwnGaps(result, submissions: submissions, diagnostics: &diagnostics)
            return
        }
        let (reported, departmentsHeard) = measuresAndDepartments(of: result.activities)
        // A measure whose row was rejected is already reported with its cell: no knock-on 未提出.
        let rejected = Set(diagnostics.all.filter { $0.severity == .error }.map(\.measureID))
        for leaf in plan.leaves where !reported.contains(leaf.id) && !rejected.contains(plan.format(leaf.id)) {
            diagnostics.warning(.measureUnreported, measureID: plan.format(leaf.id),
                                department: leaf.departments.joined(separator: "・"),
                                "施策 \(plan.format(leaf.id)) の取組の報告がありません（未提出）。")
        }
        var heardFrom = Set(departmentsHeard.map { Departments.key($0.text) })
        for submission in submissions { if let sender = submission.sender { heardFrom.insert(Departments.key(sender)) } }
        var listed: Set<String> = []
        for leaf in plan.leaves {
            for department in leaf.departments where !heardFrom.contains(Departments.key(department)) {
                guard listed.insert(Departments.key(department)).inserted else { continue }
                diagnostics.warning(.departmentNoSubmission, department: department, "\(department)から提出がありません。")
            }
        }
    }
}

extension Reconciler {
    /// The measures reported on and the departments (as spelt) that reported, a lookup per run
    /// of one measure or one department: the activities come in report order.
    func measuresAndDepartments(of activities: [LocatedActivity]) -> (measures: Set<NodeID>, departments: Set<Spelling>) {
        var measures: Set<NodeID> = []
        var departments: Set<Spelling> = []
        var lastMeasure: NodeID?
        var lastDepartment: String?
        for index in activities.indices {
            let measure = activities[index].activity.measure, department = activities[index].activity.department
            if measure != lastMeasure {
                measures.insert(measure)
                lastMeasure = measure
            }
            if department != lastDepartment {
                departments.insert(Spelling(department))
                lastDepartment = department
            }
        }
        return (measures, departments)
    }

    /// For `check`: each department's own measures it has not written an activity for.
    private func reportOwnGaps(_ result: Reconciliation, submissions: [Submission], diagnostics: inout Diagnostics) {
        // Grouped once: looking them up per file keeps a check of many files linear.
        var measuresBy: [Spelling: Set<NodeID>] = [:]
        var previous: (department: String, measure: NodeID)?
        for index in result.activities.indices {
            let department = result.activities[index].activity.department, measure = result.activities[index].activity.measure
            // Rows of one department and measure come together: one lookup per run, not per row.
            if let previous, previous.department == department && previous.measure == measure { continue }
            measuresBy[Spelling(department), default: []].insert(measure)
            previous = (department, measure)
        }
        var reportedBy: [String: Set<NodeID>] = [:]
        for (department, measures) in measuresBy { reportedBy[Departments.key(department.text), default: []].formUnion(measures) }
        var errorsIn: [String: Set<String>] = [:]
        for diagnostic in diagnostics.all where diagnostic.severity == .error {
            if let file = diagnostic.location?.file { errorsIn[file, default: []].insert(diagnostic.measureID) }
        }
        // Walked once: `plan.leaves` walks the plan each time it is asked.
        let leaves = plan.leaves
        for submission in submissions {
            guard let sender = submission.sender else { continue }
            let key = Departments.key(sender)
            let reported = reportedBy[key] ?? []
            // A measure whose row has an error is already reported with its cell.
            let withErrors = errorsIn[submission.file] ?? []
            guard let number = departmentNumbers[key] else { continue }
            for leaf in leaves where assignedDepartments[leaf.id]?.contains(number) == true
                && !reported.contains(leaf.id) && !withErrors.contains(plan.format(leaf.id)) {
                let others = leaf.departments.filter { Departments.key($0) != key }
                // A measure shared with other departments is often reported by one of them only (the
                // published reports do so): worth telling, not a warning that merge would not give.
                if others.isEmpty {
                    diagnostics.warning(.measureUnreported, at: SourceLocation(file: submission.file), measureID: plan.format(leaf.id),
                                        department: sender,
                                        "担当の施策 \(plan.format(leaf.id))「\(leaf.title)」の取組が記入されていません（このままでは未提出として扱われます）。")
                } else {
                    diagnostics.info(.measureUnreported, at: SourceLocation(file: submission.file), measureID: plan.format(leaf.id),
                                     department: sender,
                                     "担当の施策 \(plan.format(leaf.id))「\(leaf.title)」の取組が記入されていません"
                                     + "（ほかの担当部署 \(others.joined(separator: "・")) の取組で集計されます）。")
                }
            }
        }
    }
}

extension Reconciler {
    /// "もしかして: 財政課" when the name is not a department of the plan at all but close to one.
    func departmentHint(_ department: String) -> String {
        guard departmentNumbers[Departments.key(department)] == nil else { return "" }
        let known = plan.leaves.flatMap(\.departments)
        let names = NearestNames.nearest(to: department, among: Array(Set(known)).sorted())
        return names.isEmpty ? "計画にない部署名です。" : "部署名の誤りでは？（もしかして: \(names.joined(separator: "、"))）"
    }
}

extension String {
    var nonEmpty: String? {
        // Most cells begin with something other than a space: no need to trim them to know.
        guard let first = unicodeScalars.first else { return nil }
        if !Normalize.isTrimmable(first) { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : self
    }
}
