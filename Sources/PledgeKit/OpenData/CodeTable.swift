/// `codes.csv`: the code table every coded column refers to (rule L3-02): the levels of
/// `summary.csv`, the severities and problem codes of `reconciliation.csv`, and the statuses of
/// `activities.csv` (the layout's vocabulary), each with a Japanese label and description.
public enum CodeTable {
    /// The coded columns, as (code list, resource, field): `datapackage.json` names the list in each
    /// field's description, and the tests check every value has a row.
    static let lists: [(list: String, resource: String, field: String)] = [
        ("level", "summary", "level"),
        ("severity", "reconciliation", "severity"),
        ("reconciliation_code", "reconciliation", "code"),
        ("status", "activities", "status"),
    ]

    public static func make(_ model: ReportModel) -> OpenDataTable {
        var rows: [[String]] = []
        let levels = model.layout.rated || model.plan.depth > 1
            ? [("overall", "全体", model.layout.hasOwnScheme ? "全体（計画全体の集計。集計の方法は figures.csv の kind）" : "全体（基本政策の進捗率の平均）"), ("policy", "基本政策", "基本政策（計画の最上位の階層）"),
               ("pledge", "公約", "公約（基本政策の下の階層）"), ("measure", "施策", "施策（公約の下、取組事業が属する階層）")]
            : [("policy", "分野", "分野（この計画の唯一の階層。取組事業が属する）")]
        rows += levels.map { ["level", $0.0, $0.1, $0.2] }
        rows += [["severity", "error", "エラー", "集計できない問題。1件でもあれば何も書き出さない"],
                 ["severity", "warning", "警告", "集計はするが確認が必要な問題（警告もエラーとする指定では書き出さない）"],
                 ["severity", "info", "情報", "照合で判断したことの記録（差し替え、★の読み取りなど）"]]
        rows += DiagnosticCode.allCases.map { code in
            // The built-in text says 0–10; a layout's own scheme says what each column allows, and a
            // report without evaluations never has one.
            let own = code == .ratingInvalid ? invalidRatingText(model.layout) : nil
            return ["reconciliation_code", code.rawValue, label(code).0, own ?? label(code).1]
        }
        rows += model.layout.statuses.map { status in
            ["status", status.label, status.label, "取組の状況「\(status.label)」。summary.csv では count_\(status.key) で数える"]
        }
        rows += schemeRows(model)
        return OpenDataTable(name: "codes", header: ["code_list", "code", "label", "description"], rows: rows)
    }

    /// What an invalid evaluation is under the layout's scheme (nil: the built-in 0–10 text).
    static func invalidRatingText(_ layout: ReportLayout) -> String? {
        if layout.rated { return nil }
        let scheme = layout.scheme
        guard layout.hasOwnScheme else { return "評価が不正（この様式は評価を読まないため使われない）" }
        let each = scheme.evaluators.map { evaluator -> String in
            let scale = scheme.scale(for: evaluator.key)
            let allowed = scale.kind == .kpi ? "目標値・実績値・基準値が0以上の数値、方向が高いほどよい・低いほどよい、単位が指標の単位" : scale.allowedValues
            return scheme.evaluators.count == 1 ? allowed : "\(evaluator.heading)が\(allowed)"
        }
        return "評価が" + each.joined(separator: "、") + "でない"
    }

    /// A problem code's short Japanese name and what it means. A dictionary, not a switch, so that a
    /// code added elsewhere still builds; CodeTableTests fails until it is described here.
    static func label(_ code: DiagnosticCode) -> (String, String) {
        descriptions[code] ?? (code.rawValue, "")
    }

