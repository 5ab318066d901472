package fazhi.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fazhi.core.BadInputException;
import fazhi.web.view.ErrorPage;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses: JSON {@code {"error", "code"}} under {@code /api/}, an HTML page with
 * the search box elsewhere; the status comes from the exception. Internal failures are logged with their stack trace
 * and answered with a generic message, never the trace.
 */
final class Errors {
    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Templates templates;

    Errors(Templates templates) {
        this.templates = templates;
    }

    void badInput(BadInputException e, Context ctx) {
        respond(ctx, e.httpStatus(), e.code(), e.getMessage());
    }

    void http(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        String message = switch (status) {
            case 404 -> "页面不存在：" + ctx.path();
            case 405 -> "不支持该请求方法：" + ctx.method();
            case 413 -> "请求内容过大。";
            default -> "请求无法处理（HTTP " + status + "）。";
        };
        respond(ctx, status, status == 404 ? "not-found" : "http-" + status, message);
    }

    void internal(Exception e, Context ctx) {
        LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
        respond(ctx, 500, "internal", "服务器内部错误，请稍后重试。");
    }

    private void respond(Context ctx, int status, String code, String message) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("error", message);
            body.put("code", code);
            try {
                ctx.contentType("application/json; charset=utf-8").result(JSON.writeValueAsString(body));
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException(impossible);
            }
            return;
        }
        String q = safeQuery(ctx);
        ctx.contentType("text/html; charset=utf-8").result(templates.render("error.jte", new ErrorPage(status, message, q)));
    }

    /** The q parameter for the error page's search box, or empty when even reading it fails. */
    private static String safeQuery(Context ctx) {
        try {
            String q = ctx.queryParam("q");
            return q == null ? "" : q;
        } catch (RuntimeException unreadable) {
            LOG.debug("query parameters unreadable: {}", unreadable.toString());
            return "";
        }
    }
}
