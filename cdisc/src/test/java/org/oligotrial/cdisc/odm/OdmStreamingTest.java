package org.oligotrial.cdisc.odm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.oligotrial.cdisc.SampleTrial;
import org.oligotrial.cdisc.model.AdminInfo;
import org.oligotrial.cdisc.model.ClinicalDataSource;
import org.oligotrial.cdisc.model.SubjectRecord;

/**
 * A generated trial of 10,000 subjects streams through the writer one subject at a time: when the source hands over
 * subject k, the sink has already received the closing tags of all k earlier subjects, so the writer holds at most
 * one subject. Asserted by counting, not by timing or heap size.
 */
class OdmStreamingTest {
  static final int N = 10_000;

  /** Counts the bytes and the {@code </SubjectData>} tags it has been given. */
  static final class CountingSink extends OutputStream {
    long bytes;
    long subjectsClosed;
    private final byte[] tag = "</SubjectData>".getBytes(StandardCharsets.US_ASCII);
    private int matched;

    @Override
    public void write(int b) {
      bytes++;
      if (b == tag[matched]) {
        if (++matched == tag.length) {
          subjectsClosed++;
          matched = 0;
        }
      } else {
        matched = b == tag[0] ? 1 : 0;
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      for (int i = off; i < off + len; i++) {
        write(b[i]);
      }
    }
  }

  @Test
  void tenThousandSubjectsStreamWithOneInFlight() {
    CountingSink sink = new CountingSink();
    SubjectRecord template = new SampleTrial().subjects().get(1);
    long[] lagMax = {0};
    ClinicalDataSource generated = new ClinicalDataSource() {
      @Override
      public AdminInfo admin() {
        return SampleTrial.ADMIN;
      }

      @Override
      public void forEachSubject(String site, Consumer<SubjectRecord> consumer) {
        for (int k = 0; k < N; k++) {
          // subjects handed over so far (k) minus subjects fully written: 0 when nothing is held back
          lagMax[0] = Math.max(lagMax[0], k - sink.subjectsClosed);
          consumer.accept(new SubjectRecord(String.format("S%05d", k), "GZ01", k % 2 == 0 ? "RT+" : "RT-",
              Map.of("histology", "squamous"), template.randomizationDate(), template.forms(), template.audit(),
              template.signatures(), template.queries()));
        }
      }
    };
    OdmWriter.Counts counts = OdmWriter.write(OdmSchemaValidationTest.STUDY, generated,
        new OdmWriter.Options("F.BIG", Instant.parse("2024-01-01T00:00:00Z"), true, null, true, true), sink);
    assertThat(counts.subjects).isEqualTo(N);
    assertThat(lagMax[0]).isZero();
    assertThat(sink.subjectsClosed).isEqualTo(N);
    assertThat(counts.auditRecords).isEqualTo((long) N * template.audit().size());
    assertThat(sink.bytes).isGreaterThan(N * 5_000L);
  }
}
