import HTTPTypes

/// A request refused with a Japanese page: the status, a heading and what to do.
public struct PageError: Error, Sendable {
    public var status: HTTPResponse.Status
    public var title: String
    public var message: String

    public init(_ status: HTTPResponse.Status, _ title: String, _ message: String) {
        self.status = status
        self.title = title
        self.message = message
    }

    static let notFound = PageError(.notFound, "ページが見つかりません", "アドレスを確かめてください。")
    static let csrf = PageError(.forbidden, "送信を受け付けられません",
                                "フォームの確認用の値が合いません。ページを開き直してから、もう一度送信してください。")
    static let signInRequired = PageError(.unauthorized, "サインインしてください", "企画担当の方は、サインインしてから開いてください。")
    static func tooLarge(limit: Int) -> PageError {
        PageError(.contentTooLarge, "ファイルが大きすぎます",
                  "受け付けるのは\(limit >> 20) MBまでです。提出票のファイルか確かめてください（通常は数百KBです）。")
    }
}
