/// The answer to the office's upload of several files.
enum OfficeUploadsTemplate {
    static let text = """
    {{#chrome}}{{> header}}{{/chrome}}
    <h1>登録の結果</h1>
    <table id="office-upload-results">
      <thead><tr><th>ファイル</th><th>部署</th><th>結果</th><th>エラー</th><th>警告</th></tr></thead>
      <tbody>
      {{#results}}<tr data-upload="{{id}}"><td><a href="/office/uploads/{{id}}">{{name}}</a></td><td>{{departmentLabel}}</td>
        <td class="state {{stateClass}}">{{stateLabel}}</td><td>{{errors}}</td><td>{{warnings}}</td></tr>
      {{/results}}
      </tbody>
    </table>
    <p><a id="back" href="/office">提出状況へ戻る</a></p>
    {{> footer}}
    """
}
