package org.oligotrial.cdisc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.oligotrial.cdisc.model.AdminInfo;
import org.oligotrial.cdisc.model.AuditEntry;
import org.oligotrial.cdisc.model.ClinicalDataSource;
import org.oligotrial.cdisc.model.FieldRef;
import org.oligotrial.cdisc.model.FormLayout;
import org.oligotrial.cdisc.model.FormRecord;
import org.oligotrial.cdisc.model.FormValues;
import org.oligotrial.cdisc.model.GroupRecord;
import org.oligotrial.cdisc.model.QueryRecord;
import org.oligotrial.cdisc.model.SignatureRecord;
import org.oligotrial.cdisc.model.SubjectRecord;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;

/**
 * A small trial of the bundled protocol, written by hand: two subjects with baseline lesions, a follow-up
 * assessment, radiotherapy, systemic therapy, an adverse event changed once, a death, signatures and queries.
 */
public final class SampleTrial implements ClinicalDataSource {
  public static final Protocol PROTOCOL = ProtocolLoader.bundled();
  public static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");

  public static final AdminInfo ADMIN = new AdminInfo(
      List.of(new AdminInfo.User("li.wei", "Li Wei", "coordinator", "GZ01"),
          new AdminInfo.User("zhang.min", "Zhang Min", "investigator", "GZ01"),
          new AdminInfo.User("dm", null, "data-manager", null)),
      List.of(new AdminInfo.Site("GZ01", "Nanfang Hospital"), new AdminInfo.Site("GZ02", "Second Hospital")),
      List.of(new AdminInfo.SignatureMeaning("investigator-approval", "I approve the data of this form",
          "21 CFR 11: this electronic signature is the legally binding equivalent of my handwritten signature")));

  private final List<SubjectRecord> subjects;

  public SampleTrial() {
    subjects = List.of(subject1(), subject2());
  }

  public List<SubjectRecord> subjects() {
    return subjects;
  }

  @Override
  public AdminInfo admin() {
    return ADMIN;
  }

  @Override
  public void forEachSubject(String siteCode, Consumer<SubjectRecord> consumer) {
    subjects.stream().filter(s -> siteCode == null || siteCode.equals(s.siteCode())).forEach(consumer);
  }

  static FormRecord form(String type, String visit, int repeat, String key, String json) {
    FormLayout layout = FormLayout.of(PROTOCOL.form(type).orElseThrow());
    return new FormRecord(type, visit, repeat, key, FormValues.toGroups(layout, json));
  }

  /** Audit entries inserting every value of the forms, one second apart from {@code start}. */
  static List<AuditEntry> inserts(List<FormRecord> forms, String user, String site, Instant start) {
    List<AuditEntry> out = new ArrayList<>();
    long t = 0;
    for (FormRecord f : forms) {
      for (GroupRecord g : f.groups()) {
        for (Map.Entry<String, String> e : g.items().entrySet()) {
          FieldRef ref = new FieldRef(f.formType(), f.visitId(), f.visitRepeat(), f.formKey(), g.groupId(),
              g.repeatKey(), e.getKey());
          out.add(new AuditEntry(ref, "Insert", e.getValue(), user, site, start.plusSeconds(t++), null,
              String.format("%064x", (long) (f.formKey().hashCode() * 31L + t))));
        }
      }
    }
    return out;
  }

