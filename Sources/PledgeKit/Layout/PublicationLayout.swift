/// Who publishes the open data and under which licence: the `publication:` section of `layout.yaml`.
/// It feeds `datapackage.json` (name, licence, contributors, keywords, homepage) and the
/// `municipality_code` column of every CSV, so that a portal needs no retyping and two cities'
/// files stay apart once loaded together.
///
/// Unlike the rest of the layout this section has no Tomakomai default: a layout without it names no
/// municipality (the column is left empty), because a city's data must never go out under another
/// city's code.
public struct PublicationLayout: Sendable, Equatable, Codable {
    public struct License: Sendable, Equatable, Codable {
        /// An SPDX-style identifier (`CC-BY-4.0`), which CKAN takes as `license_id`.
        public var name: String
        public var title: String
        public var path: String

        public static let ccBy4 = License(name: "CC-BY-4.0", title: "クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）",
                                          path: "https://creativecommons.org/licenses/by/4.0/")
        public static let cc0 = License(name: "CC0-1.0", title: "CC0 1.0 全世界 パブリック・ドメイン提供",
                                        path: "https://creativecommons.org/publicdomain/zero/1.0/")

        public init(name: String, title: String, path: String) {
            self.name = name
            self.title = title
            self.path = path
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let name = try c.decode(String.self, forKey: .name)
            self.name = name
            // A known identifier needs no title or address.
            let known = [License.ccBy4, License.cc0].first { $0.name == name }
            title = try c.decodeIfPresent(String.self, forKey: .title) ?? known?.title ?? name
            path = try c.decodeIfPresent(String.self, forKey: .path) ?? known?.path ?? ""
        }
    }

    /// Where a data user asks about the data (the portal's maintainer); an empty name means none.
    public struct Contact: Sendable, Equatable, Codable {
        public var name: String = ""
        public var email: String?
        public var url: String?
    }

    /// The publishing body as written (`苫小牧市 総合政策部 政策推進課`): the dataset's author.
    public var organisation: String = ""
    /// The municipality's official name (`苫小牧市`, rule L3-06).
    public var municipalityName: String = ""
    /// 全国地方公共団体コード, six digits with its check digit (`012131`).
    public var municipalityCode: String = ""
    /// An ASCII name for the plan (`mayor-pledges-4th-term`), part of the dataset's unique name.
    public var planId: String = "mayor-pledges"
    public var license: License = .ccBy4
    /// A value, not an optional, so that the layout reader can check its keys (LayoutFile in issue 12).
    public var contact: Contact = Contact()
    /// Tags for the portal; `市長公約` and the municipality's name are always added.
    public var keywords: [String] = []
    /// The published report's page (the dataset's homepage).
    public var reportUrl: String?
    /// The data's version; raise it when a corrected file for the same year is published again.
    public var version: String = "1.0.0"

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = PublicationLayout()
        organisation = try c.decodeIfPresent(String.self, forKey: .organisation) ?? d.organisation
        municipalityName = try c.decodeIfPresent(String.self, forKey: .municipalityName) ?? d.municipalityName
        municipalityCode = try c.decodeIfPresent(String.self, forKey: .municipalityCode) ?? d.municipalityCode
        planId = try c.decodeIfPresent(String.self, forKey: .planId) ?? d.planId
        license = try c.decodeIfPresent(License.self, forKey: .license) ?? d.license
        contact = try c.decodeIfPresent(Contact.self, forKey: .contact) ?? d.contact
        keywords = try c.decodeIfPresent([String].self, forKey: .keywords) ?? d.keywords
        reportUrl = try c.decodeIfPresent(String.self, forKey: .reportUrl)
        version = try c.decodeIfPresent(String.self, forKey: .version) ?? d.version
        if let problem = Self.codeProblem(municipalityCode) {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [CodingKeys.municipalityCode], debugDescription: problem))
        }
        if !planId.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }) || planId.isEmpty {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [CodingKeys.planId],
                debugDescription: "publication.planId は英小文字・数字・ハイフンで書いてください（入力値: \(planId)）"))
        }
    }

    /// Why a local government code is wrong, or nil when it is right (or not given).
    /// The sixth digit is the check digit: 11 minus the sum of the first five weighted 6,5,4,3,2
    /// modulo 11, keeping the last digit (総務省の定める検査数字).
    public static func codeProblem(_ code: String) -> String? {
        if code.isEmpty { return nil }
        let digits = code.compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
        if digits.count == 5 && code.count == 5 {
            return "publication.municipalityCode は検査数字を含む6桁で書いてください（\(code) なら \(code)\(checkDigit(digits))）"
        }
        guard digits.count == 6, code.count == 6 else {
            return "publication.municipalityCode は6桁の全国地方公共団体コード（半角数字）で書いてください（入力値: \(code)）"
        }
        let expected = checkDigit(Array(digits.prefix(5)))
        guard digits[5] == expected else {
            return "publication.municipalityCode \(code) の検査数字（6桁目）が合いません。\(code.prefix(5))\(expected) ではありませんか"
        }
        return nil
    }

    static func checkDigit(_ firstFive: [Int]) -> Int {
        let sum = zip(firstFive, [6, 5, 4, 3, 2]).map { $0 * $1 }.reduce(0, +)
        return (11 - sum % 11) % 10
    }

    /// The keywords a portal shows as tags: the layout's, then the municipality and the subject.
    var allKeywords: [String] {
        var result: [String] = []
        for keyword in keywords + [municipalityName, "市長公約", "オープンデータ"]
        where !keyword.isEmpty && !result.contains(keyword) {
            result.append(keyword)
        }
        return result
    }
}
