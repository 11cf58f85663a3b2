/// The hostile workbooks in Tests/XLSXReaderTests/Fixtures/hostile (made by make-fixtures.py), each
/// with the start of the message that refuses it: the reader's tests (XLSXRefusalTests) and merge's
/// (XLSXMergeTests) walk the same list.
public enum HostileWorkbooks {
    public static let refusals: [(String, String)] = [
        ("encrypted-ole.xlsx", "Excel 97-2003形式(.xls)のファイル、またはパスワードで保護（暗号化）されたブックです。"),
        ("not-a-zip.xlsx", "Excelブック(.xlsx)ではありません（ZIP形式になっていません）。"),
        ("truncated.xlsx", "ファイルが途中で切れています（壊れています）。"),
        ("doctype-entities.xlsx", "部品「xl/worksheets/sheet1.xml」にDOCTYPE宣言があります。"),
        ("external-entity.xlsx", "部品「xl/sharedStrings.xml」にDOCTYPE宣言があります。"),
        ("undeclared-entity.xlsx", "部品「xl/worksheets/sheet1.xml」にエンティティ参照があります。"),
        ("zip-bomb.xlsx", "部品「xl/worksheets/sheet1.xml」の圧縮率が異常です"),
        ("zip-bomb-lying-size.xlsx", "部品「xl/worksheets/sheet1.xml」を展開すると上限（2000バイト）を超えます。"),
        ("too-many-entries.xlsx", "ZIPの中の部品が多すぎます（1007個、上限1000個）。"),
        ("parent-path-entry.xlsx", "ZIPの中に不正な部品名「xl/../../evil.sh」があります"),
        ("absolute-path-entry.xlsx", "ZIPの中に不正な部品名「/etc/cron.d/evil」があります"),
        ("duplicate-entry.xlsx", "ZIPの中に同じ名前の部品「xl/worksheets/sheet1.xml」が複数あります。"),
    ]
}
