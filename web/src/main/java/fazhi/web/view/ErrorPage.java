package fazhi.web.view;

/** An error shown as a page: the status, the message in Chinese, and the query to search again from. */
public record ErrorPage(int status, String message, String q) {
    public String title() {
        return switch (status) {
            case 400 -> "请求有误";
            case 404 -> "未找到";
            case 413, 414, 431 -> "请求过大";
            default -> status >= 500 ? "服务器内部错误" : "请求无法处理";
        };
    }
}
