import Hummingbird

/// The style sheet and scripts (StaticFiles), cacheable for an hour.
enum StaticRoutes {
    static func add(to router: Router<ServerContext>) {
        let files: [(String, String, String)] = [
            ("/static/app.css", StaticFiles.css, "text/css; charset=utf-8"),
            ("/static/upload.js", StaticFiles.uploadScript, "text/javascript; charset=utf-8"),
            ("/static/run.js", StaticFiles.runScript, "text/javascript; charset=utf-8"),
        ]
        // Browsers ask for it on every site; an empty answer keeps their consoles clean.
        router.get("/favicon.ico") { _, _ -> Response in Response(status: .noContent) }
        for (path, text, type) in files {
            router.get(RouterPath(path)) { _, _ -> Response in
                Response(status: .ok, headers: [.contentType: type, .cacheControl: "max-age=3600"],
                         body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
            }
        }
    }
}
