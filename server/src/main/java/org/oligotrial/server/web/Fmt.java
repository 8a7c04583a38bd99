package org.oligotrial.server.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Date formatting for the templates ({@code ${@fmt.dateTime(x)}}), always in UTC as the audit trail stores it. */
@Component("fmt")
public class Fmt {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  public String date(Instant t) {
    return t == null ? "" : DATE.format(t);
  }

  public String dateTime(Instant t) {
    return t == null ? "" : DATE_TIME.format(t);
  }
}
