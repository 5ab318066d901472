package fazhi.web.view;

import fazhi.indexer.compare.CompareGrid;
import fazhi.indexer.compare.CompareRequest;

/** The compare page: the request and, when it is complete, its grid. */
public record ComparePage(CompareRequest request, CompareGrid grid) {
    public String title() {
        return request.q().isEmpty() ? "对比" : request.q() + " - 对比";
    }

    public String left(String id) {
        return Links.compare(request.move(id, -1));
    }

    public String right(String id) {
        return Links.compare(request.move(id, 1));
    }

    public String remove(String id) {
        return Links.compare(request.without(id));
    }

    public boolean first(String id) {
        return request.ids().indexOf(id) == 0;
    }

    public boolean last(String id) {
        return request.ids().indexOf(id) == request.ids().size() - 1;
    }
}
