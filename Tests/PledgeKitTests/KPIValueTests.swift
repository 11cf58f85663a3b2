import PledgeCore
@testable import PledgeKit
import Testing

/// KPI values as departments type them: with thousands separators, full-width digits, and the
/// KPI's own unit, which is read; another unit is refused rather than silently dropped.
@Suite struct KPIValueTests {
    func read(_ text: String, unit: String = "") -> String {
        switch KPIColumns.number(text, unit: unit) {
        case .success(let value): value.plainDecimal
        case .failure(.notANumber): "not a number"
        case .failure(.foreignUnit(let suffix)): "foreign unit \(suffix)"
        }
    }

    @Test func theKPIsOwnUnitIsRead() {
        #expect(read("38.2分", unit: "分") == "38.2")
        #expect(read("1,234件", unit: "件") == "1234")
        #expect(read("１，２３４件", unit: "件") == "1234")
        #expect(read("1234", unit: "件") == "1234")
        #expect(read("85%") == "85")
        #expect(read("85％", unit: "%") == "85")
    }

    @Test func anotherUnitIsRefused() {
        #expect(read("38.2秒", unit: "分") == "foreign unit 秒")
        #expect(read("1,234人", unit: "件") == "foreign unit 人")
        // With no unit on the row, only % is read (as before the unit column).
        #expect(read("38.2分") == "foreign unit 分")
        #expect(read("85%", unit: "件") == "foreign unit %")
        #expect(read("約40", unit: "分") == "not a number")
        #expect(read("", unit: "分") == "not a number")
    }
}
