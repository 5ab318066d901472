package fazhi.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches the application (URI too long → 414, headers too large → 431,
 * malformed requests → 400): a short Chinese text with the security headers, never a stack trace.
 */
final class JettyErrors extends ErrorHandler {
    JettyErrors() {
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        SecurityHeaders.apply((name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        String message = switch (status) {
            case HttpStatus.URI_TOO_LONG_414 -> "请求网址过长（检索词太长），请缩短检索词后重试。";
            case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 -> "请求头过大，请清理浏览器 Cookie 后重试。";
            case HttpStatus.PAYLOAD_TOO_LARGE_413 -> "请求内容过大。";
            default -> "请求无法处理（HTTP " + status + "）。";
        };
        response.write(true, ByteBuffer.wrap((message + "\n").getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
