package fazhi.indexer.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fazhi.core.BadInputException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompareRequestTest {
    @Test
    void columnsKeepTheirFirstOrderAndMoveOrDisappearByLink() {
        CompareRequest r = new CompareRequest(" 法律顾问 ", List.of("a", "b", "a", " ", "c"));
        assertThat(r.q()).isEqualTo("法律顾问");
        assertThat(r.ids()).containsExactly("a", "b", "c");
        assertThat(r.move("c", -1).ids()).containsExactly("a", "c", "b");
        assertThat(r.move("a", -1).ids()).containsExactly("a", "b", "c");
        assertThat(r.move("a", 5).ids()).containsExactly("b", "c", "a");
        assertThat(r.without("b").ids()).containsExactly("a", "c");
        assertThat(r.toQueryString()).isEqualTo("q=%E6%B3%95%E5%BE%8B%E9%A1%BE%E9%97%AE&id=a&id=b&id=c");
        assertThat(r.complete()).isTrue();
        assertThat(new CompareRequest("", List.of("a")).complete()).isFalse();
    }

    @Test
    void rejectsBadIdsTooManyColumnsAndUnknownGroups() {
        assertThatThrownBy(() -> new CompareRequest("x", List.of("../x"))).isInstanceOf(BadInputException.class);
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= CompareRequest.MAX_COLUMNS; i++) {
            many.add("r" + i);
        }
        assertThatThrownBy(() -> new CompareRequest("x", many)).isInstanceOf(BadInputException.class).hasMessageContaining("最多对比");
        assertThat(PeerGroup.fromCode("District")).isEqualTo(PeerGroup.DISTRICT);
        assertThatThrownBy(() -> PeerGroup.fromCode("city")).isInstanceOf(BadInputException.class);
    }
}
