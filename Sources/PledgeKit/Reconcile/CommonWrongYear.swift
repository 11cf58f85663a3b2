import PledgeCore

/// Every file of the inbox states the same year, and it is not the year being merged: the year
/// asked for is what is wrong, not the 40 files. Said once, before reconciling, instead of one
/// error a file and a warning for every measure the dropped files leave unreported (133 lines for
/// `--year R3` on a 令和2年度 inbox).
enum CommonWrongYear {
    static func refusal(_ submissions: [Submission], year: FiscalYear) -> Refusal? {
        guard let first = submissions.first else { return nil }
        var stated: FiscalYear?
        for submission in submissions {
            guard let label = submission.fiscalYear, let fileYear = FiscalYear(parsing: label.value),
                  fileYear != year, stated == nil || stated == fileYear else { return nil }
            stated = fileYear
        }
        guard let stated else { return nil }
        let files = submissions.count == 1 ? "提出ファイル \(first.file) の年度は" : "\(submissions.count)ファイルすべての年度が"
        return Refusal(.dataErrors, "\(files)\(stated.label)です。集計する年度（\(year.label)）の指定を確かめてください。何も書き出していません。")
    }
}
