package org.oligotrial.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * The 24-hour clock of an SAE report (Regulation (EU) No 536/2014 Art. 41(2)), worked by hand: awareness on
 * 2025-03-01 at 21:15 makes the report due on 2025-03-02 at 21:15.
 */
class ReportingDeadlineTest {
  private static final LocalDateTime AWARE = LocalDateTime.of(2025, 3, 1, 21, 15);

  @Test
  void theReportIsDue24HoursAfterAwarenessAndExactly24HoursIsOnTime() {
    assertThat(ReportingDeadline.due(AWARE, ReportingDeadline.SAE_HOURS))
        .isEqualTo(LocalDateTime.of(2025, 3, 2, 21, 15));
    assertThat(ReportingDeadline.onTime(AWARE, LocalDateTime.of(2025, 3, 2, 21, 15), 24)).isTrue();
    assertThat(ReportingDeadline.onTime(AWARE, LocalDateTime.of(2025, 3, 2, 21, 16), 24)).isFalse();
  }

  @Test
  void theStatusAndTheTimeLeftAtAGivenMoment() {
    LocalDateTime morning = LocalDateTime.of(2025, 3, 2, 9, 0);
    assertThat(ReportingDeadline.status(AWARE, null, morning, 24)).isEqualTo(ReportingDeadline.Status.DUE);
    // 09:00 to 21:15 the same day: 12 h 15 min left
    assertThat(ReportingDeadline.remaining(AWARE, morning, 24)).isEqualTo(Duration.ofMinutes(12 * 60 + 15));
    LocalDateTime late = LocalDateTime.of(2025, 3, 3, 8, 0);
    assertThat(ReportingDeadline.status(AWARE, null, late, 24)).isEqualTo(ReportingDeadline.Status.OVERDUE);
    assertThat(ReportingDeadline.remaining(AWARE, late, 24)).isNegative();
    assertThat(ReportingDeadline.status(AWARE, LocalDateTime.of(2025, 3, 2, 10, 0), late, 24))
        .isEqualTo(ReportingDeadline.Status.ON_TIME);
    assertThat(ReportingDeadline.status(AWARE, LocalDateTime.of(2025, 3, 3, 7, 0), late, 24))
        .isEqualTo(ReportingDeadline.Status.LATE);
  }
}
