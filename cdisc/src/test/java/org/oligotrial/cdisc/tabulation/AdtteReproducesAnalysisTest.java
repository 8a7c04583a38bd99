package org.oligotrial.cdisc.tabulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.oligotrial.cdisc.SampleTrial;
import org.oligotrial.cdisc.model.AdminInfo;
import org.oligotrial.cdisc.model.ClinicalDataSource;
import org.oligotrial.cdisc.model.SubjectRecord;
import org.oligotrial.endpoints.AnalysisCsv;
import org.oligotrial.endpoints.AnalysisRow;
import org.oligotrial.endpoints.Compliance;
import org.oligotrial.endpoints.EventSource;
import org.oligotrial.endpoints.TimeToEvent;
import org.oligotrial.endpoints.TreatmentDelivery;
import org.oligotrial.survival.KaplanMeier;
import org.oligotrial.survival.KaplanMeierCurve;
import org.oligotrial.survival.SurvivalData;
import org.oligotrial.survival.cox.CoxCovariates;
import org.oligotrial.survival.cox.CoxFit;
import org.oligotrial.survival.cox.CoxModel;
import org.oligotrial.survival.cox.CoxOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The primary analysis (PFS by arm: Kaplan-Meier and Cox) computed from the ADTTE Dataset-JSON file alone equals the
 * one computed from the project's analysis dataset (AnalysisCsv) for a seeded trial of 120 subjects: the file is
 * read back as a statistician would read it (AVAL, CNSR, TRTP), with no other input.
 */
class AdtteReproducesAnalysisTest {
  static final int N = 120;

  @Test
  void kaplanMeierAndCoxFromAdtteEqualThoseFromTheAnalysisDataset() {
    Random rnd = new Random(20170418);
    List<SubjectRecord> subjects = new ArrayList<>();
    Map<String, AnalysisRow> rows = new HashMap<>();
    Compliance c = new Compliance(new TreatmentDelivery(0, 0, 0, 0), null, null);
    for (int i = 0; i < N; i++) {
      String key = String.format("S%03d", i);
      String arm = i % 2 == 0 ? "RT+" : "RT-";
      LocalDate rand = LocalDate.of(2018, 1, 1).plusDays(rnd.nextInt(700));
      int days = 20 + rnd.nextInt(arm.equals("RT+") ? 900 : 600);
      boolean event = rnd.nextDouble() < 0.7;
      TimeToEvent pfs = new TimeToEvent(days, event, rand.plusDays(days), event ? "RECIST progression" : "censored",
          event ? EventSource.RECIST : EventSource.CENSORED);
      TimeToEvent os = new TimeToEvent(days + 30, false, rand.plusDays(days + 30), "alive", EventSource.CENSORED);
      subjects.add(new SubjectRecord(key, "GZ01", arm, Map.of(), rand, List.of(), List.of(), List.of(), List.of()));
      rows.put(key, new AnalysisRow(key, arm, Arrays.asList(null, null, null, null, null), c, 0,
          TabulationTest.byId(pfs, os, pfs, null, null)));
    }
    ClinicalDataSource source = new ClinicalDataSource() {
      @Override
      public AdminInfo admin() {
        return SampleTrial.ADMIN;
      }

      @Override
      public void forEachSubject(String site, Consumer<SubjectRecord> consumer) {
        subjects.forEach(consumer);
      }
    };
    Dataset adtte = TabulationExport.adam(SampleTrial.PROTOCOL, source, s -> rows.get(s.subjectKey())).get(1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DatasetJsonWriter.write(adtte, new DatasetJsonWriter.Header(LocalDateTime.of(2026, 1, 1, 0, 0), "ST", "MDV",
        "F"), out);

    // from ADTTE alone: PARAMCD = PFS, time AVAL, event CNSR = 0, group TRTP
    JsonNode file = JsonMapper.builder().build().readTree(out.toByteArray());
    Map<String, Integer> col = new HashMap<>();
    for (int k = 0; k < file.path("columns").size(); k++) {
      col.put(file.path("columns").get(k).path("name").asString(), k);
    }
    List<double[]> a = new ArrayList<>();
    List<String> aArm = new ArrayList<>();
    for (JsonNode r : file.path("rows")) {
      if (r.get(col.get("PARAMCD")).asString().equals("PFS")) {
        a.add(new double[] {r.get(col.get("AVAL")).asDouble(), r.get(col.get("CNSR")).asInt() == 0 ? 1 : 0});
        aArm.add(r.get(col.get("TRTP")).asString());
      }
    }
    // from the analysis dataset: pfs_time, pfs_event, arm
    String csv = AnalysisCsv.toCsv(org.oligotrial.protocol.ProtocolLoader.bundled(),
        org.oligotrial.randomization.ProtocolRandomization.factors(
        org.oligotrial.protocol.ProtocolLoader.bundled()), subjects.stream().map(s -> rows.get(s.subjectKey())).toList());
    List<String> header = List.of(csv.lines().findFirst().orElseThrow().split(","));
    List<double[]> b = new ArrayList<>();
    List<String> bArm = new ArrayList<>();
    csv.lines().skip(1).forEach(line -> {
      String[] f = line.split(",");
      b.add(new double[] {Double.parseDouble(f[header.indexOf("pfs_time")]),
          Double.parseDouble(f[header.indexOf("pfs_event")])});
      bArm.add(f[header.indexOf("arm")]);
    });
    assertThat(a).hasSize(N);
    List<KaplanMeierCurve> kmA = km(a, aArm);
    List<KaplanMeierCurve> kmB = km(b, bArm);
    assertThat(kmA).hasSameSizeAs(kmB).hasSize(2);
    for (int g = 0; g < 2; g++) {
      assertThat(kmA.get(g).size()).isEqualTo(kmB.get(g).size());
      for (int i = 0; i < kmA.get(g).size(); i++) {
        assertThat(kmA.get(g).time(i)).isEqualTo(kmB.get(g).time(i));
        assertThat(kmA.get(g).survival(i)).isEqualTo(kmB.get(g).survival(i));
      }
    }
    CoxFit coxA = cox(a, aArm);
    CoxFit coxB = cox(b, bArm);
    assertThat(coxA.coefficients().get(0).hazardRatio())
        .isCloseTo(coxB.coefficients().get(0).hazardRatio(), within(1e-12));
    assertThat(coxA.events()).isEqualTo(coxB.events());
  }

  static List<KaplanMeierCurve> km(List<double[]> d, List<String> arm) {
    double[] t = d.stream().mapToDouble(x -> x[0]).toArray();
    boolean[] e = new boolean[d.size()];
    for (int i = 0; i < e.length; i++) {
      e[i] = d.get(i)[1] == 1;
    }
    return new KaplanMeier().fit(SurvivalData.of(t, e, arm.toArray(String[]::new)));
  }

  static CoxFit cox(List<double[]> d, List<String> arm) {
    double[] t = d.stream().mapToDouble(x -> x[0]).toArray();
    boolean[] e = new boolean[d.size()];
    double[] rt = new double[d.size()];
    for (int i = 0; i < e.length; i++) {
      e[i] = d.get(i)[1] == 1;
      rt[i] = arm.get(i).equals("RT+") ? 1 : 0;
    }
    return CoxModel.fit(t, e, null, new CoxCovariates(List.of("armRT+"), new double[][] {rt}), CoxOptions.defaults());
  }
}
