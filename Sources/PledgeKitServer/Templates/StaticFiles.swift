/// The style sheet and the two small scripts, served from /static/ (same origin: the CSP allows
/// no inline style or script and nothing from elsewhere). The pages work without the scripts.
enum StaticFiles {
    static let css = """
    /* pledgekit serve: one style sheet, no web fonts (the intranet reaches nothing outside). */
    body { font-family: "Hiragino Kaku Gothic ProN", "Meiryo", "Noto Sans CJK JP", "IPAexGothic", sans-serif;
           margin: 0; color: #1d1d1f; background: #f6f7f9; line-height: 1.6; }
    header.site { background: #1f4e79; color: #fff; padding: 0.5rem 1.5rem; }
    header.site .site-name { margin: 0.3rem 0; font-weight: bold; }
    .office-nav a, .office-nav .link-button { color: #fff; margin-right: 1rem; }
    main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
    h1 { font-size: 1.5rem; }
    .card { background: #fff; border: 1px solid #d8dce3; border-radius: 6px; padding: 1rem 1.25rem; margin: 1rem 0; }
    table { border-collapse: collapse; width: 100%; background: #fff; margin: 0.5rem 0 1rem; }
    th, td { border: 1px solid #d8dce3; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
    thead th { background: #e9eef5; }
    td.state, td.time, table#status th[scope=row] { white-space: nowrap; }
    td.figure { text-align: right; font-variant-numeric: tabular-nums; }
    tr.policy td { font-weight: bold; }
    tr.overall td { font-weight: bold; background: #f1f4f8; }
    .state.accepted { color: #0b6b2e; font-weight: bold; }
    .state.warnings, .state.accepted-with-warnings { color: #8a5a00; font-weight: bold; }
    .state.errors, .state.rejected, .state.failed, .state.interrupted { color: #b00020; font-weight: bold; }
    .state.not-submitted { color: #666; }
    .notice { padding: 0.6rem 0.8rem; border-radius: 4px; background: #eef3fb; border: 1px solid #c5d5ee; }
    .notice.error { background: #fdecee; border-color: #f2b8c0; }
    .notice.warning { background: #fff6e0; border-color: #f0d48a; }
    .notice.success { background: #e9f7ee; border-color: #a9dcb9; }
    .result { border-left: 6px solid #999; padding-left: 1rem; }
    .result.accepted { border-color: #0b6b2e; }
    .result.accepted-with-warnings { border-color: #d79b00; }
    .result.rejected { border-color: #b00020; }
    .verdict { font-size: 1.2rem; font-weight: bold; }
    .problems li, p.problem { margin: 0.2rem 0; word-break: break-all; }
    .problem.error, li[data-severity="error"] { color: #b00020; }
    .problem.warning, li[data-severity="warning"] { color: #8a5a00; }
    .facts dt { float: left; clear: left; width: 9rem; color: #555; }
    .facts dd { margin-left: 9.5rem; }
    .hint { color: #555; font-size: 0.9rem; }
    .tag { white-space: nowrap; background: #e9eef5; border-radius: 3px; padding: 0 0.3rem; font-size: 0.8rem; }
    .drop-zone { border: 2px dashed #9aa8ba; border-radius: 6px; padding: 1rem; margin: 0.5rem 0; background: #fbfcfe; }
    .drop-zone.dragging { border-color: #1f4e79; background: #eef3fb; }
    .button, button { display: inline-block; background: #1f4e79; color: #fff; border: 0; border-radius: 4px;
                      padding: 0.45rem 1rem; font-size: 1rem; text-decoration: none; cursor: pointer; }
    button.revoke { background: #b00020; }
    .link-button { background: none; padding: 0; text-decoration: underline; font-size: 1rem; }
    form.inline { display: inline; }
    .filters label { margin-left: 0.5rem; }
    progress { width: 24rem; height: 1.2rem; }
    code { background: #eef0f3; padding: 0.1rem 0.3rem; word-break: break-all; }
    svg .bar.year-0 { fill: #9db9d8; }
    svg .bar.year-1 { fill: #1f4e79; }
    svg .bar.year-2 { fill: #5b8c3a; }
    svg .bar.year-3 { fill: #c77c02; }
    svg .grid { stroke: #d8dce3; }
    svg text { font-size: 12px; fill: #1d1d1f; }
    svg text.axis { fill: #555; }
    #signin-form label { display: block; margin-bottom: 0.3rem; }
    #signin-form input { font-size: 1rem; padding: 0.3rem; margin-bottom: 0.8rem; width: 16rem; display: block; }
    """

    /// Drag and drop onto the upload forms: the dropped files go into the form's file input, which
    /// the form then sends as if chosen with the button.
    static let uploadScript = """
    "use strict";
    document.querySelectorAll(".drop-zone").forEach(function (zone) {
      var input = zone.querySelector("input[type=file]");
      if (!input) { return; }
      ["dragenter", "dragover"].forEach(function (name) {
        zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add("dragging"); });
      });
      ["dragleave", "drop"].forEach(function (name) {
        zone.addEventListener(name, function () { zone.classList.remove("dragging"); });
      });
      zone.addEventListener("drop", function (event) {
        event.preventDefault();
        if (!event.dataTransfer || event.dataTransfer.files.length === 0) { return; }
        input.files = event.dataTransfer.files;
        input.form.requestSubmit ? input.form.requestSubmit() : input.form.submit();
      });
    });
    """

    /// The run page's progress while the run goes on: reloads the page every second (the server
    /// draws the bar, the stage and, at the end, the outputs). Not fetch(): the CSP has no
    /// connect-src, so a script may not call the server; the JSON endpoint is for other clients.
    static let runScript = """
    "use strict";
    (function () {
      var state = document.getElementById("run-state");
      if (!state || state.getAttribute("data-state") !== "running") { return; }
      setTimeout(function () { window.location.reload(); }, 1000);
    })();
    """
}