  private static SubjectRecord subject1() {
    Map<String, String> strata = new LinkedHashMap<>();
    strata.put("histology", "non-squamous");
    strata.put("first_line", "targeted"); // the protocol's factor id (formerly therapy)
    List<FormRecord> forms = new ArrayList<>();
    forms.add(form("tumour-baseline", "baseline", 1, "101", """
        {"date": "2024-02-20", "lesions": [
          {"id": "T1", "type": "target", "site": "lung", "nodal": false, "mm": 42, "method": "CT",
           "sliceThicknessMm": 1.25, "role": "primary"},
          {"id": "T2", "type": "target", "site": "liver", "nodal": false, "mm": 20, "method": "CT", "role": "oligometastatic"},
          {"id": "N1", "type": "non-target", "site": "bone", "role": "oligometastatic"}]}"""));
    forms.add(form("radiotherapy", "radiotherapy", 1, "102", """
        {"technique": "IMRT", "target": "primary", "lesionId": "T1", "totalDoseGy": 60, "plannedFractions": 30,
         "fractions": 30, "startDate": "2024-03-10", "endDate": "2024-04-19"}"""));
    forms.add(form("systemic-therapy", "tki-review", 1, "103", """
        {"date": "2024-03-02", "regimen": "egfr-tki", "cycle": 1, "dosePercent": 100, "modification": "none"}"""));
    forms.add(form("tumour-assessment", "tumour-assessment-year-1", 1, "104", """
        {"date": "2024-05-01", "targets": {"T1": 30, "T2": null}, "nonTargets": {"N1": "present"},
         "newLesions": []}"""));
    // stored as the server stores a ctcae-term: the CTCAE v5.0 term with its MedDRA code and SOC (from the file)
    forms.add(form("adverse-event", null, 1, "105", """
        {"term": {"term": "Pneumonitis", "meddraCode": "10035742",
                  "soc": "Respiratory, thoracic and mediastinal disorders"}, "grade": 3, "startDate": "2024-04-02", "endDate": "2024-05-01", "serious": true,
         "relatedToSystemicTherapy": "possible", "relatedToRadiotherapy": "probable", "actionTaken": "delayed",
         "outcome": "recovered"}"""));
    // its serious-adverse-event report: hospitalisation the one criterion met; times are local, to the minute
    forms.add(form("sae-report", null, 1, "106", """
        {"adverseEventForm": "105", "reportType": "initial",
         "term": {"term": "Pneumonitis", "meddraCode": "10035742",
                  "soc": "Respiratory, thoracic and mediastinal disorders"}, "grade": 3, "onsetDate": "2024-04-02",
         "awarenessAt": "2024-04-03T10:15", "reportedAt": "2024-04-04T08:30", "resultsInDeath": false,
         "lifeThreatening": false, "hospitalisation": true, "disability": false, "congenitalAnomaly": false,
         "otherImportantEvent": false, "admissionDate": "2024-04-03", "dischargeDate": "2024-04-12",
         "relatedToSystemicTherapy": "possible", "relatedToRadiotherapy": "probable", "actionTaken": "delayed",
         "outcome": "recovering", "narrative": "cough and dyspnoea, CT ground-glass opacities; prednisone"}"""));
    List<AuditEntry> audit = new ArrayList<>(inserts(forms, "li.wei", "GZ01", T0));
    // the grade was first entered as 2, then corrected to 3: one Insert and one Update for that field
    FieldRef grade = new FieldRef("adverse-event", null, 1, "105", FormLayout.MAIN, 1, "grade");
    int i = indexOf(audit, grade);
    AuditEntry first = audit.get(i);
    audit.set(i, new AuditEntry(grade, "Insert", "2", "li.wei", "GZ01", first.time(), null, first.hash()));
    audit.add(new AuditEntry(grade, "Update", "3", "zhang.min", "GZ01", T0.plusSeconds(3600),
        "grade corrected after review of the CT", "ab".repeat(32)));
    List<SignatureRecord> sigs = List.of(
        new SignatureRecord("adverse-event", null, 1, "105", "zhang.min", "GZ01", "investigator-approval",
            T0.plusSeconds(7200)),
        new SignatureRecord("adverse-event", null, 1, "105", "zhang.min", "GZ01", "investigator-approval",
            T0.plusSeconds(7300)),
        new SignatureRecord(null, null, 1, null, "zhang.min", "GZ01", "investigator-approval",
            T0.plusSeconds(9000)));
    List<QueryRecord> queries = List.of(
        new QueryRecord(new FieldRef("radiotherapy", "radiotherapy", 1, "102", FormLayout.MAIN, 1, "totalDoseGy"),
            "17", "answered", "EC5 total dose outside 30-70 Gy / confirmed", "system", T0.plusSeconds(60)),
        new QueryRecord(new FieldRef("radiotherapy", "radiotherapy", 1, "102", FormLayout.MAIN, 1,
            "interruptionDays"), "18", "open", "interruption days missing?", "dm", T0.plusSeconds(120)));
    return new SubjectRecord("GZ01-001", "GZ01", "RT+", strata, LocalDate.parse("2024-03-01"), forms, audit, sigs,
        queries, screening());
  }

  /** The eligible example screening record (examples/screening/eligible.json: female, born 1962-07-21). */
  static String screening() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("../examples/screening/eligible.json"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static int indexOf(List<AuditEntry> audit, FieldRef ref) {
    for (int i = 0; i < audit.size(); i++) {
      if (audit.get(i).ref().equals(ref)) {
        return i;
      }
    }
    throw new IllegalStateException("no entry for " + ref);
  }

  private static SubjectRecord subject2() {
    List<FormRecord> forms = new ArrayList<>();
    forms.add(form("tumour-baseline", "baseline", 1, "201", """
        {"date": "2024-03-01", "lesions": [
          {"id": "T1", "type": "target", "site": "lung", "nodal": false, "mm": 35, "method": "CT", "role": "primary"}]}"""));
    forms.add(form("systemic-therapy", "chemo-cycle", 1, "202", """
        {"date": "2024-03-05", "regimen": "pemetrexed-cisplatin", "cycle": 1, "dosePercent": 100, "modification": "none"}"""));
    forms.add(form("systemic-therapy", "chemo-cycle", 2, "203", """
        {"date": "2024-03-26", "regimen": "pemetrexed-cisplatin", "cycle": 2, "dosePercent": 80,
         "modification": "dose-reduced", "modificationReason": "neutropenia"}"""));
    // entered before the term was coded: free text, which is exactly a CTCAE term's name, so it reads as that term
    forms.add(form("adverse-event", null, 1, "205", """
        {"term": "fatigue", "grade": 1, "startDate": "2024-03-08", "serious": false,
         "relatedToSystemicTherapy": "probable", "relatedToRadiotherapy": "not-applicable", "actionTaken": "none",
         "outcome": "recovered", "endDate": "2024-03-20"}"""));
    // an "Other, specify" term: the CTCAE code of Eye disorders - Other, specify is that of the SOC
    forms.add(form("adverse-event", null, 1, "206", """
        {"term": {"term": "Eye disorders - Other, specify", "meddraCode": "10015919", "soc": "Eye disorders",
                  "otherSpecify": "conjunctival haemorrhage"}, "grade": 1, "startDate": "2024-04-10",
         "serious": false, "relatedToSystemicTherapy": "unlikely", "relatedToRadiotherapy": "not-applicable",
         "actionTaken": "none", "outcome": "recovered"}"""));
    forms.add(form("death", null, 1, "204", """
        {"date": "2024-09-30", "cause": "disease-progression"}"""));
    List<AuditEntry> audit = inserts(forms, "li.wei", "GZ02", T0.plusSeconds(86400));
    // screened with ECOG 3 (inclusion I4 not met; a protocol deviation the IE domain records)
    String screening = screening().replace("\"ecog\": 1", "\"ecog\": 3").replace("\"female\"", "\"male\"");
    return new SubjectRecord("GZ02-001", "GZ02", "RT-", Map.of("histology", "squamous"),
        LocalDate.parse("2024-03-04"), forms, audit, List.of(), List.of(), screening);
  }
}
