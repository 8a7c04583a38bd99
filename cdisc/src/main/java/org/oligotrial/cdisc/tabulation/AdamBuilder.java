package org.oligotrial.cdisc.tabulation;

import static org.oligotrial.cdisc.tabulation.Variable.Origin.ASSIGNED;
import static org.oligotrial.cdisc.tabulation.Variable.Origin.DERIVED;
import static org.oligotrial.cdisc.tabulation.Variable.Origin.PREDECESSOR;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.oligotrial.cdisc.model.ClinicalDataSource;
import org.oligotrial.cdisc.model.SubjectRecord;
import org.oligotrial.endpoints.AnalysisRow;
import org.oligotrial.endpoints.EventSource;
import org.oligotrial.endpoints.TimeToEvent;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.StratificationFactor;

/**
 * ADaM (ADaMIG 1.3) datasets: ADSL, one record per randomized subject, and ADTTE (BDS time-to-event, ADaM
 * Structure for Occurrence Data / TTE 1.0), one record per subject per endpoint. The endpoints are not derived
 * again here: each subject's {@link AnalysisRow} comes from the project's own derivation
 * ({@link org.oligotrial.endpoints.EndpointDerivation}), so ADTTE reproduces the analysis dataset exactly.
 *
 * <p>ADTTE: {@code STARTDT} is the randomization date; {@code ADT} the event or censoring date;
 * {@code AVAL = ADT - STARTDT} in days (the project's {@code *_time}; note: without the {@code +1} some sponsors
 * add); {@code CNSR} 0 for an event, 1 for censoring; {@code EVNTDESC} or {@code CNSDTDSC} the derivation's reason;
 * {@code SRCDOM/SRCVAR/SRCSEQ} point at the SDTM record the date comes from: the RS overall response (RECIST) or
 * clinical progression record, the DS death record, or ADSL {@code RANDDT}/{@code LSTALVDT} for censoring at
 * randomization or at last contact. Parameters: one per time-to-event endpoint of the protocol (its {@code column}
 * prefix in capitals: for NCT03119519 PFS, OS, TPFS, LC, OFC; for SABR-COMET OS, PFS, LC); a parameter the derivation leaves null (no primary-tumour lesion, no focus) has
 * no record. Not thread-safe.
 */
public final class AdamBuilder {
  /** PARAMCD, PARAM, and how to take it from a row. */
  private record Param(String code, String name, Function<AnalysisRow, TimeToEvent> get) {}

  /**
   * One parameter per time-to-event endpoint of the protocol, in protocol order: PARAMCD the endpoint's column prefix
   * in capitals, PARAM its name in title case with {@code (days)}.
   */
  private static List<Param> params(Protocol p) {
    List<Param> out = new ArrayList<>();
    for (org.oligotrial.protocol.Endpoint e : org.oligotrial.endpoints.AnalysisCsv.timeToEvent(p)) {
      String id = e.id();
      out.add(new Param(e.columnPrefix().toUpperCase(java.util.Locale.ROOT), titleCase(e.name()) + " (days)",
          r -> r.endpoint(id)));
    }
    return out;
  }

  private static String titleCase(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean start = true;
    for (char c : s.toCharArray()) {
      b.append(start ? Character.toUpperCase(c) : c);
      start = c == ' ' || c == '-';
    }
    return b.toString();
  }

  private final Protocol p;
  private final Dataset adsl;
  private final Dataset adtte;
  private final Index index;

