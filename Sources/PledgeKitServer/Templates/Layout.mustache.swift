/// The frame of every page: `header` opens it (title, style sheet, the office's navigation) and
/// `footer` closes it. Every `{{…}}` is HTML-escaped by Mustache; no template uses `{{{…}}}`.
enum LayoutTemplates {
    static let header = """
    <!DOCTYPE html>
    <html lang="ja">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}}｜市長公約 取組状況</title>
    <link rel="stylesheet" href="/static/app.css">
    {{#scripts}}
    <script src="{{src}}" defer></script>
    {{/scripts}}
    </head>
    <body>
    <header class="site">
      <p class="site-name">市長公約 取組状況の提出（{{yearLabel}}）</p>
      {{#office}}
      <nav class="office-nav">
        <a id="nav-status" href="/office">提出状況</a>
        <a id="nav-figures" href="/office/figures">数値（総括表）</a>
        <a id="nav-reconciliation" href="/office/reconciliation">照合結果</a>
        <a id="nav-runs" href="/office/runs">集計</a>
        <a id="nav-links" href="/office/links">部署のリンク</a>
        <a id="nav-audit" href="/office/audit">操作の記録</a>
        <form method="post" action="/office/signout" class="inline">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <button type="submit" class="link-button">サインアウト</button>
        </form>
      </nav>
      {{/office}}
    </header>
    <main>

    """

    static let footer = """

    </main>
    </body>
    </html>

    """
}
