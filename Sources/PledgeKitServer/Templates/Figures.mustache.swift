/// 総括表 as it stands, and a chart of the policies (SVG drawn on the server; no script).
enum FiguresTemplate {
    static let text = """
    {{#chrome}}{{> header}}{{/chrome}}
    <h1>数値（総括表）</h1>
    <p class="hint">いま受け付けているファイルから計算した値です。集計を実行すると、同じ値が公表用のブックに書かれます。</p>
    {{#refusal}}<p class="notice error" id="figures-refusal">{{refusal}} <a href="/office/reconciliation?severity=error">エラーの一覧</a></p>{{/refusal}}
    {{#hasRows}}
    <table id="summary-table">
      <thead><tr><th>番号</th><th>基本政策・公約</th>{{#years}}<th>{{label}}</th>{{/years}}</tr></thead>
      <tbody>
      {{#rows}}<tr data-id="{{id}}" class="{{rowClass}}"><td class="id">{{number}}</td><td>{{title}}</td>{{#values}}<td class="figure">{{text}}</td>{{/values}}</tr>
      {{/rows}}
      </tbody>
    </table>
    {{#chart}}
    <h2>基本政策の進捗</h2>
    <svg id="policy-chart" xmlns="http://www.w3.org/2000/svg" width="{{width}}" height="{{height}}" viewBox="0 0 {{width}} {{height}}" role="img" aria-label="基本政策ごとの進捗（%）">
      {{#gridLines}}<line class="grid" x1="{{x}}" y1="0" x2="{{x}}" y2="{{bottom}}"/><text class="axis" x="{{x}}" y="{{labelY}}" text-anchor="middle">{{label}}</text>
      {{/gridLines}}
      {{#bars}}<rect class="bar year-{{yearIndex}}" x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}"><title>{{tooltip}}</title></rect><text class="value" x="{{textX}}" y="{{textY}}">{{value}}</text>
      {{/bars}}
      {{#labels}}<text class="policy" x="{{x}}" y="{{y}}" text-anchor="end">{{text}}</text>
      {{/labels}}
      {{#legend}}<rect class="bar year-{{yearIndex}}" x="{{x}}" y="{{y}}" width="12" height="12"/><text class="legend" x="{{textX}}" y="{{textY}}">{{label}}</text>
      {{/legend}}
    </svg>
    {{/chart}}
    {{/hasRows}}
    {{#headlines}}<p class="headline">{{.}}</p>{{/headlines}}
    {{#noFigures}}<p class="notice" id="no-figures">この様式では総括表の割合はありません。集計を実行すると、様式どおりのブックとCSVを書き出します。</p>{{/noFigures}}
    {{> footer}}
    """
}
