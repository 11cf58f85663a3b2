import Foundation
@testable import PledgeKit
import Testing
import Yams

/// The `publication:` section: the local government code's check digit, the defaults, and the two
/// bundled layouts naming their real cities.
@Suite struct PublicationLayoutTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates")

    @Test(arguments: ["012131", "112194", "131016", "011002", "010006", "271004"])
    func realCodesPassTheCheckDigit(code: String) {
        #expect(PublicationLayout.codeProblem(code) == nil)
    }

    @Test func wrongCodesAreExplained() throws {
        #expect(PublicationLayout.codeProblem("012132")?.contains("012131 ではありませんか") == true)
        #expect(PublicationLayout.codeProblem("01213")?.contains("01213 なら 012131") == true)
        #expect(PublicationLayout.codeProblem("１１２１９４") != nil)
        #expect(PublicationLayout.codeProblem("12345a") != nil)
        #expect(throws: DecodingError.self) {
            try YAMLDecoder().decode(ReportLayout.self, from: "publication:\n  municipalityCode: \"112195\"\n")
        }
        #expect(throws: DecodingError.self) {
            try YAMLDecoder().decode(ReportLayout.self, from: "publication:\n  planId: 市長公約\n")
        }
    }

    @Test func aLayoutWithoutPublicationNamesNoCity() throws {
        let layout = try YAMLDecoder().decode(ReportLayout.self, from: "rated: true\n")
        #expect(layout.publication.municipalityCode.isEmpty && layout.publication.organisation.isEmpty)
        #expect(layout.publication.license == .ccBy4)
        #expect(ReportLayout().publication.municipalityCode.isEmpty)
    }

    @Test func bundledLayoutsNameTheirCities() throws {
        let tomakomai = try ReportLayout.load(directory: Self.templates.appendingPathComponent("tomakomai")).publication
        #expect(tomakomai.municipalityCode == "012131" && tomakomai.municipalityName == "苫小牧市")
        #expect(tomakomai.license.name == "CC-BY-4.0" && tomakomai.license.path == "https://creativecommons.org/licenses/by/4.0/")
        let ageo = try ReportLayout.load(directory: Self.templates.appendingPathComponent("ageo")).publication
        #expect(ageo.municipalityCode == "112194" && ageo.municipalityName == "上尾市")
        #expect(ageo.planId != tomakomai.planId)
    }

    @Test func aKnownLicenceNeedsOnlyItsName() throws {
        let layout = try YAMLDecoder().decode(ReportLayout.self, from: "publication:\n  license:\n    name: CC0-1.0\n")
        #expect(layout.publication.license == .cc0)
    }
}