  private AdamBuilder(Protocol p, List<Dataset> sdtm) {
    this.p = p;
    this.index = new Index(sdtm);
    List<Variable> sl = new ArrayList<>(List.of(pred("STUDYID", "Study Identifier").req(),
        pred("USUBJID", "Unique Subject Identifier").req(), pred("SUBJID", "Subject Identifier for the Study").req(),
        pred("SITEID", "Study Site Identifier").req(), pred("ARM", "Description of Planned Arm"),
        pred("ARMCD", "Planned Arm Code"), Variable.text("TRT01P", "Planned Treatment for Period 01", DERIVED).req()
            .derived("the arm id allocated at randomization"),
        Variable.text("TRT01A", "Actual Treatment for Period 01", DERIVED)
            .derived("RT+ when any radiotherapy was delivered (PR), else RT-"),
        Variable.text("RANDDT", "Date of Randomization", DERIVED).as(Variable.Type.DATE)
            .derived("DS.DSSTDTC where DSDECOD = RANDOMIZED"),
        Variable.text("TRTSDT", "Date of First Exposure to Treatment", DERIVED).as(Variable.Type.DATE)
            .derived("DM.RFXSTDTC"),
        Variable.text("TRTEDT", "Date of Last Exposure to Treatment", DERIVED).as(Variable.Type.DATE)
            .derived("DM.RFXENDTC"),
        Variable.text("ITTFL", "Intent-To-Treat Population Flag", DERIVED).req().codes("NY")
            .derived("Y when randomized (RANDDT present), else N"),
        Variable.text("SAFFL", "Safety Population Flag", DERIVED).req().codes("NY")
            .derived("Y when any systemic therapy or radiotherapy was given (TRTSDT present), else N")));
    int k = 1;
    for (StratificationFactor f : p.stratification()) {
      String label = ("Strat " + k + " as Rand: " + f.id());
      sl.add(Variable.text("STRAT" + k + "R", label.length() > 40 ? label.substring(0, 40) : label, ASSIGNED)
          .codes("STRAT." + f.id()));
      k++;
    }
    sl.addAll(List.of(pred("DTHFL", "Subject Death Flag").codes("NY"),
        Variable.text("DTHDT", "Date of Death", DERIVED).as(Variable.Type.DATE).derived("DM.DTHDTC"),
        Variable.text("LSTALVDT", "Date Last Known Alive", DERIVED).as(Variable.Type.DATE)
            .derived("the date of death when dead, otherwise the latest date recorded (DM.RFENDTC)")));
    adsl = new Dataset("ADSL", "Subject-Level Analysis Dataset", "SUBJECT LEVEL ANALYSIS DATASET",
        "One record per subject", true, sl, List.of("STUDYID", "USUBJID"));
    adtte = new Dataset("ADTTE", "Time-to-Event Analysis Dataset", "BASIC DATA STRUCTURE",
        "One record per subject per parameter", true, List.of(pred("STUDYID", "Study Identifier").req(),
        pred("USUBJID", "Unique Subject Identifier").req(), pred("SITEID", "Study Site Identifier"),
        pred("TRT01P", "Planned Treatment for Period 01"), pred("TRTP", "Planned Treatment").req(),
        Variable.text("PARAMCD", "Parameter Code", ASSIGNED).req().codes("PARAMCD"),
        Variable.text("PARAM", "Parameter", ASSIGNED).req(),
        Variable.text("STARTDT", "Time-to-Event Origin Date for Subject", DERIVED).as(Variable.Type.DATE).req()
            .derived("ADSL.RANDDT"),
        Variable.text("ADT", "Analysis Date", DERIVED).as(Variable.Type.DATE).req()
            .derived("event or censoring date of the endpoint derivation (docs/endpoints.md)"),
        Variable.text("AVAL", "Analysis Value", DERIVED).as(Variable.Type.INTEGER).req()
            .derived("ADT - STARTDT in days"),
        Variable.text("CNSR", "Censor", DERIVED).as(Variable.Type.INTEGER).req()
            .derived("0 for an event, 1 for a censored time"),
        Variable.text("EVNTDESC", "Event or Censoring Description", DERIVED)
            .derived("the derivation's reason for an event"),
        Variable.text("CNSDTDSC", "Censor Date Description", DERIVED)
            .derived("the derivation's reason for a censored time"),
        Variable.text("SRCDOM", "Source Data", DERIVED).derived("the dataset holding ADT's source record"),
        Variable.text("SRCVAR", "Source Variable", DERIVED).derived("the variable holding ADT"),
        Variable.text("SRCSEQ", "Source Sequence Number", DERIVED).as(Variable.Type.INTEGER)
            .derived("--SEQ of the source record")),
        List.of("STUDYID", "USUBJID", "PARAMCD"));
  }

  private static Variable pred(String name, String label) {
    return Variable.text(name, label, PREDECESSOR);
  }

  /**
   * Builds ADSL and ADTTE.
   *
   * @param p the protocol
   * @param source the subjects (streamed once more)
   * @param endpoints the derived endpoints of a subject, or null for a subject not randomized
   * @param sdtm the SDTM datasets of the same subjects ({@link SdtmBuilder#build}); DM, DS, RS and PR are read
   */
  public static List<Dataset> build(Protocol p, ClinicalDataSource source,
      Function<SubjectRecord, AnalysisRow> endpoints, List<Dataset> sdtm) {
    AdamBuilder b = new AdamBuilder(p, sdtm);
    source.forEachSubject(null, s -> b.add(s, endpoints.apply(s)));
    return List.of(b.adsl, b.adtte);
  }

