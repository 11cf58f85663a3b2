/// One run: its progress while it runs (a small script polls; without it, reload the page), then
/// its outputs to download or why nothing was written.
enum RunTemplate {
    static let text = """
    {{#chrome}}{{> header}}{{/chrome}}
    <h1>集計 #{{id}}</h1>
    <p>状態: <span id="run-state" data-state="{{stateKey}}">{{stateLabel}}</span></p>
    <p><progress id="run-progress" value="{{progressValue}}" max="{{progressMax}}" data-progress-url="/office/runs/{{id}}/progress.json">{{progressValue}}%</progress>
      <span id="run-stage">{{stage}}</span></p>
    {{#running}}<p class="hint" id="reload-hint">実行中です。このページを再読み込みすると最新の状態を表示します。</p>
    <form id="cancel-form" method="post" action="/office/runs/{{id}}/cancel">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <button type="submit" id="cancel-run" class="secondary">集計を中止</button>（出力先は変更しません）
    </form>{{/running}}
    {{#headline}}<p class="headline">{{headline}}</p>{{/headline}}
    {{#notice}}<p class="notice warning" id="run-notice">{{notice}}</p>{{/notice}}
    {{#refusal}}<p class="notice error" id="run-refusal">{{refusal}}</p>{{/refusal}}
    {{#hasFiles}}
    <h2>出力ファイル</h2>
    <ul id="run-files">
    {{#files}}<li><a class="download" data-name="{{name}}" href="{{href}}">{{name}}</a></li>
    {{/files}}
    </ul>
    <p><a id="download-zip" class="button" href="/office/runs/{{id}}/outputs.zip">すべてをまとめてダウンロード（zip）</a></p>
    {{/hasFiles}}
    {{#hasProblems}}
    <h2>エラー・警告</h2>
    <ul class="problems">
    {{#problems}}<li class="problem" data-severity="{{severity}}">{{line}}</li>
    {{/problems}}
    </ul>
    {{/hasProblems}}
    <p><a id="back" href="/office/runs">集計の一覧へ戻る</a></p>
    {{> footer}}
    """
}
