package org.oligotrial.server.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Sends an API response that fits in {@code bytes} in one piece, with a {@code Content-Length}.
 *
 * <p>Spring's JSON converter flushes the response after writing the body; a flush commits the response, so the
 * container sends it chunked: for a participant with its eligibility result (about 11 KiB) that was three writes to
 * the socket (8 KiB, the rest, the closing chunk), each a system call and, on a virtual machine, a costly one. Here
 * each response gets a buffer of {@code bytes} and flushes from the application are ignored: the container sends
 * the response when the buffer fills (a larger response then streams as before) or when the request ends. The
 * connector's socket buffer is enlarged to match ({@link ApiServingConfiguration}). Thread-safe.
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
    if (!(res instanceof HttpServletResponse http) || res.isCommitted()) {
      chain.doFilter(req, res);
      return;
    }
    if (res.getBufferSize() < bytes) {
      res.setBufferSize(bytes);
    }
    chain.doFilter(req, new Unflushed(http));
  }

  /** The response with flushes from the application ignored (the container still sends a full buffer). */
  private static final class Unflushed extends HttpServletResponseWrapper {
    private ServletOutputStream out;

    Unflushed(HttpServletResponse res) {
      super(res);
    }

    @Override
    public void flushBuffer() {
      // the container sends the response when the buffer fills or the request ends
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (out == null) {
        ServletOutputStream target = super.getOutputStream();
        out = new ServletOutputStream() {
          @Override
          public void write(int b) throws IOException {
            target.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
          }

          @Override
          public void flush() {
            // see flushBuffer
          }

          @Override
          public void close() throws IOException {
            target.close();
          }

          @Override
          public boolean isReady() {
            return target.isReady();
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            target.setWriteListener(listener);
          }
        };
      }
      return out;
    }
  }
}
