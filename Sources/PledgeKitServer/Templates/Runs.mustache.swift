/// 集計: start a run, and every run so far.
enum RunsTemplate {
    static let text = """
    {{#chrome}}{{> header}}{{/chrome}}
    <h1>集計</h1>
    <section class="card">
      <p>受け付けたファイル（提出フォルダのファイルと、各部署の最新の受付済ファイル）を集計し、公表用のブックとオープンデータを出力先（{{out}}）に書き出します。エラーがあるときは何も書き出しません。</p>
      {{#running}}<p class="notice warning">集計を実行中です（<a href="/office/runs/{{running}}">#{{running}}</a>）。</p>{{/running}}
      <form id="run-form" method="post" action="/office/runs">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit" id="run-merge">集計を実行</button>
      </form>
    </section>
    <h2>これまでの集計</h2>
    {{#hasRuns}}
    <table id="runs">
      <thead><tr><th>番号</th><th>開始</th><th>終了</th><th>状態</th><th>結果</th></tr></thead>
      <tbody>
      {{#runs}}<tr data-run="{{id}}"><td><a href="/office/runs/{{id}}">#{{id}}</a></td><td>{{started}}</td><td>{{finished}}</td><td class="state {{stateClass}}">{{stateLabel}}</td><td>{{summary}}</td></tr>
      {{/runs}}
      </tbody>
    </table>
    {{/hasRuns}}
    {{^hasRuns}}<p>まだ集計していません。</p>{{/hasRuns}}
    {{> footer}}
    """
}
