/// What the check said of one uploaded file.
enum UploadResultTemplate {
    static let text = """
    {{#chrome}}{{> header}}{{/chrome}}
    <h1>確認結果: {{name}}</h1>
    <div id="upload-result" data-state="{{state}}" class="result {{state}}">
      <p class="verdict">{{verdict}}</p>
      <dl class="facts">
        <dt>部署</dt><dd>{{departmentLabel}}</dd>
        <dt>ファイル</dt><dd>{{name}}（{{sizeLabel}}）</dd>
        <dt>受付日時</dt><dd>{{time}}</dd>
        <dt>提出者</dt><dd>{{uploader}}</dd>
        <dt>集計への取り込み</dt><dd>{{takenIn}}</dd>
      </dl>
      {{#refusal}}<p class="notice error" id="upload-refusal">{{refusal}}</p>{{/refusal}}
      {{#hasErrors}}
      <h2>エラー（{{errorCount}}件）: 直してからもう一度アップロードしてください</h2>
      <ul class="problems errors">
      {{#errors}}<li class="problem" data-severity="error">{{line}}</li>
      {{/errors}}
      </ul>
      {{/hasErrors}}
      {{#hasWarnings}}
      <h2>警告（{{warningCount}}件）: {{warningNote}}</h2>
      <ul class="problems warnings">
      {{#warnings}}<li class="problem" data-severity="warning">{{line}}</li>
      {{/warnings}}
      </ul>
      {{/hasWarnings}}
    </div>
    {{#fileHref}}<p><a id="download-upload" href="{{fileHref}}">アップロードされたファイルをダウンロード</a></p>{{/fileHref}}
    <p><a id="back" href="{{backHref}}">{{backLabel}}</a></p>
    {{> footer}}
    """
}
