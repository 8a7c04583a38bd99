package org.oligotrial.cdisc.tabulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.cdisc.SampleTrial;
import org.oligotrial.cdisc.schema.CdiscSchemas;
import org.oligotrial.endpoints.AnalysisRow;
import org.oligotrial.endpoints.Compliance;
import org.oligotrial.endpoints.EventSource;
import org.oligotrial.endpoints.TimeToEvent;
import tools.jackson.databind.json.JsonMapper;

/** SDTM and ADaM of the sample trial: the values, Dataset-JSON and Define-XML against their schemas. */
class TabulationTest {
  static final SampleTrial TRIAL = new SampleTrial();
  static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  static Schema datasetJsonSchema() throws Exception {
    try (InputStream in = TabulationTest.class.getResourceAsStream(
        "/org/oligotrial/cdisc/schema/dataset-json-1.1.schema.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
          .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** Synthetic endpoints of the two sample subjects (dates as in the sample's forms). */
  static AnalysisRow endpoints(org.oligotrial.cdisc.model.SubjectRecord s) {
    Compliance c = new Compliance(new org.oligotrial.endpoints.TreatmentDelivery(0, 0, 0, 0), null, null);
    if (s.subjectKey().equals("GZ02-001")) {
      // death on 2024-09-30, 210 days after randomization on 2024-03-04 (27 + 30 + 31 + 30 + 31 + 31 + 30)
      TimeToEvent death = new TimeToEvent(210, true, LocalDate.parse("2024-09-30"), "death", EventSource.DEATH);
      return new AnalysisRow(s.subjectKey(), "RT-", Arrays.asList("squamous", null, null, null, null), c, 0,
          byId(death, death, death, null, null));
    }
    // censored at the assessment of 2024-05-01, 61 days after 2024-03-01 (30 + 31)
    TimeToEvent cens = new TimeToEvent(61, false, LocalDate.parse("2024-05-01"), "censored at last adequate "
        + "assessment", EventSource.CENSORED);
    return new AnalysisRow(s.subjectKey(), "RT+", Arrays.asList("non-squamous", "targeted", null, null, null), c, 3,
        byId(cens, cens, cens, cens, null));
  }

  /** The endpoints by the ids of protocols/nct03119519.yaml (null: not derived). */
  static java.util.Map<String, TimeToEvent> byId(TimeToEvent pfs, TimeToEvent os, TimeToEvent tpfs, TimeToEvent lc,
      TimeToEvent ofc) {
    java.util.Map<String, TimeToEvent> m = new java.util.LinkedHashMap<>();
    m.put("pfs", pfs);
    m.put("os", os);
    m.put("thoracic-pfs", tpfs);
    m.put("local-control", lc);
    m.put("oligometastatic-control", ofc);
    return m;
  }

  static Dataset find(List<Dataset> all, String name) {
    return all.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
  }

  static Map<String, Object> row(Dataset d, int i) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int k = 0; k < d.variables().size(); k++) {
      m.put(d.variables().get(k).name(), d.rows().get(i)[k]);
    }
    return m;
  }

  @Test
  void sdtmValuesFollowTheImplementationGuide() {
    List<Dataset> sdtm = TabulationExport.sdtm(SampleTrial.PROTOCOL, TRIAL);
    Dataset ts = find(sdtm, "TS");
    assertThat(ts.rows()).anySatisfy(r -> assertThat(Arrays.asList(r)).contains("REGID", "NCT03119519"));
    Dataset ae = find(sdtm, "AE");
    assertThat(ae.rows()).hasSize(3);
    Map<String, Object> a = row(ae, 0);
    // CTCAE v5.0 "Pneumonitis" is MedDRA LLT 10035742 in SOC "Respiratory, thoracic and mediastinal disorders";
    // that SOC's MedDRA code 10038738 is the code the CTCAE v5.0 file gives its "Other, specify" term
    assertThat(a).containsEntry("USUBJID", "NCT03119519-GZ01-001").containsEntry("AETERM", "Pneumonitis")
        .containsEntry("AEDECOD", "Pneumonitis").containsEntry("AELLT", "Pneumonitis")
        .containsEntry("AELLTCD", 10035742L).containsEntry("AESOC", "Respiratory, thoracic and mediastinal disorders")
        .containsEntry("AESOCCD", 10038738L).containsEntry("AETOXGR", "3").containsEntry("AESER", "Y")
        // the SAE report (form 106, linked to 105): hospitalisation the only criterion marked
        .containsEntry("AESHOSP", "Y").containsEntry("AESDTH", "N").containsEntry("AESLIFE", "N")
        .containsEntry("AESDISAB", "N").containsEntry("AESCONG", "N").containsEntry("AESMIE", "N")
        .containsEntry("AEREL", "PROBABLY RELATED").containsEntry("AEOUT", "RECOVERED/RESOLVED")
        .containsEntry("AESTDTC", "2024-04-02")
        // study day: 2024-04-02 is 32 days after RFSTDTC 2024-03-01, on or after it so + 1 (SDTMIG 3.4 4.4.4)
        .containsEntry("AESTDY", 33L);
    // stored as text before coding, exactly a term's name: coded by the name (CTCAE v5.0 Fatigue, 10016256);
    // no SAE report, so no seriousness criteria
    assertThat(row(ae, 1)).containsEntry("AETERM", "fatigue").containsEntry("AEDECOD", "Fatigue")
        .containsEntry("AELLTCD", 10016256L).containsEntry("AESOC", "General disorders and administration site "
            + "conditions").containsEntry("AESER", "N").containsEntry("AESHOSP", null);
    // "Other, specify": the event in words is the reported term; CTCAE's code for it is the SOC code (10015919, Eye
    // disorders), not an LLT, so AELLT/AELLTCD stay empty
    assertThat(row(ae, 2)).containsEntry("AETERM", "conjunctival haemorrhage")
        .containsEntry("AEDECOD", "Eye disorders - Other, specify").containsEntry("AELLT", null)
        .containsEntry("AELLTCD", null).containsEntry("AESOC", "Eye disorders").containsEntry("AESOCCD", 10015919L);
    Dataset suppae = find(sdtm, "SUPPAE");
    assertThat(suppae.rows()).filteredOn(r -> "1".equals(r[4])).filteredOn(r -> r[2].toString().endsWith("GZ01-001"))
        .extracting(r -> r[5] + "=" + r[7]).containsExactly("AERELSYS=POSSIBLY RELATED", "AERELRT=PROBABLY RELATED",
            "AEAWRDTC=2024-04-03T10:15", "AERPTDTC=2024-04-04T08:30");
    Dataset pr = find(sdtm, "PR");
    assertThat(row(pr, 0)).containsEntry("PRDOSE", new java.math.BigDecimal("60")).containsEntry("PRDOSU", "Gy")
        .containsEntry("PRLNKID", "T1").containsEntry("PRSCAT", "IMRT");
    assertThat(find(sdtm, "SUPPPR").rows()).extracting(r -> r[5] + "=" + r[7]).contains("PRFRACP=30", "PRFRACD=30");
    // RECIST: the baseline sum is 42 + 20 = 62 mm (RECIST 1.1 section 4.2: sum of the targets' diameters)
    Dataset tr = find(sdtm, "TR");
    assertThat(tr.rows()).anySatisfy(r -> assertThat(Arrays.asList(r)).contains("SUMDIAM", "A0", "62"));
    assertThat(tr.rows()).anySatisfy(r -> assertThat(Arrays.asList(r)).contains("T2", "A1", "NOT EVALUABLE"));
    Dataset rs = find(sdtm, "RS");
    // a target not measured makes the target response NE and so the overall response NE (RECIST 1.1 table 1)
    assertThat(rs.rows()).anySatisfy(r -> assertThat(Arrays.asList(r)).contains("OVRLRESP", "A1", "NE"));
    Dataset tu = find(sdtm, "TU");
    assertThat(tu.rows()).extracting(r -> r[4] + ":" + r[7]).containsExactly("T1:TARGET", "T2:TARGET",
        "N1:NON-TARGET", "T1:TARGET");
    Dataset ds = find(sdtm, "DS");
    assertThat(ds.rows()).extracting(r -> r[2] + " " + r[6]).containsExactly("NCT03119519-GZ01-001 RANDOMIZED",
        "NCT03119519-GZ02-001 RANDOMIZED", "NCT03119519-GZ02-001 DEATH");
    Dataset dm = find(sdtm, "DM");
    assertThat(row(dm, 1)).containsEntry("DTHDTC", "2024-09-30").containsEntry("DTHFL", "Y")
        .containsEntry("ARMCD", "RTMINUS").containsEntry("ACTARMCD", "RTMINUS");
    assertThat(row(dm, 0)).containsEntry("ACTARMCD", "RTPLUS").containsEntry("RFXSTDTC", "2024-03-02");
    Dataset sv = find(sdtm, "SV");
    // chemo-cycle is the schedule's visit at position p; its second occurrence is VISITNUM 100 p + 2
    long cycle2 = TrialDesign.visitnum(SampleTrial.PROTOCOL, "chemo-cycle", 2);
    assertThat(cycle2 % 100).isEqualTo(2);
    assertThat(sv.rows()).anySatisfy(r -> assertThat(Arrays.asList(r)).contains("NCT03119519-GZ02-001", cycle2,
        "2024-03-26"));
  }

  @Test
  void screeningRecordGivesSexAgeLabsHistoryAndTheCriteriaNotMet() {
    List<Dataset> sdtm = TabulationExport.sdtm(SampleTrial.PROTOCOL, TRIAL);
    // examples/screening/eligible.json: female, born 1962-07-21, screened 2025-03-10: 62 whole years
    assertThat(row(find(sdtm, "DM"), 0)).containsEntry("SEX", "F").containsEntry("AGE", 62L)
        .containsEntry("AGEU", "YEARS").containsEntry("BRTHDTC", "1962-07-21");
    assertThat(row(find(sdtm, "DM"), 1)).containsEntry("SEX", "M");
    Dataset lb = find(sdtm, "LB");
    // eight screening labs per subject; CREAT 0.8 mg/dL with upper limit 1.1
    assertThat(lb.rows()).hasSize(16);
    assertThat(lb.rows()).anySatisfy(r -> assertThat(Arrays.asList(r)).contains("CREAT", "0.8", "mg/dL", "1.1"));
    assertThat(lb.rows()).extracting(r -> (String) r[4]).contains("NEUT", "PLAT", "BILI");
    Dataset mh = find(sdtm, "MH");
    assertThat(mh.rows()).extracting(r -> (String) r[4]).contains("NON-SMALL CELL LUNG CANCER, ADENOCARCINOMA, T2AN1M1B");
    // SDTMIG 3.4 6.3.4: IE holds only the criteria not met - none for subject 1, I4 (ECOG) for subject 2
    Dataset ie = find(sdtm, "IE");
    assertThat(ie.rows()).extracting(r -> r[2] + " " + r[4] + " " + r[6] + " " + r[7])
        .containsExactly("NCT03119519-GZ02-001 I4 INCLUSION N");
  }

  @Test
  void sdtmHasNoConformanceFindings() {
    List<Dataset> sdtm = TabulationExport.sdtm(SampleTrial.PROTOCOL, TRIAL);
    assertThat(Conformance.table(Conformance.check(sdtm))).isEqualTo("no findings\n");
  }

  @Test
  void aTermNotYetCodedIsReportedAndNotGuessed() {
    // free text stored before the field was coded, not the name of a CTCAE v5.0 term
    var layout = org.oligotrial.cdisc.model.FormLayout.of(SampleTrial.PROTOCOL.form("adverse-event").orElseThrow());
    var form = new org.oligotrial.cdisc.model.FormRecord("adverse-event", null, 1, "301",
        org.oligotrial.cdisc.model.FormValues.toGroups(layout, """
            {"term": "tiredness after chemotherapy", "grade": 1, "startDate": "2024-03-08", "serious": false}"""));
    var s = new org.oligotrial.cdisc.model.SubjectRecord("GZ03-001", "GZ01", "RT-", Map.of("histology", "squamous"),
        LocalDate.parse("2024-03-04"), List.of(form), List.of(), List.of(), List.of(), null);
    List<Dataset> sdtm = TabulationExport.sdtm(SampleTrial.PROTOCOL,
        new org.oligotrial.cdisc.model.ClinicalDataSource() {
          @Override
          public org.oligotrial.cdisc.model.AdminInfo admin() {
            return SampleTrial.ADMIN;
          }

          @Override
          public void forEachSubject(String site, java.util.function.Consumer<
              org.oligotrial.cdisc.model.SubjectRecord> each) {
            each.accept(s);
          }
        });
    assertThat(row(find(sdtm, "AE"), 0)).containsEntry("AETERM", "tiredness after chemotherapy")
        .containsEntry("AEDECOD", null).containsEntry("AELLT", null).containsEntry("AELLTCD", null)
        .containsEntry("AESOC", null).containsEntry("AESOCCD", null).containsEntry("AETOXGR", "1");
    // AEDECOD is Req (SDTMIG 3.4 AE): the export says so instead of inventing a code
    assertThat(Conformance.check(sdtm)).extracting(f -> f.rule() + " " + f.dataset() + " " + f.variable())
        .contains("REQ AE AEDECOD");
  }

  @Test
  void conformanceNamesEachBrokenRule() {
    Dataset dm = new Dataset("DM", "Demographics", "SPECIAL PURPOSE", "one per subject", false, List.of(
        Variable.text("USUBJID", "Unique Subject Identifier", Variable.Origin.ASSIGNED).req()), List.of("USUBJID"));
    dm.add("S1");
    Dataset ae = new Dataset("AE", "Adverse Events", "EVENTS", "one per event", false, List.of(
        Variable.text("USUBJID", "Unique Subject Identifier", Variable.Origin.ASSIGNED).req(),
        Variable.text("AESEQ", "Sequence Number", Variable.Origin.DERIVED).as(Variable.Type.INTEGER).req(),
        Variable.text("AESTDTC", "Start", Variable.Origin.COLLECTED).as(Variable.Type.DATE),
        Variable.text("AESER", "Serious", Variable.Origin.COLLECTED).codes("NY"),
        Variable.text("AETERM", "Term", Variable.Origin.COLLECTED).req()), List.of("USUBJID", "AESEQ"));
    ae.add("S1", 1L, "2024-02-30", "YES", "Nausea");
    ae.add("S1", 1L, "2024-02", "N", "");
    ae.add("S9", 1L, "2024", "Y", "x".repeat(201));
    assertThat(Conformance.check(List.of(dm, ae))).extracting(f -> f.rule() + " " + f.variable() + " " + f.row())
        .containsExactlyInAnyOrder("ISO8601 AESTDTC 1", "CT AESER 1", "REQ AETERM 2", "SEQ AESEQ 2",
            "USUBJID USUBJID 3", "LENGTH AETERM 3");
  }

  @Test
  void adamReproducesTheEndpointsWithTheirSources() {
    List<Dataset> adam = TabulationExport.adam(SampleTrial.PROTOCOL, TRIAL, TabulationTest::endpoints);
    Dataset adsl = find(adam, "ADSL");
    assertThat(row(adsl, 0)).containsEntry("TRT01P", "RT+").containsEntry("TRT01A", "RT+")
        .containsEntry("RANDDT", LocalDate.parse("2024-03-01")).containsEntry("ITTFL", "Y")
        .containsEntry("SAFFL", "Y").containsEntry("STRAT1R", "non-squamous").containsEntry("STRAT2R", "targeted");
    assertThat(row(adsl, 1)).containsEntry("DTHDT", LocalDate.parse("2024-09-30"))
        .containsEntry("LSTALVDT", LocalDate.parse("2024-09-30")).containsEntry("TRT01A", "RT-");
    Dataset adtte = find(adam, "ADTTE");
    // subject 1: PFS, OS, TPFS, LC (OFC null); subject 2: PFS, OS, TPFS
    assertThat(adtte.rows()).hasSize(7);
    Map<String, Object> os2 = row(adtte, 5);
    assertThat(os2).containsEntry("PARAMCD", "OS").containsEntry("AVAL", 210L).containsEntry("CNSR", 0L)
        .containsEntry("SRCDOM", "DS").containsEntry("SRCVAR", "DSSTDTC").containsEntry("SRCSEQ", 2L)
        .containsEntry("STARTDT", LocalDate.parse("2024-03-04")).containsEntry("ADT", LocalDate.parse("2024-09-30"));
    Map<String, Object> pfs1 = row(adtte, 0);
    // censored at the 2024-05-01 assessment: the RS overall response of that date (RSSEQ 4: TRGRESP, NTRGRESP,
    // NEWLIND, OVRLRESP)
    assertThat(pfs1).containsEntry("CNSR", 1L).containsEntry("AVAL", 61L).containsEntry("SRCDOM", "RS")
        .containsEntry("SRCSEQ", 4L).containsEntry("CNSDTDSC", "censored at last adequate assessment");
    assertThat(Conformance.check(adam)).isEmpty();
  }

  @Test
  void everyDatasetJsonFileValidatesAgainstTheSchema(@TempDir Path dir) throws Exception {
    Schema schema = datasetJsonSchema();
    List<Dataset> all = new java.util.ArrayList<>(TabulationExport.sdtm(SampleTrial.PROTOCOL, TRIAL));
    List<Dataset> adam = TabulationExport.adam(SampleTrial.PROTOCOL, TRIAL, TabulationTest::endpoints);
    TabulationExport.write(SampleTrial.PROTOCOL, all, TabulationExport.Format.JSON, dir.resolve("sdtm"), NOW);
    TabulationExport.write(SampleTrial.PROTOCOL, adam, TabulationExport.Format.JSON, dir.resolve("adam"), NOW);
    JsonMapper json = JsonMapper.builder().build();
    int files = 0;
    try (var paths = Files.walk(dir)) {
      for (Path f : paths.filter(p -> p.toString().endsWith(".json")).toList()) {
        assertThat(schema.validate(json.readTree(Files.readString(f)))).as(f.toString()).isEmpty();
        files++;
      }
    }
    assertThat(files).isEqualTo(all.size() + adam.size());
    // the validator is not vacuous: the standard's own example passes, a file without "records" fails
    String example = new String(TabulationTest.class.getResourceAsStream("/org/oligotrial/cdisc/example-adtte.json")
        .readAllBytes(), StandardCharsets.UTF_8);
    assertThat(schema.validate(json.readTree(example))).isEmpty();
    assertThat(schema.validate(json.readTree(example.replace("\"records\":254,", "")))).isNotEmpty();
    String dm = Files.readString(dir.resolve("sdtm/dm.json"));
    assertThat(json.readTree(dm).path("records").asInt()).isEqualTo(2);
  }

  @Test
  void defineXmlValidatesForSdtmAndAdam() {
    for (List<Dataset> set : List.of(TabulationExport.sdtm(SampleTrial.PROTOCOL, TRIAL),
        TabulationExport.adam(SampleTrial.PROTOCOL, TRIAL, TabulationTest::endpoints))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      DefineXmlWriter.write(SampleTrial.PROTOCOL, set, "xpt", NOW, out);
      String xml = out.toString(StandardCharsets.UTF_8);
      assertThat(CdiscSchemas.validate(CdiscSchemas.define(), new StreamSource(new ByteArrayInputStream(
          out.toByteArray())))).as(xml.substring(0, 3000)).isEmpty();
      assertThat(xml).contains("def:Origin Type=\"Derived\"");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DefineXmlWriter.write(SampleTrial.PROTOCOL, TabulationExport.sdtm(SampleTrial.PROTOCOL, TRIAL), "xpt", NOW, out);
    String xml = out.toString(StandardCharsets.UTF_8);
    assertThat(xml).contains("def:Origin Type=\"Collected\" Source=\"Investigator\"")
        .contains("def:Origin Type=\"Protocol\"").contains("<def:ValueListDef OID=\"VL.TR.TRORRES\">")
        .contains("<CheckValue>LDIAM</CheckValue>").contains("xlink:href=\"ae.xpt\"");
  }

  @Test
  void theDefineSchemaRejectsAnItemGroupWithoutStructure() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DefineXmlWriter.write(SampleTrial.PROTOCOL, TabulationExport.sdtm(SampleTrial.PROTOCOL, TRIAL), "xpt", NOW, out);
    String broken = out.toString(StandardCharsets.UTF_8).replaceFirst(" def:Structure=\"[^\"]*\"", "");
    assertThat(CdiscSchemas.validate(CdiscSchemas.define(), new StreamSource(new ByteArrayInputStream(
        broken.getBytes(StandardCharsets.UTF_8))))).isNotEmpty();
  }

  @Test
  void everyXptFileReadsBackWithItsValues(@TempDir Path dir) throws Exception {
    List<Dataset> sdtm = TabulationExport.sdtm(SampleTrial.PROTOCOL, TRIAL);
    TabulationExport.write(SampleTrial.PROTOCOL, sdtm, TabulationExport.Format.XPT, dir, NOW);
    for (Dataset d : sdtm) {
      XptReader.Content c = XptReader.read(Files.readAllBytes(dir.resolve(d.name().toLowerCase() + ".xpt")));
      assertThat(c.name()).isEqualTo(d.name());
      assertThat(c.rows()).as(d.name()).hasSize(d.rows().size());
      for (int r = 0; r < d.rows().size(); r++) {
        for (int i = 0; i < d.variables().size(); i++) {
          Object v = d.rows().get(r)[i];
          Object back = c.rows().get(r)[i];
          if (v == null) {
            assertThat(back).isIn(null, "");
          } else if (v instanceof Number n) {
            assertThat((Double) back).isEqualTo(n.doubleValue());
          } else {
            assertThat(back).isEqualTo(Dataset.text(v));
          }
        }
      }
    }
    assertThat(Files.readString(dir.resolve("conformance.txt"))).isEqualTo("no findings\n");
    assertThat(LocalDateTime.ofInstant(NOW, java.time.ZoneOffset.UTC).getYear()).isEqualTo(2026);
  }
}
