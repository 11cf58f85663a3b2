/// The departments' personal links: their state, and revoke, rotate and create-missing buttons.
enum LinksTemplate {
    static let text = """
    {{#chrome}}{{> header}}{{/chrome}}
    <h1>部署のリンク</h1>
    <p>各部署に専用のリンクをメールで送ります。リンクは作ったときに一度だけ表示されます（サーバーには控えが残りません）。なくしたときは「作り直す」を押してください。</p>
    {{#newLink}}
    <div class="notice success" id="new-link">
      <p>{{department}}の新しいリンク（この画面でだけ表示します）:</p>
      <p><code id="new-link-url">{{url}}</code></p>
    </div>
    {{/newLink}}
    {{#message}}<p class="notice">{{message}}</p>{{/message}}
    <form id="create-links-form" method="post" action="/office/links/create-missing">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <button type="submit" id="create-missing-links">リンクのない部署のリンクを作る（CSVをダウンロード）</button>
    </form>
    <table id="links">
      <thead><tr><th>部署</th><th>リンク</th><th>作成</th><th>失効</th><th>操作</th></tr></thead>
      <tbody>
      {{#rows}}<tr data-department="{{department}}"><th scope="row">{{department}}</th><td class="link-state">{{stateLabel}}</td><td>{{created}}</td><td>{{revoked}}</td>
        <td class="actions">
          {{#live}}<form method="post" action="/office/links/revoke" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="department" value="{{department}}"><button type="submit" class="revoke">失効させる</button></form>{{/live}}
          <form method="post" action="/office/links/rotate" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="department" value="{{department}}"><button type="submit" class="rotate">{{#live}}作り直す{{/live}}{{^live}}作る{{/live}}</button></form>
        </td></tr>
      {{/rows}}
      </tbody>
    </table>
    {{> footer}}
    """
}
