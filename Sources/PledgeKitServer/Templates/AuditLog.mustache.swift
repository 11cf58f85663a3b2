/// 操作の記録: who did what, newest first.
enum AuditLogTemplate {
    static let text = """
    {{#chrome}}{{> header}}{{/chrome}}
    <h1>操作の記録</h1>
    <p class="hint">サインイン、アップロード、リンクの作成・失効、集計の記録です（新しい順に{{count}}件まで）。</p>
    <table id="audit-log">
      <thead><tr><th>日時</th><th>だれが</th><th>操作</th><th>内容</th></tr></thead>
      <tbody>
      {{#entries}}<tr><td class="time">{{time}}</td><td>{{actor}}</td><td>{{action}}</td><td>{{detail}}</td></tr>
      {{/entries}}
      </tbody>
    </table>
    {{> footer}}
    """
}
