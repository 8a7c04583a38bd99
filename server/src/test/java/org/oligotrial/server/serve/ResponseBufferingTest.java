package org.oligotrial.server.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ResponseBufferingTest {
  @Test
  void enlargesTheBufferBeforeTheResponseIsWrittenAndNeverShrinksIt() throws Exception {
    MockHttpServletResponse small = new MockHttpServletResponse();
    int[] seen = new int[1];
    new ResponseBuffering(32_768).doFilter(new MockHttpServletRequest(), small,
        (q, r) -> seen[0] = r.getBufferSize());
    assertThat(seen[0]).isEqualTo(32_768);

    MockHttpServletResponse large = new MockHttpServletResponse();
    large.setBufferSize(65_536);
    new ResponseBuffering(32_768).doFilter(new MockHttpServletRequest(), large, (q, r) -> {});
    assertThat(large.getBufferSize()).isEqualTo(65_536);
  }

  @Test
  void aSizeBelowOneByteIsRefused() {
    assertThatThrownBy(() -> new ResponseBuffering(0)).hasMessageContaining("at least 1 byte");
  }
}
