/// 提出状況: every department of the plan, and the upload of files received by email.
enum OfficeStatusTemplate {
    static let text = """
    {{#chrome}}{{> header}}{{/chrome}}
    <h1>提出状況</h1>
    <p class="counts" id="status-counts">部署 {{total}}: 受付済 {{accepted}}、警告あり {{warnings}}、エラーあり {{errors}}、未提出 {{notSubmitted}}</p>
    <table id="status">
      <thead><tr><th>部署</th><th>状態</th><th>最終提出</th><th>ファイル</th><th>問題</th></tr></thead>
      <tbody>
      {{#rows}}
      <tr data-department="{{department}}" class="{{stateClass}}">
        <th scope="row">{{department}}</th>
        <td class="state {{stateClass}}">{{stateLabel}}</td>
        <td class="time">{{time}}</td>
        <td class="file">{{#uploadHref}}<a href="{{uploadHref}}">{{fileName}}</a>{{/uploadHref}}{{^uploadHref}}{{fileName}}{{/uploadHref}}
          {{#fromInbox}}<span class="tag">提出フォルダ</span>{{/fromInbox}}
          {{#earlier}}<p class="hint still-taken">集計には{{earlier}}を使います。</p>{{/earlier}}</td>
        <td class="problems">{{#problems}}<p class="problem {{severity}}">{{line}}</p>{{/problems}}{{#more}}<p class="hint">ほか{{more}}件</p>{{/more}}</td>
      </tr>
      {{/rows}}
      </tbody>
    </table>
    {{#hasUnassigned}}
    <h2>部署が決まらないファイル</h2>
    <ul id="unassigned">
    {{#unassigned}}<li><a href="/office/uploads/{{id}}">{{name}}</a>（{{time}}）: {{reason}}</li>
    {{/unassigned}}
    </ul>
    {{/hasUnassigned}}
    <section class="card">
      <h2>メールで届いたファイルを登録する</h2>
      <p>複数のファイルをまとめて選べます。各ファイルの「部署名」欄から部署を判断し、部署のアップロードと同じ確認をします。</p>
      <form id="office-upload-form" method="post" action="/office/uploads" enctype="multipart/form-data" class="upload">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <div class="drop-zone" id="drop-zone">
          <label for="files">ファイル（.xlsx・.csv、1ファイル{{maxMB}} MBまで）</label>
          <input type="file" name="files" id="files" accept=".xlsx,.csv,.tsv" multiple required>
          <p class="hint drop-hint">ここにファイルをドラッグ＆ドロップすることもできます。</p>
        </div>
        <button type="submit" id="office-upload">登録</button>
      </form>
    </section>
    {{> footer}}
    """
}
