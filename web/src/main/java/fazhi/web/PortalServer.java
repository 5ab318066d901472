package fazhi.web;

import fazhi.core.BadInputException;
import fazhi.indexer.search.SearchService;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;

/**
 * The web portal: every route, the static assets, the safety headers, the request limits and the exception mapping,
 * declared in one place. Binds to 127.0.0.1 only. The search service is owned by the caller (it outlives restarts of
 * the server in tests and is refreshed in the background while {@code ./portal index} commits).
 */
public final class PortalServer implements AutoCloseable {
    /** Largest request body accepted (the portal has no uploads; anything bigger is 413). */
    static final long MAX_BODY = 64 * 1024;
    /** Request line plus headers; longer URIs get 414, larger header blocks 431 (answered by Jetty). */
    static final int MAX_HEADER = 32 * 1024;
    public static final String HOST = "127.0.0.1";

    private final Javalin app;

    private PortalServer(Javalin app) {
        this.app = app;
    }

    /** Starts the portal on 127.0.0.1:port (0 = a free port). */
    public static PortalServer start(SearchService search, int port) {
        return start(search, port, Clock.systemDefaultZone());
    }

    static PortalServer start(SearchService search, int port, Clock clock) {
        Javalin app = create(search, clock);
        app.start(HOST, port);
        return new PortalServer(app);
    }

    static Javalin create(SearchService search, Clock clock) {
        Templates templates = new Templates();
        Pages pages = new Pages(search, templates);
        Api api = new Api(search);
        Exports exports = new Exports(search, clock);
        Errors errors = new Errors(templates);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY;
            config.http.defaultContentType = "text/plain; charset=utf-8";
            config.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(MAX_HEADER);
                http.setSendServerVersion(false);
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/fazhi/web/static";
                files.location = Location.CLASSPATH;
                files.headers = SecurityHeaders.HEADERS;
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/static/echarts";
                files.directory = "/META-INF/resources/webjars/echarts/5.5.0";
                files.location = Location.CLASSPATH;
                files.headers = SecurityHeaders.HEADERS;
            });

            config.routes.before(ctx -> {
                SecurityHeaders.apply(ctx::header);
                if (ctx.req().getContentLengthLong() > MAX_BODY) {
                    throw new BadInputException("too-large", "请求内容过大（最多 " + MAX_BODY / 1024 + " KB）。", 413);
                }
            });

            config.routes.get("/", pages::search);
            config.routes.get("/report/{id}", pages::report);
            config.routes.get("/compare", pages::compare);
            config.routes.get("/trends", pages::trends);
            config.routes.get("/export.csv", exports::search);
            config.routes.get("/compare.csv", exports::compare);
            config.routes.get("/trends.csv", exports::trends);
            config.routes.get("/api/search", api::search);
            config.routes.get("/api/report/{id}", api::report);
            config.routes.get("/api/compare", api::compare);
            config.routes.get("/api/trends", api::trends);

            config.routes.exception(BadInputException.class, errors::badInput);
            config.routes.exception(HttpResponseException.class, errors::http);
            config.routes.exception(Exception.class, errors::internal);
        });
    }

    public int port() {
        return app.port();
    }

    /** http://127.0.0.1:PORT */
    public String url() {
        return "http://" + HOST + ":" + port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
