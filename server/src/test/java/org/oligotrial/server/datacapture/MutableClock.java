package org.oligotrial.server.datacapture;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock a test sets to a date (noon) or to an instant. */
public final class MutableClock extends Clock {
  private volatile Instant now;

  public MutableClock(LocalDate today) {
    set(today);
  }

  public MutableClock(Instant now) {
    this.now = now;
  }

  /** Sets the clock to the instant. */
  public void set(Instant instant) {
    now = instant;
  }

  /** Noon UTC of that day. */
  public void set(LocalDate today) {
    now = today.atTime(12, 0).toInstant(ZoneOffset.UTC);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
