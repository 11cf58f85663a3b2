/// 照合結果: the reconciliation list of the round as it stands, filtered by a GET form.
enum ReconciliationTemplate {
    static let text = """
    {{#chrome}}{{> header}}{{/chrome}}
    <h1>照合結果</h1>
    <form id="filter-form" method="get" action="/office/reconciliation" class="filters">
      <label for="severity">区分</label>
      <select name="severity" id="severity">{{#severities}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/severities}}</select>
      <label for="department">部署</label>
      <select name="department" id="department">{{#departments}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/departments}}</select>
      <label for="code">種類</label>
      <select name="code" id="code">{{#codes}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/codes}}</select>
      <button type="submit" id="filter">絞り込む</button>
    </form>
    <p id="problem-count">{{count}}件（全{{total}}件）</p>
    <table id="reconciliation">
      <thead><tr><th>区分</th><th>種類</th><th>ファイル</th><th>シート</th><th>セル</th><th>施策ID</th><th>部署</th><th>内容</th></tr></thead>
      <tbody>
      {{#problems}}<tr class="problem {{severity}}" data-severity="{{severity}}"><td>{{severityLabel}}</td><td>{{code}}</td><td>{{file}}</td><td>{{sheet}}</td><td>{{cell}}</td><td>{{measureID}}</td><td>{{department}}</td><td>{{message}}</td></tr>
      {{/problems}}
      </tbody>
    </table>
    {{> footer}}
    """
}
