import Foundation

/// The policies' progress as horizontal bars, one per year shown, drawn on the server as SVG
/// (numbers computed here, every text escaped by the template; no script, no inline style).
struct PolicyChart: Sendable {
    struct Bar: Sendable {
        var yearIndex: Int
        var x: Int, y: Int, width: Int, height: Int
        var textX: Int, textY: Int
        var value: String
        var tooltip: String
    }
    struct Label: Sendable { var x: Int, y: Int, text: String }
    struct GridLine: Sendable { var x: Int, bottom: Int, labelY: Int, label: String }
    struct Legend: Sendable { var yearIndex: Int, x: Int, y: Int, textX: Int, textY: Int, label: String }

    var width: Int
    var height: Int
    var bars: [Bar]
    var labels: [Label]
    var gridLines: [GridLine]
    var legend: [Legend]

    static let left = 90, plotWidth = 520, barHeight = 14, groupGap = 12, top = 28

    /// Nil when there is no policy figure to draw.
    init?(figures: Figures) {
        let policies = figures.rows.filter(\.isPolicy)
        let years = figures.yearLabels
        guard !policies.isEmpty, !years.isEmpty, policies.contains(where: { $0.numbers.contains { $0 != nil } }) else { return nil }
        let groupHeight = years.count * Self.barHeight + Self.groupGap
        width = Self.left + Self.plotWidth + 60
        let plotBottom = Self.top + policies.count * groupHeight
        height = plotBottom + 24
        var bars: [Bar] = []
        var labels: [Label] = []
        for (row, policy) in policies.enumerated() {
            let groupTop = Self.top + row * groupHeight
            labels.append(Label(x: Self.left - 8, y: groupTop + years.count * Self.barHeight / 2 + 4, text: policy.number))
            for (index, year) in years.enumerated() {
                guard index < policy.numbers.count, let value = policy.numbers[index] else { continue }
                let length = Int((min(max(value, 0), 100) / 100 * Double(Self.plotWidth)).rounded())
                let y = groupTop + index * Self.barHeight
                bars.append(Bar(yearIndex: index, x: Self.left, y: y, width: length, height: Self.barHeight - 2,
                                textX: Self.left + length + 4, textY: y + Self.barHeight - 3, value: policy.values[index],
                                tooltip: "\(policy.number) \(policy.title) \(year): \(policy.values[index])%"))
            }
        }
        self.bars = bars
        self.labels = labels
        gridLines = stride(from: 0, through: 100, by: 20).map { percent in
            let x = Self.left + percent * Self.plotWidth / 100
            return GridLine(x: x, bottom: plotBottom, labelY: plotBottom + 16, label: "\(percent)%")
        }
        legend = years.enumerated().map { index, label in
            let x = Self.left + index * 140
            return Legend(yearIndex: index, x: x, y: 6, textX: x + 16, textY: 17, label: label)
        }
    }
}