    static let descriptions: [DiagnosticCode: (String, String)] = [
        .fileUnreadable: ("ファイルを読めない", "壊れた・暗号化された・形式の違うファイルなど、読み込めなかったファイル"),
        .fileIgnored: ("対象外のファイル", "受付フォルダにあった .xlsx・.csv・.tsv 以外のファイルやシステムが作るファイル（読み込まない）"),
        .mixedEncoding: ("文字コードの混在", "UTF-8とShift_JIS(CP932)の行が混在するCSV（行ごとにそれぞれの文字コードで読んだ）"),
        .columnIgnored: ("読まない列", "計画ファイルにある事務局独自の列（予算額・所管部など。集計にも公表にも使わない）"),
        .sheetSkipped: ("読まなかったシート", "見出し行のないシート（読み飛ばした）"),
        .headerMissing: ("見出し行がない", "取組と評価（または状況）の列を示す見出し行が見つからない"),
        .columnMissing: ("必要な列がない", "見出し行に必要な列がない"),
        .cellsOutsideHeader: ("見出しのない列の値", "見出しのない列に値がある（集計に使わない）"),
        .mergedCells: ("結合セル", "データ範囲に結合セルがある"),
        .departmentMissing: ("部署名がない", "提出ファイルから担当部署が分からない"),
        .departmentUnassigned: ("計画外の担当部署", "計画上その施策の担当でない部署の報告（集計には含める）"),
        .departmentNoSubmission: ("未提出の部署", "計画上の担当部署から提出がない"),
        .yearInvalid: ("年度が読めない", "年度の値を解釈できない"),
        .yearOther: ("別の年度の行", "集計する年度と違う年度の行（集計しない）"),
        .yearMismatch: ("年度の不一致", "ファイルの年度と集計する年度が違う"),
        .yearMissing: ("年度がない", "年度が書かれていない"),
        .dateInvalid: ("提出日が読めない", "提出日の値を解釈できない"),
        .measureMissing: ("施策の指定がない", "施策IDも施策名もない行"),
        .measureUnknown: ("計画にない施策ID", "計画にない施策IDの行"),
        .measureTitleUnmatched: ("施策名が一致しない", "施策名が計画のどの施策とも一致しない行"),
        .measureUnreported: ("報告のない施策", "取組の報告が1件もない施策（評点・星は空欄）"),
        .measureMatchedByTitle: ("施策名で照合", "施策IDがなく、施策名で施策を特定した行"),
        .ratingInvalid: ("評価の値が不正", "評価が0から10の整数でない"),
        .ratingMissing: ("評価がない", "取組はあるが評価がない"),
        .ratingStars: ("★で書かれた評価", "評価が★の数で書かれていた（★の数を評価とした）"),
        .kpiNotComputable: ("達成率を計算しない指標", "KPIの実績値が空欄のため達成率を計算しない（evaluations.csv には未測定として目標値とともに載せ、件数・区分・平均には含めない）"),
        .statusInvalid: ("状況の語が不正", "状況がレイアウトで定めた語のいずれでもない"),
        .activityMissing: ("取組がない", "評価はあるが取組事業の内容がない"),
        .activityDuplicate: ("重複した取組", "同じ施策に同じ取組が2回ある（2回目は集計しない）"),
        .submissionSuperseded: ("差し替えられた提出", "同じ部署の後の提出日のファイルで全体が置き換えられた"),
        .submissionUndated: ("提出日のない重複提出", "同じ部署の複数のファイルに提出日がなく、どちらを使うか決められない"),
        .submissionSameDate: ("同じ提出日の重複提出", "同じ部署の複数のファイルが同じ提出日"),
        .previousYear: ("前年度の数値を使えない", "前年度のファイルを前年度の数値として使えない"),
        .planInvalid: ("計画の誤り", "計画ファイルの内容に誤りがある"),
        .auditUnmatched: ("計画にない公表ID", "audit: 公表された表のIDが計画にない（点検しない）"),
        .auditNoFigures: ("公表の数値が見つからない", "audit: 公表された報告書に進捗率の数値が見つからない"),
        .textFormulaLike: ("数式と読まれうる文字列", "= + - @ タブ・CRで始まる文字列。CSVでは先頭に ' を付け（表計算ソフトで数式として実行されないように）、ブックには文字列として書き出した"),
        .outputUnencodable: ("CP932で書けない文字", "CSVをCP932で書き出すときに表せない文字（絵文字、JIS X 0208 にない異体字など）。何も書き出さない"),
        .textTooLongForCell: ("1セルに収まらない文字数", "公表用ブックで行頭の記号を加えるとExcelの1セルの上限（32,767文字）を超える取組。何も書き出さない"),
    ]
}
