import Testing
@testable import PledgeCore

@Suite struct FiscalYearTests {
    @Test(arguments: [
        ("2020", 2020), ("FY2020", 2020), ("fy2020", 2020), ("２０２０", 2020), ("2020年度", 2020),
        ("R2", 2020), ("R02", 2020), ("r2", 2020), ("令和2年度", 2020), ("令和２年度", 2020), ("令和2", 2020),
        ("令和元年度", 2019), ("R1", 2019), ("H31", 2019), ("平成31年度", 2019), ("平成30年度", 2018),
        ("Ｒ３", 2021), ("令和 4 年度", 2022),
    ])
    func parsesEverySpelling(text: String, year: Int) {
        #expect(FiscalYear(parsing: text)?.year == year)
    }

    @Test(arguments: ["", "令和", "R", "20", "2020/4", "昭和60年度", "令和x年度", "FY", "1800"])
    func refusesWhatIsNotAYear(text: String) {
        #expect(FiscalYear(parsing: text) == nil)
    }

    @Test func labelsInTheReportsEra() {
        #expect(FiscalYear(2020).label == "令和2年度")
        #expect(FiscalYear(2019).label == "令和元年度")
        #expect(FiscalYear(2018).label == "平成30年度")
        #expect(FiscalYear(2020).previous == FiscalYear(2019))
    }
}
