import HTTPTypes
import Hummingbird

/// Every response: the security headers, and a Japanese page for every refusal and failure
/// (a route's PageError, the router's own 404/405, anything unexpected as 500).
struct SecurityHeaders: RouterMiddleware {
    typealias Context = ServerContext
    let pages: PageRenderer

    static let contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let redirect as Redirect {
            response = .redirect(to: redirect.to, type: .normal)
        } catch let error as PageError {
            response = pages.error(error)
        } catch let error as HTTPError {
            response = pages.error(Self.page(for: error.status))
        } catch let error as any HTTPResponseError {
            response = pages.error(Self.page(for: error.status))
        } catch {
            context.logger.error("request failed: \(String(describing: error))")
            response = pages.error(PageError(.internalServerError, "サーバーでエラーが起きました",
                                             "時間をおいてもう一度お試しください。続くときはシステム担当に連絡してください。"))
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        if !request.uri.path.hasPrefix("/static/") || response.status != .ok {
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }

    static func page(for status: HTTPResponse.Status) -> PageError {
        switch status.code {
        case 404: .notFound
        case 405: PageError(status, "この操作はできません", "ページを開き直してください。")
        case 413: PageError(status, "送信されたデータが大きすぎます", "ファイルの大きさを確かめてください。")
        case 400..<500: PageError(status, "要求を受け付けられません", "ページを開き直してから、もう一度お試しください。")
        default: PageError(status, "サーバーでエラーが起きました", "時間をおいてもう一度お試しください。")
        }
    }
}
