/// A refusal or failure, in Japanese, with the way back.
enum ErrorPageTemplate {
    static let text = """
    {{#chrome}}{{> header}}{{/chrome}}
    <h1 id="error-title">{{heading}}</h1>
    <p class="notice error" id="error-message" data-status="{{status}}">{{message}}</p>
    <p><a id="back" href="/">最初のページへ戻る</a></p>
    {{> footer}}
    """
}
