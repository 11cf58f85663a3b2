import CXLSXWriter

/// A chart of a workbook, inserted into a sheet with `Worksheet.insert`.
public final class Chart {
    public enum Kind: Sendable {
        case column, bar

        var rawValue: UInt8 {
            switch self {
            case .column: UInt8(LXW_CHART_COLUMN.rawValue)
            case .bar: UInt8(LXW_CHART_BAR.rawValue)
            }
        }
    }

    /// A block of cells of one sheet (0-based, inclusive): ranges are given by sheet name and
    /// numbers, so that Japanese sheet names need no quoting in a formula.
    public struct Range: Sendable {
        public var sheet: String
        public var firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int
        public init(sheet: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
            self.sheet = sheet
            self.firstRow = firstRow
            self.firstColumn = firstColumn
            self.lastRow = lastRow
            self.lastColumn = lastColumn
        }
    }

    let handle: UnsafeMutablePointer<lxw_chart>

    init(_ handle: UnsafeMutablePointer<lxw_chart>) { self.handle = handle }

    /// libxlsxwriter reads a series name, title or axis name that begins with `=` as a cell
    /// reference: these take the program's and the layout's own texts, never a department's.
    public func addSeries(name: String, categories: Range, values: Range, color: UInt32? = nil) {
        let series = chart_add_series(handle, nil, nil)!
        chart_series_set_categories(series, categories.sheet, lxw_row_t(categories.firstRow), lxw_col_t(categories.firstColumn),
                                    lxw_row_t(categories.lastRow), lxw_col_t(categories.lastColumn))
        chart_series_set_values(series, values.sheet, lxw_row_t(values.firstRow), lxw_col_t(values.firstColumn),
                                lxw_row_t(values.lastRow), lxw_col_t(values.lastColumn))
        chart_series_set_name(series, name)
        chart_series_set_labels(series)
        if let color {
            var fill = lxw_chart_fill()
            fill.color = color
            chart_series_set_fill(series, &fill)
        }
    }

    public func setTitle(_ title: String, fontName: String? = nil) {
        chart_title_set_name(handle, title)
        if let fontName { withFont(fontName, size: 12, bold: true) { chart_title_set_name_font(handle, $0) } }
    }

    /// The value axis from `minimum` to `maximum` with a title.
    public func setValueAxis(title: String, minimum: Double, maximum: Double, majorUnit: Double, fontName: String? = nil) {
        let axis = handle.pointee.y_axis!
        chart_axis_set_name(axis, title)
        chart_axis_set_min(axis, minimum)
        chart_axis_set_max(axis, maximum)
        chart_axis_set_major_unit(axis, majorUnit)
        if let fontName {
            withFont(fontName, size: 9, bold: false) { chart_axis_set_num_font(axis, $0); chart_axis_set_name_font(axis, $0) }
        }
    }

    public func setCategoryAxis(title: String, fontName: String? = nil) {
        let axis = handle.pointee.x_axis!
        chart_axis_set_name(axis, title)
        if let fontName {
            withFont(fontName, size: 9, bold: false) { chart_axis_set_num_font(axis, $0); chart_axis_set_name_font(axis, $0) }
        }
    }

    public func setLegendBottom(fontName: String? = nil) {
        chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
        if let fontName { withFont(fontName, size: 9, bold: false) { chart_legend_set_font(handle, $0) } }
    }

    private func withFont(_ name: String, size: Double, bold: Bool, _ body: (UnsafeMutablePointer<lxw_chart_font>) -> Void) {
        let copy = strdup(name)
        defer { free(copy) }
        var font = lxw_chart_font()
        font.name = copy
        font.size = size
        font.bold = bold ? 1 : 0
        body(&font)
    }
}
