/// The office's sign-in page.
enum SignInTemplate {
    static let text = """
    {{#chrome}}{{> header}}{{/chrome}}
    <h1>企画担当のサインイン</h1>
    {{#message}}<p class="notice error" id="signin-message">{{message}}</p>{{/message}}
    {{#noPassword}}
    <p class="notice warning">パスワードがまだ設定されていません。サーバーで
    <code>pledgekit serve --state 状態フォルダ --set-password</code> を実行して設定してください。</p>
    {{/noPassword}}
    <form id="signin-form" method="post" action="/office/signin" class="card">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <label for="password">パスワード</label>
      <input type="password" name="password" id="password" autocomplete="current-password" required autofocus>
      <button type="submit" id="signin">サインイン</button>
    </form>
    <p class="hint">各部署の方は、企画担当から届いた部署専用のリンクを開いてください（サインインは不要です）。</p>
    {{> footer}}
    """
}
