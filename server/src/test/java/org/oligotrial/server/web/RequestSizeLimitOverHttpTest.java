package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.serve.RequestSizeLimit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

/**
 * The request body limit on the running server: a body declared larger than 8 MiB is refused before it is read, and
 * one sent chunked is refused when the count passes the limit; both 413 with a problem document, nothing stored.
 */
class RequestSizeLimitOverHttpTest extends WebTestBase {
  private static final long LIMIT = 8L * 1024 * 1024;

  @Autowired FilterRegistrationBean<RequestSizeLimit> limit;

  private String basic() {
    return "Basic " + Base64.getEncoder().encodeToString(("coord.a:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  /** Sends the head, then the body parts, over one connection, and returns the response head and body. */
  private String exchange(String head, byte[]... parts) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      for (byte[] p : parts) {
        out.write(p);
      }
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      for (int n; (n = in.read(buf)) > 0; ) {
        got.write(buf, 0, n);
        if (got.toString(StandardCharsets.UTF_8).contains("}")) {
          break;
        }
      }
      return got.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void theLimitIsOnEveryPathAheadOfSecurity() {
    assertThat(limit.getUrlPatterns()).containsExactly("/*");
    assertThat(limit.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
    assertThat(limit.getFilter().maxBytes()).isEqualTo(LIMIT);
  }

  @Test
  void aBodyDeclaredTooLargeIs413BeforeAnythingReadsIt() throws IOException {
    // only the head is sent: the answer comes without the server waiting for the 9 MB announced
    String reply = exchange("POST /api/v1/participants HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic()
        + "\r\nContent-Type: application/json\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n");
    assertThat(reply).startsWith("HTTP/1.1 413").contains("\"status\":413")
        .contains("larger than " + LIMIT + " bytes");
  }

  @Test
  void aChunkedBodyPastTheLimitIs413AndNothingIsStored() throws IOException {
    byte[] start = "{\"siteCode\":\"A\",\"screeningNumber\":\"HUGE-1\",\"screeningRecord\":{\"x\":\""
        .getBytes(StandardCharsets.US_ASCII);
    byte[] filler = new byte[(int) LIMIT + 1024];
    java.util.Arrays.fill(filler, (byte) 'a');
    byte[] end = "\"}}".getBytes(StandardCharsets.US_ASCII);
    String reply = exchange("POST /api/v1/participants HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic()
            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
        chunk(start), chunk(filler), chunk(end), "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(reply).startsWith("HTTP/1.1 413").contains("\"status\":413")
        .contains("larger than " + LIMIT + " bytes");
    assertThat(register.participants().list(actor("coord.a"), "A", null, 0, 500).items())
        .noneMatch(p -> p.screeningNumber().equals("HUGE-1"));
  }

  private static byte[] chunk(byte[] data) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    b.writeBytes(data);
    b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    return b.toByteArray();
  }
}
