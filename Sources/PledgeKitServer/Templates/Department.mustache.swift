/// A department's page: its measures, its template, the upload form, and its history.
enum DepartmentTemplate {
    static let text = """
    {{#chrome}}{{> header}}{{/chrome}}
    <h1 id="department-name">{{department}}</h1>
    {{#current}}<p class="notice success" id="current-file">集計に使うファイル: <a href="/department/uploads/{{id}}">{{name}}</a>（{{time}} 受付）</p>{{/current}}
    {{^current}}<p class="notice" id="current-file">まだ受け付けたファイルはありません。</p>{{/current}}
    <section class="card">
      <h2>1. 提出票をダウンロードする</h2>
      <p>担当の施策を記入済みの提出票です。取組事業内容と評価を記入して保存してください。</p>
      <p><a id="download-template" class="button" href="/department/template.xlsx">提出票（{{templateName}}）をダウンロード</a></p>
      <h3>担当の施策（{{measureCount}}件）</h3>
      <table class="measures">
        <thead><tr><th>施策ID</th><th>施策内容</th></tr></thead>
        <tbody>
        {{#measures}}<tr><td class="id">{{id}}</td><td>{{title}}</td></tr>
        {{/measures}}
        </tbody>
      </table>
    </section>
    <section class="card">
      <h2>2. 記入したファイルをアップロードする</h2>
      <p>アップロードするとすぐに確認し、問題があればシートとセルを示します。エラーがあるファイルは保管しますが、集計には使いません。直してもう一度アップロードしてください。</p>
      <form id="upload-form" method="post" action="/department/uploads" enctype="multipart/form-data" class="upload">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <div class="drop-zone" id="drop-zone">
          <label for="file">ファイル（.xlsx・.csv、{{maxMB}} MBまで）</label>
          <input type="file" name="file" id="file" accept=".xlsx,.csv,.tsv" required>
          <p class="hint drop-hint">ここにファイルをドラッグ＆ドロップすることもできます。</p>
        </div>
        <button type="submit" id="upload">アップロード</button>
      </form>
    </section>
    <section class="card">
      <h2>これまでのアップロード</h2>
      {{#hasUploads}}
      <table id="history">
        <thead><tr><th>日時</th><th>ファイル</th><th>結果</th><th>エラー</th><th>警告</th><th>提出者</th></tr></thead>
        <tbody>
        {{#uploads}}<tr data-upload="{{id}}"><td>{{time}}</td><td><a href="/department/uploads/{{id}}">{{name}}</a></td>
          <td class="state {{stateClass}}">{{stateLabel}}</td><td>{{errors}}</td><td>{{warnings}}</td><td>{{uploader}}</td></tr>
        {{/uploads}}
        </tbody>
      </table>
      {{/hasUploads}}
      {{^hasUploads}}<p>まだアップロードはありません。</p>{{/hasUploads}}
    </section>
    {{> footer}}
    """
}
