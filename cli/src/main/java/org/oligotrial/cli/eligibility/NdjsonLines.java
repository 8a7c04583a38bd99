package org.oligotrial.cli.eligibility;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads an NDJSON stream line by line as UTF-8 bytes into one reused buffer (no decoding, no String per line), so
 * that memory stays flat whatever the file size. A line may be as long as memory allows. Not thread-safe.
 */
final class NdjsonLines {
  private final InputStream in;
  private byte[] buf = new byte[1 << 16];
  private int start;
  private int end;
  private boolean eof;
  private int lineStart;
  private int lineLength;

  NdjsonLines(InputStream in) {
    this.in = in;
  }

  /** Advances to the next line; false at the end of the input. */
  boolean next() throws IOException {
    while (true) {
      for (int i = start; i < end; i++) {
        if (buf[i] == '\n') {
          lineStart = start;
          lineLength = i - start;
          if (lineLength > 0 && buf[i - 1] == '\r') {
            lineLength--;
          }
          start = i + 1;
          return true;
        }
      }
      if (eof) {
        if (start < end) {
          lineStart = start;
          lineLength = end - start;
          start = end;
          return true;
        }
        return false;
      }
      fill();
    }
  }

  private void fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int n = in.read(buf, end, buf.length - end);
    if (n < 0) {
      eof = true;
    } else {
      end += n;
    }
  }

  byte[] buffer() {
    return buf;
  }

  int offset() {
    return lineStart;
  }

  int length() {
    return lineLength;
  }

  /** Whether the current line holds only blanks. */
  boolean blank() {
    for (int i = lineStart; i < lineStart + lineLength; i++) {
      byte b = buf[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
