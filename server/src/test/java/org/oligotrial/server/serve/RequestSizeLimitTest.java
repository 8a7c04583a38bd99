package org.oligotrial.server.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The request body limit: refused at once when declared too large, counted when sent without a length. */
class RequestSizeLimitTest {

  @Test
  void aDeclaredLengthOverTheLimitIs413AndNothingReadsTheBody() throws Exception {
    MockHttpServletRequest req = new MockHttpServletRequest("POST", "/api/v1/participants");
    req.setContent(new byte[101]);
    MockHttpServletResponse res = new MockHttpServletResponse();
    boolean[] called = {false};
    new RequestSizeLimit(100).doFilter(req, res, (q, s) -> called[0] = true);
    assertThat(called[0]).isFalse();
    assertThat(res.getStatus()).isEqualTo(413);
    assertThat(res.getContentAsString()).contains("\"status\":413").contains("larger than 100 bytes")
        .contains("\"instance\":\"/api/v1/participants\"");
  }

  @Test
  void aBodyAtTheLimitPassesUntouched() throws Exception {
    MockHttpServletRequest req = new MockHttpServletRequest("POST", "/x");
    req.setContent(new byte[100]);
    AtomicReference<ServletRequest> seen = new AtomicReference<>();
    new RequestSizeLimit(100).doFilter(req, new MockHttpServletResponse(), (q, s) -> seen.set(q));
    assertThat(seen.get()).isSameAs(req);
  }

  @Test
  void aBodyWithoutALengthIsCountedAndFailsOnlyPastTheLimit() throws Exception {
    for (int size : new int[] {100, 101}) {
      MockHttpServletRequest req = new MockHttpServletRequest("POST", "/x") {
        @Override
        public long getContentLengthLong() {
          return -1; // chunked
        }

        @Override
        public int getContentLength() {
          return -1;
        }
      };
      req.setContent("a".repeat(size).getBytes(StandardCharsets.UTF_8));
      AtomicReference<ServletRequest> seen = new AtomicReference<>();
      new RequestSizeLimit(100).doFilter(req, new MockHttpServletResponse(), (q, s) -> seen.set(q));
      if (size == 100) {
        assertThat(seen.get().getInputStream().readAllBytes()).hasSize(100);
      } else {
        assertThatThrownBy(() -> seen.get().getInputStream().readAllBytes())
            .isInstanceOf(RequestSizeLimit.BodyTooLargeException.class).hasMessageContaining("larger than 100");
      }
    }
  }

  @Test
  void theLimitIsPositive() {
    assertThatThrownBy(() -> new RequestSizeLimit(0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new RequestSizeLimit(8).maxBytes()).isEqualTo(8);
  }
}