  private void add(SubjectRecord s, AnalysisRow row) {
    String u = p.id() + "-" + s.subjectKey();
    Object[] dm = index.dm.get(u);
    LocalDate trtsdt = date(dm, "RFXSTDTC");
    LocalDate death = date(dm, "DTHDTC");
    LocalDate lastAlive = death != null ? death : date(dm, "RFENDTC");
    String actual = s.arm() == null ? null : index.radiotherapy.contains(u) ? "RT+" : "RT-";
    Map<String, Object> r = new HashMap<>();
    r.put("STUDYID", p.id());
    r.put("USUBJID", u);
    r.put("SUBJID", s.subjectKey());
    r.put("SITEID", s.siteCode());
    r.put("ARM", dm == null ? null : dm[index.dmDs.index("ARM")]);
    r.put("ARMCD", s.arm() == null ? null : TrialDesign.armcd(s.arm()));
    r.put("TRT01P", s.arm());
    r.put("TRT01A", actual);
    r.put("RANDDT", s.randomizationDate());
    r.put("TRTSDT", trtsdt);
    r.put("TRTEDT", date(dm, "RFXENDTC"));
    r.put("ITTFL", s.randomizationDate() != null ? "Y" : "N");
    r.put("SAFFL", trtsdt != null ? "Y" : "N");
    int k = 1;
    for (StratificationFactor f : p.stratification()) {
      r.put("STRAT" + k++ + "R", s.strata().get(f.id()));
    }
    r.put("DTHFL", death != null ? "Y" : null);
    r.put("DTHDT", death);
    r.put("LSTALVDT", lastAlive);
    adsl.addNamed(r);
    if (row == null || s.randomizationDate() == null) {
      return;
    }
    for (Param prm : params(p)) {
      TimeToEvent t = prm.get().apply(row);
      if (t == null) {
        continue;
      }
      Object[] src = source(u, t, s.randomizationDate(), lastAlive);
      Map<String, Object> a = new HashMap<>();
      a.put("STUDYID", p.id());
      a.put("USUBJID", u);
      a.put("SITEID", s.siteCode());
      a.put("TRT01P", s.arm());
      a.put("TRTP", s.arm());
      a.put("PARAMCD", prm.code());
      a.put("PARAM", prm.name());
      a.put("STARTDT", s.randomizationDate());
      a.put("ADT", t.date());
      a.put("AVAL", t.days());
      a.put("CNSR", t.event() ? 0L : 1L);
      a.put(t.event() ? "EVNTDESC" : "CNSDTDSC", cut(t.reason()));
      a.put("SRCDOM", src[0]);
      a.put("SRCVAR", src[1]);
      a.put("SRCSEQ", src[2]);
      adtte.addNamed(a);
    }
  }

  private static String cut(String s) {
    return s.length() <= 200 ? s : s.substring(0, 197) + "...";
  }

  /** SRCDOM, SRCVAR, SRCSEQ of an endpoint's date. */
  private Object[] source(String u, TimeToEvent t, LocalDate rand, LocalDate lastAlive) {
    String d = t.date().toString();
    if (t.source() == EventSource.DEATH) {
      Long seq = index.find(index.ds, u, "DSDECOD", "DEATH", "DSSTDTC", d, "DSSEQ");
      return new Object[] {"DS", "DSSTDTC", seq};
    }
    if (t.source() == EventSource.CLINICAL) {
      Long seq = index.find(index.rs, u, "RSTESTCD", "CLINPROG", "RSDTC", d, "RSSEQ");
      return new Object[] {"RS", "RSDTC", seq};
    }
    Long seq = index.find(index.rs, u, "RSTESTCD", "OVRLRESP", "RSDTC", d, "RSSEQ");
    if (seq != null) {
      return new Object[] {"RS", "RSDTC", seq};
    }
    if (t.date().equals(rand)) {
      return new Object[] {"ADSL", "RANDDT", null};
    }
    if (t.date().equals(lastAlive)) {
      return new Object[] {"ADSL", "LSTALVDT", null};
    }
    return new Object[] {null, null, null};
  }

  private LocalDate date(Object[] dm, String var) {
    if (dm == null) {
      return null;
    }
    Object v = dm[index.dmDs.index(var)];
    return v == null ? null : LocalDate.parse(v.toString());
  }

  /** Lookups into the SDTM datasets. */
  private static final class Index {
    final Map<String, Object[]> dm = new HashMap<>();
    final java.util.Set<String> radiotherapy = new java.util.HashSet<>();
    final Dataset dmDs;
    final Dataset ds;
    final Dataset rs;
    final Map<String, List<Object[]>> dsRows = new HashMap<>();
    final Map<String, List<Object[]>> rsRows = new HashMap<>();

    Index(List<Dataset> sdtm) {
      Dataset dmD = null;
      Dataset dsD = null;
      Dataset rsD = null;
      for (Dataset d : sdtm) {
        switch (d.name()) {
          case "DM" -> dmD = d;
          case "DS" -> dsD = d;
          case "RS" -> rsD = d;
          case "PR" -> d.rows().forEach(r -> radiotherapy.add((String) r[d.index("USUBJID")]));
          default -> { }
        }
      }
      if (dmD == null || dsD == null || rsD == null) {
        throw new IllegalArgumentException("ADaM needs the SDTM DM, DS and RS datasets");
      }
      dmDs = dmD;
      ds = dsD;
      rs = rsD;
      int u = dmD.index("USUBJID");
      dmD.rows().forEach(r -> dm.put((String) r[u], r));
      int du = dsD.index("USUBJID");
      dsD.rows().forEach(r -> dsRows.computeIfAbsent((String) r[du], k -> new ArrayList<>()).add(r));
      int ru = rsD.index("USUBJID");
      rsD.rows().forEach(r -> rsRows.computeIfAbsent((String) r[ru], k -> new ArrayList<>()).add(r));
    }

    Long find(Dataset d, String u, String testVar, String test, String dateVar, String date, String seqVar) {
      List<Object[]> rows = (d == ds ? dsRows : rsRows).getOrDefault(u, List.of());
      int t = d.index(testVar);
      int dt = d.index(dateVar);
      int sq = d.index(seqVar);
      for (Object[] r : rows) {
        if (test.equals(r[t]) && date.equals(r[dt])) {
          return (Long) r[sq];
        }
      }
      return null;
    }
  }
}
