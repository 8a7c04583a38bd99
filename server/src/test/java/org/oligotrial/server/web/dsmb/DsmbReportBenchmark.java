package org.oligotrial.server.web.dsmb;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.randomization.ProtocolRandomization;
import org.oligotrial.server.audit.TrialAudit;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.monitoring.InterimLooks;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.randomization.AllocationExports;
import org.oligotrial.server.randomization.RandomizationService;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.TestRegisters;
import tools.jackson.databind.json.JsonMapper;

/**
 * Timing of the DSMB report (everything the page shows, built from the services) for 148 randomized participants
 * on embedded H2, each with a death, a progression or an adverse event. Not a test (surefire does not pick up
 * {@code *Benchmark}); run with
 * {@code mvn -q -o -pl server -am test -Dtest=DsmbReportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints the cold first build and the median and maximum of 20 warm builds.
 */
class DsmbReportBenchmark {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void reportOf148Participants() {
    Protocol protocol = ProtocolLoader.bundled();
    LocalDate day0 = LocalDate.of(2025, 1, 6);
    try (HikariDataSource ds = TestRegisters.migrated(TestRegisters.freshH2Url(), 4)) {
      Register reg = TestRegisters.on(ds);
      reg.sites().add(TestRegisters.admin(), "A", "Site A");
      Actor coord = new Actor("coord.a", Role.COORDINATOR, Set.of("A"));
      RandomizationService rnd = RandomizationService.on(reg, protocol, ProtocolRandomization.scheme(protocol),
          Clock.fixed(day0.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
      Clock now = Clock.fixed(day0.plusDays(400).atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
      DataCapture dc = DataCapture.on(reg, now);
      String record = "{\"testVerdict\":\"ELIGIBLE\",\"diagnosis\":{\"histology\":\"adenocarcinoma\"},\"egfr\":\""
          + "%s\",\"staging\":{\"t\":\"T2a\",\"n\":\"N2\",\"m\":\"M1b\"},\"metastases\":[{\"site\":\"bone\","
          + "\"lesions\":2}],\"intracranialMetastasis\":false}";
      for (int i = 1; i <= 148; i++) {
        String id = reg.participants().register(coord, "A", "B-" + i,
            String.format(record, i % 3 == 0 ? "mutant" : "wild-type")).participant().id();
        reg.participants().recordConsent(coord, id, new Consent("ICF v1", day0.minusDays(3), "Dr Li"), null);
        rnd.randomize(coord, id, null);
        String d = day0.plusDays(20 + i % 300).toString();
        String values = switch (i % 4) {
          case 0 -> "{'date':'" + d + "','cause':'unknown'}";
          case 1 -> "{'date':'" + d + "','site':'thoracic'}";
          case 2 -> "{'term':'Pneumonitis','grade':" + (1 + i % 5) + ",'startDate':'" + d + "','serious':"
              + (i % 8 == 2) + ",'relatedToSystemicTherapy':'unlikely','relatedToRadiotherapy':'probable',"
              + "'actionTaken':'none','outcome':'recovering'}";
          default -> "{'date':'" + d + "'}";
        };
        String type = switch (i % 4) {
          case 0 -> "death";
          case 1 -> "progression";
          case 2 -> "adverse-event";
          default -> "last-known-alive";
        };
        dc.forms().create(coord, id, type, null, null, JSON.readTree(values.replace('\'', '"')));
      }
      String trial = reg.trials().defaultTrial().id();
      InterimLooks looks = new InterimLooks(reg.jdbc(), reg.tx(), new TrialAudit(reg.audit(), trial), now);
      Actor reader = new Actor("dsmb.chair", Role.STATISTICIAN, Set.of());
      looks.record(new Actor("dsmb.chair", Role.DSMB, Set.of()), protocol, dc.endpoints().dataset().rows(),
          day0.plusDays(400));
      long t0 = System.nanoTime();
      DsmbReport r = build(trial, protocol, reader, reg, rnd, dc, looks, day0.plusDays(400));
      double cold = (System.nanoTime() - t0) / 1e6;
      double[] warm = new double[20];
      for (int k = 0; k < warm.length; k++) {
        long t = System.nanoTime();
        build(trial, protocol, reader, reg, rnd, dc, looks, day0.plusDays(400));
        warm[k] = (System.nanoTime() - t) / 1e6;
      }
      java.util.Arrays.sort(warm);
      System.out.printf(java.util.Locale.ROOT, "DSMB report, %d randomized (%d SAE, %d deaths, %d looks):"
              + " cold %.0f ms, warm median %.0f ms, max %.0f ms%n", r.consort().randomized(), r.saes().size(),
          r.deaths().size(), r.looks().size(), cold, warm[warm.length / 2], warm[warm.length - 1]);
    }
  }

  private static DsmbReport build(String trial, Protocol protocol, Actor reader, Register reg,
      RandomizationService rnd, DataCapture dc, InterimLooks looks, LocalDate cutoff) {
    return DsmbReport.build(trial, protocol, new Actor(reader.username(), Role.DSMB, Set.of()), reader,
        reg.participants(), new AllocationExports(rnd), dc, looks, cutoff);
  }
}
