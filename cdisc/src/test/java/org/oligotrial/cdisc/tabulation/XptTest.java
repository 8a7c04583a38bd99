package org.oligotrial.cdisc.tabulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SAS transport v5 against bytes worked by hand from TS-140 and against a file written by an independent
 * implementation: {@code reference.xpt}, made by R 4.2.2 with haven 2.5.1 (ReadStat) by
 * {@code src/test/resources/org/oligotrial/cdisc/xpt/make-reference.R}.
 */
class XptTest {
  static final HexFormat HEX = HexFormat.ofDelimiter(" ");

  @Test
  void ibmFloatsWorkedByHand() {
    // 1.0 = 0.1 (hex) x 16^1: exponent 64 + 1 = 0x41, fraction 0x10000000000000
    assertThat(HEX.formatHex(IbmFloat.encode(1.0))).isEqualTo("41 10 00 00 00 00 00 00");
    // 118.625 = 0x76.A = 0x0.76A x 16^2: exponent 0x42, sign bit set: 0xC2
    assertThat(HEX.formatHex(IbmFloat.encode(-118.625))).isEqualTo("c2 76 a0 00 00 00 00 00");
    // 0.1: IEEE 0x3FB999999999999A, e = -4 = 4(-1) + 0, so E = 0 (0x40) and F = M = 0x1999999999999A
    assertThat(HEX.formatHex(IbmFloat.encode(0.1))).isEqualTo("40 19 99 99 99 99 99 9a");
    // 20000 days (a SAS date, 2014-10-04): 20000 = 0x4E20 = 0x0.4E20 x 16^4: exponent 0x44
    assertThat(HEX.formatHex(IbmFloat.encode(20000.0))).isEqualTo("44 4e 20 00 00 00 00 00");
    assertThat(HEX.formatHex(IbmFloat.encode(null))).isEqualTo("2e 00 00 00 00 00 00 00");
    assertThat(HEX.formatHex(IbmFloat.encode(0.0))).isEqualTo("00 00 00 00 00 00 00 00");
  }

  @Test
  void ibmFloatsRoundTripExactly() {
    java.util.Random r = new java.util.Random(20170418);
    for (int i = 0; i < 10_000; i++) {
      double v = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20);
      assertThat(IbmFloat.decode(IbmFloat.encode(v), 0)).isEqualTo(v);
    }
  }

  static Dataset reference() {
    Dataset ds = new Dataset("REF", "Reference for XptWriter", "TEST", "one row per value", false, List.of(
        Variable.text("USUBJID", "Unique Subject Identifier", Variable.Origin.ASSIGNED),
        Variable.text("AVAL", "Analysis Value", Variable.Origin.DERIVED).as(Variable.Type.FLOAT),
        Variable.text("X01", "A tenth, zero, forty-two", Variable.Origin.DERIVED).as(Variable.Type.FLOAT)),
        List.of("USUBJID"));
    ds.add("NCT03119519-GZ01-001", new BigDecimal("1.0"), new BigDecimal("0.1"));
    ds.add("NCT03119519-GZ02-001", new BigDecimal("-118.625"), BigDecimal.ZERO);
    ds.add("X", null, 42L);
    return ds;
  }

  @Test
  void namestrsAndObservationsEqualHavensBytes() throws Exception {
    byte[] haven;
    try (InputStream in = XptTest.class.getResourceAsStream("/org/oligotrial/cdisc/xpt/reference.xpt")) {
      haven = in.readAllBytes();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XptWriter.write(reference(), LocalDateTime.of(2026, 12, 6, 14, 17, 29), out);
    byte[] ours = out.toByteArray();
    assertThat(ours.length % 80).isZero();
    assertThat(ours.length).isEqualTo(haven.length);
    // everything from the NAMESTR header on (records 8..end) is independent of versions and clocks
    int namestr = 7 * 80;
    assertThat(HEX.formatHex(Arrays.copyOfRange(ours, namestr, ours.length)))
        .isEqualTo(HEX.formatHex(Arrays.copyOfRange(haven, namestr, haven.length)));
    // the dataset name and label in the member headers
    assertThat(Arrays.copyOfRange(ours, 5 * 80 + 8, 5 * 80 + 16)).isEqualTo(Arrays.copyOfRange(haven, 408, 416));
    assertThat(Arrays.copyOfRange(ours, 6 * 80 + 32, 6 * 80 + 72)).isEqualTo(Arrays.copyOfRange(haven, 512, 552));
  }

  @Test
  void readerReadsHavensFile() throws Exception {
    byte[] haven;
    try (InputStream in = XptTest.class.getResourceAsStream("/org/oligotrial/cdisc/xpt/reference.xpt")) {
      haven = in.readAllBytes();
    }
    XptReader.Content c = XptReader.read(haven);
    assertThat(c.name()).isEqualTo("REF");
    assertThat(c.label()).isEqualTo("Reference for XptWriter");
    assertThat(c.columns()).extracting(XptReader.Column::name).containsExactly("USUBJID", "AVAL", "X01");
    assertThat(c.columns().get(0).length()).isEqualTo(20);
    assertThat(c.rows()).hasSize(3);
    assertThat(c.rows().get(1)).containsExactly("NCT03119519-GZ02-001", -118.625, 0.0);
    assertThat(c.rows().get(2)).containsExactly("X", null, 42.0);
    assertThat(c.rows().get(0)[2]).isEqualTo(0.1);
  }

  @Test
  void adamDatesAreSasDatesWithFormatDate9() {
    Dataset ds = new Dataset("ADX", "dates", "TEST", "one row", true, List.of(
        Variable.text("RANDDT", "Date of Randomization", Variable.Origin.COLLECTED).as(Variable.Type.DATE)),
        List.of());
    ds.add(LocalDate.of(1960, 1, 1)).add(LocalDate.of(2024, 3, 1));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XptWriter.write(ds, LocalDateTime.of(2024, 1, 1, 0, 0), out);
    XptReader.Content c = XptReader.read(out.toByteArray());
    assertThat(c.columns().get(0).format()).isEqualTo("DATE");
    // 1960-01-01 is SAS day 0; 2024-03-01 is 23436 days later (64 years with 16 leap days: 64*365+16 = 23376,
    // plus January 31 and February 29 = 60)
    assertThat(c.rows()).extracting(r -> r[0]).containsExactly(0.0, 23436.0);
  }
}
