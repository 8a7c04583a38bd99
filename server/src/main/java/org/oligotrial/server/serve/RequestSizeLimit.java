package org.oligotrial.server.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a request body larger than {@code maxBytes} before anything reads it, so that no request can make the
 * server hold a body of any size in memory (a JSON body is read whole into a tree before its fields are checked).
 * A declared {@code Content-Length} over the limit is answered at once with 413 and a problem document; a body sent
 * without a length (chunked) is counted as it is read and fails with {@link BodyTooLargeException} at the limit,
 * which the API answers with 413 too. The largest legitimate body, a screening record of 1,000,000 characters, fits
 * with room for JSON escapes. Thread-safe.
 */
public final class RequestSizeLimit implements Filter {
  private final long maxBytes;

  /** @param maxBytes the largest body accepted, in bytes (at least 1) */
  public RequestSizeLimit(long maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("the request body limit must be at least 1 byte, got " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /** The largest body accepted, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest http) || !(res instanceof HttpServletResponse out)) {
      chain.doFilter(req, res);
      return;
    }
    long declared = http.getContentLengthLong();
    if (declared > maxBytes) {
      refuse(http, out, maxBytes);
      return;
    }
    chain.doFilter(declared >= 0 ? http : new Counted(http, maxBytes), res);
  }

  /** Answers 413 with a problem document naming the limit; the connection closes (the body stays unread). */
  static void refuse(HttpServletRequest req, HttpServletResponse res, long maxBytes) throws IOException {
    res.setStatus(413);
    res.setHeader("Connection", "close");
    res.setContentType("application/problem+json");
    res.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String path = req.getRequestURI().replace("\\", "\\\\").replace("\"", "\\\"");
    res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,\"detail\":"
        + "\"the request body is larger than " + maxBytes + " bytes\",\"instance\":\"" + path + "\"}");
  }

  /** A body read past the limit. */
  public static final class BodyTooLargeException extends IOException {
    private final long maxBytes;

    BodyTooLargeException(long maxBytes) {
      super("the request body is larger than " + maxBytes + " bytes");
      this.maxBytes = maxBytes;
    }

    /** The limit that was passed. */
    public long maxBytes() {
      return maxBytes;
    }
  }

  /** The request with its body counted as it is read. */
  private static final class Counted extends HttpServletRequestWrapper {
    private final long maxBytes;
    private ServletInputStream in;

    Counted(HttpServletRequest req, long maxBytes) {
      super(req);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (in == null) {
        in = new CountingStream(super.getInputStream(), maxBytes);
      }
      return in;
    }
  }

  private static final class CountingStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long maxBytes;
    private long read;

    CountingStream(ServletInputStream in, long maxBytes) {
      this.in = in;
      this.maxBytes = maxBytes;
    }

    private int count(int n) throws BodyTooLargeException {
      if (n > 0) {
        read += n;
        if (read > maxBytes) {
          throw new BodyTooLargeException(maxBytes);
        }
      }
      return n;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      return count(in.read(buf, off, len));
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
