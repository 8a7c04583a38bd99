package org.oligotrial.server.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/**
 * Gives each response a buffer of {@code bytes} before anything is written. A response that fits is sent with a
 * {@code Content-Length} in one write to the socket; the servlet container's default buffer (8 KiB) is smaller than
 * a participant with its eligibility result (about 11 KiB), which was then sent chunked in three writes. Each write
 * to a socket is a system call and, on a virtual machine, a costly one. Thread-safe.
 */
public final class ResponseBuffering implements Filter {
  private final int bytes;

  /**
   * @param bytes the response buffer size (at least 1)
   */
  public ResponseBuffering(int bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("response buffer must be at least 1 byte, got " + bytes);
    }
    this.bytes = bytes;
  }

  /** The buffer size given to each response. */
  public int bytes() {
    return bytes;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!res.isCommitted() && res.getBufferSize() < bytes) {
      res.setBufferSize(bytes);
    }
    chain.doFilter(req, res);
  }
}
