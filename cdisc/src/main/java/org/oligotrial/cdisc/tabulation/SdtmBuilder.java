package org.oligotrial.cdisc.tabulation;

import static org.oligotrial.cdisc.tabulation.Variable.Origin.ASSIGNED;
import static org.oligotrial.cdisc.tabulation.Variable.Origin.COLLECTED;
import static org.oligotrial.cdisc.tabulation.Variable.Origin.DERIVED;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oligotrial.cdisc.model.ClinicalDataSource;
import org.oligotrial.cdisc.model.FormRecord;
import org.oligotrial.cdisc.model.SubjectRecord;
import org.oligotrial.ctcae.CodedTerm;
import org.oligotrial.ctcae.CodedTerms;
import org.oligotrial.ctcae.Ctcae;
import org.oligotrial.ctcae.CtcaeTerm;
import org.oligotrial.protocol.FormDefinition;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.Regimen;

/**
 * Builds the subject-level SDTM (SDTMIG 3.4) datasets in one pass over the subjects: DM, DS, SV, AE with SUPPAE,
 * EX (systemic therapy), PR with SUPPPR (radiotherapy), the oncology response domains TU, TR, RS
 * ({@link RecistDomains}), and from the screening record DM's sex and age, IE, MH and LB
 * ({@link ScreeningDomains}). The mapping of every variable is tabulated in docs/cdisc.md. Study day
 * ({@code --DY}, SDTMIG 3.4 section 4.4.4): {@code date - RFSTDTC + 1} on or after the reference start,
 * {@code date - RFSTDTC} before it (there is no day 0); RFSTDTC is the randomization date, the protocol's day 0.
 * Not thread-safe; one builder per export.
 */
public final class SdtmBuilder {
  final Protocol p;
  final String studyId;
  final Dataset dm;
  final Dataset ds;
  final Dataset sv;
  final Dataset ae;
  final Dataset suppae;
  final Dataset ex;
  final Dataset pr;
  final Dataset supppr;
  final RecistDomains recist;
  final ScreeningDomains screening;

  public SdtmBuilder(Protocol p) {
    this.p = p;
    this.studyId = p.id();
    dm = new Dataset("DM", "Demographics", "SPECIAL PURPOSE", "One record per subject", false, List.of(
        id("STUDYID", "Study Identifier"), id("DOMAIN", "Domain Abbreviation"),
        id("USUBJID", "Unique Subject Identifier"), coll("SUBJID", "Subject Identifier for the Study").req(),
        Variable.text("RFSTDTC", "Subject Reference Start Date/Time", DERIVED).as(Variable.Type.DATE)
            .derived("date of randomization (the protocol's day 0)"),
        Variable.text("RFENDTC", "Subject Reference End Date/Time", DERIVED).as(Variable.Type.DATE)
            .derived("latest date recorded for the subject"),
        Variable.text("RFXSTDTC", "Date/Time of First Study Treatment", DERIVED).as(Variable.Type.DATE)
            .derived("earliest EXSTDTC or PRSTDTC"),
        Variable.text("RFXENDTC", "Date/Time of Last Study Treatment", DERIVED).as(Variable.Type.DATE)
            .derived("latest EXENDTC or PRENDTC"),
        coll("DTHDTC", "Date/Time of Death").as(Variable.Type.DATE),
        Variable.text("DTHFL", "Subject Death Flag", DERIVED).codes("NY").derived("Y when a death form exists"),
        coll("SITEID", "Study Site Identifier").req(),
        coll("BRTHDTC", "Date/Time of Birth").as(Variable.Type.DATE),
        Variable.text("AGE", "Age", DERIVED).as(Variable.Type.INTEGER)
            .derived("whole years from BRTHDTC to the screening date"),
        Variable.text("AGEU", "Age Units", ASSIGNED).codes("AGEU"),
        coll("SEX", "Sex").req().codes("SEX"),
        Variable.text("ARMCD", "Planned Arm Code", ASSIGNED).codes("ARMCD"),
        Variable.text("ARM", "Description of Planned Arm", ASSIGNED),
        Variable.text("ACTARMCD", "Actual Arm Code", DERIVED).codes("ARMCD")
            .derived("RTPLUS when any radiotherapy was delivered, else RTMINUS"),
        Variable.text("ACTARM", "Description of Actual Arm", DERIVED).derived("the arm of ACTARMCD"),
        Variable.text("ARMNRS", "Reason Arm and/or Actual Arm is Null", ASSIGNED),
        Variable.text("COUNTRY", "Country", ASSIGNED).req().codes("COUNTRY")),
        List.of("STUDYID", "USUBJID"));
    ds = new Dataset("DS", "Disposition", "EVENTS", "One record per disposition status or protocol milestone per "
        + "subject", false, List.of(id("STUDYID", "Study Identifier"), id("DOMAIN", "Domain Abbreviation"),
        id("USUBJID", "Unique Subject Identifier"), seq("DSSEQ"), coll("DSSPID", "Sponsor-Defined Identifier"),
        coll("DSTERM", "Reported Term for the Disposition Event").req(),
        Variable.text("DSDECOD", "Standardized Disposition Term", ASSIGNED).req().codes("NCOMPLT"),
        Variable.text("DSCAT", "Category for Disposition Event", ASSIGNED).codes("DSCAT"),
        coll("DSSTDTC", "Start Date/Time of Disposition Event").as(Variable.Type.DATE),
        dy("DSSTDY", "Study Day of Start of Disposition Event")), List.of("STUDYID", "USUBJID", "DSSEQ"));
    sv = new Dataset("SV", "Subject Visits", "SPECIAL PURPOSE", "One record per actual visit per subject", false,
        List.of(id("STUDYID", "Study Identifier"), id("DOMAIN", "Domain Abbreviation"),
            id("USUBJID", "Unique Subject Identifier"), visitnum(), visitName(),
            Variable.text("SVSTDTC", "Start Date/Time of Visit", DERIVED).as(Variable.Type.DATE)
                .derived("earliest date of the visit's forms"),
            Variable.text("SVENDTC", "End Date/Time of Visit", DERIVED).as(Variable.Type.DATE)
                .derived("latest date of the visit's forms"),
            dy("SVSTDY", "Study Day of Start of Visit")), List.of("STUDYID", "USUBJID", "VISITNUM"));
    ae = new Dataset("AE", "Adverse Events", "EVENTS", "One record per adverse event per subject", false, List.of(
        id("STUDYID", "Study Identifier"), id("DOMAIN", "Domain Abbreviation"),
        id("USUBJID", "Unique Subject Identifier"), seq("AESEQ"), coll("AESPID", "Sponsor-Defined Identifier"),
        coll("AETERM", "Reported Term for the Adverse Event").req(),
        Variable.text("AELLT", "Lowest Level Term", ASSIGNED).codes("MEDDRA")
            .derived("the CTCAE v5.0 term coded on the form (a MedDRA v20.1 LLT); empty for an \"Other, specify\""
                + " term and for an entry not yet coded"),
        Variable.text("AELLTCD", "Lowest Level Term Code", ASSIGNED).as(Variable.Type.INTEGER)
            .derived("the MedDRA v20.1 code of the coded CTCAE v5.0 term (an LLT code); empty as AELLT"),
        Variable.text("AEDECOD", "Dictionary-Derived Term", ASSIGNED).req().codes("MEDDRA")
            .derived("the coded CTCAE v5.0 term, spelled as CTCAE spells it (the MedDRA preferred term needs the"
                + " MedDRA hierarchy, not shipped); empty for an entry not yet coded"),
        Variable.text("AESOC", "Primary System Organ Class", ASSIGNED).codes("MEDDRA")
            .derived("the CTCAE v5.0 system organ class of the coded term"),
        Variable.text("AESOCCD", "Primary System Organ Class Code", ASSIGNED).as(Variable.Type.INTEGER)
            .derived("the MedDRA v20.1 SOC code: the code CTCAE v5.0 gives the class's"
                + " \"Other, specify\" term"),
        coll("AESER", "Serious Event").codes("NY"), coll("AEACN", "Action Taken with Study Treatment").codes("ACN"),
        coll("AEACNOTH", "Other Action Taken"), coll("AEREL", "Causality").codes("REL")
            .derived("the strongest of the relations to systemic therapy and to radiotherapy (SUPPAE)"),
        coll("AEOUT", "Outcome of Adverse Event").codes("OUT"),
        coll("AESCONG", "Congenital Anomaly or Birth Defect").codes("NY"),
        coll("AESDISAB", "Persist or Signif Disability/Incapacity").codes("NY"),
        coll("AESDTH", "Results in Death").codes("NY"),
        coll("AESHOSP", "Requires or Prolongs Hospitalization").codes("NY"),
        coll("AESLIFE", "Is Life Threatening").codes("NY"),
        coll("AESMIE", "Other Medically Important Serious Event").codes("NY"),
        coll("AETOXGR", "Standard Toxicity Grade").codes("TOXGR"), coll("AESTDTC", "Start Date/Time of Adverse Event").as(Variable.Type.DATE),
        coll("AEENDTC", "End Date/Time of Adverse Event").as(Variable.Type.DATE),
        dy("AESTDY", "Study Day of Start of Adverse Event"), dy("AEENDY", "Study Day of End of Adverse Event")),
        List.of("STUDYID", "USUBJID", "AEDECOD", "AESTDTC"));
    suppae = supp("AE");
    ex = new Dataset("EX", "Exposure", "INTERVENTIONS", "One record per administration per subject", false, List.of(
        id("STUDYID", "Study Identifier"), id("DOMAIN", "Domain Abbreviation"),
        id("USUBJID", "Unique Subject Identifier"), seq("EXSEQ"), coll("EXSPID", "Sponsor-Defined Identifier"),
        coll("EXTRT", "Name of Treatment").req(), Variable.text("EXCAT", "Category of Treatment", ASSIGNED),
        coll("EXDOSE", "Dose").as(Variable.Type.FLOAT), Variable.text("EXDOSU", "Dose Units", ASSIGNED).codes("UNIT"),
        coll("EXADJ", "Reason for Dose Adjustment"), visitnum(), visitName(),
        coll("EXSTDTC", "Start Date/Time of Treatment").as(Variable.Type.DATE),
        coll("EXENDTC", "End Date/Time of Treatment").as(Variable.Type.DATE),
        dy("EXSTDY", "Study Day of Start of Treatment")), List.of("STUDYID", "USUBJID", "EXTRT", "EXSTDTC"));
    pr = new Dataset("PR", "Procedures", "INTERVENTIONS", "One record per radiotherapy course per lesion per subject",
        false, List.of(id("STUDYID", "Study Identifier"), id("DOMAIN", "Domain Abbreviation"),
        id("USUBJID", "Unique Subject Identifier"), seq("PRSEQ"), coll("PRSPID", "Sponsor-Defined Identifier"),
        coll("PRLNKID", "Link ID"), Variable.text("PRTRT", "Reported Name of Procedure", ASSIGNED).req(),
        Variable.text("PRCAT", "Category", ASSIGNED), coll("PRSCAT", "Subcategory"),
        coll("PRDOSE", "Dose").as(Variable.Type.FLOAT), Variable.text("PRDOSU", "Dose Units", ASSIGNED).codes("UNIT"),
        coll("PRLOC", "Location of Procedure"), visitnum(), visitName(),
        coll("PRSTDTC", "Start Date/Time of Procedure").as(Variable.Type.DATE),
        coll("PRENDTC", "End Date/Time of Procedure").as(Variable.Type.DATE),
        dy("PRSTDY", "Study Day of Start of Procedure")), List.of("STUDYID", "USUBJID", "PRTRT", "PRSTDTC"));
    supppr = supp("PR");
    recist = new RecistDomains(this);
    screening = new ScreeningDomains(p);
  }

  static Variable id(String name, String label) {
    return Variable.text(name, label, ASSIGNED).req();
  }

  static Variable coll(String name, String label) {
    return Variable.text(name, label, COLLECTED);
  }

  static Variable seq(String name) {
    return Variable.text(name, "Sequence Number", DERIVED).as(Variable.Type.INTEGER).req()
        .derived("1, 2, ... per subject in the order of the records");
  }

  static Variable dy(String name, String label) {
    return Variable.text(name, label, DERIVED).as(Variable.Type.INTEGER)
        .derived("date - RFSTDTC + 1 on or after RFSTDTC, date - RFSTDTC before it");
  }

  static Variable visitnum() {
    return Variable.text("VISITNUM", "Visit Number", ASSIGNED).as(Variable.Type.INTEGER)
        .derived("100 x position of the visit in the schedule + occurrence");
  }

  static Variable visitName() {
    return Variable.text("VISIT", "Visit Name", ASSIGNED);
  }

  static Dataset supp(String domain) {
    return new Dataset("SUPP" + domain, "Supplemental Qualifiers for " + domain, "RELATIONSHIP",
        "One record per supplemental qualifier per parent record", false, List.of(
            id("STUDYID", "Study Identifier"), id("RDOMAIN", "Related Domain Abbreviation"),
            id("USUBJID", "Unique Subject Identifier"), Variable.text("IDVAR", "Identifying Variable", ASSIGNED),
            Variable.text("IDVARVAL", "Identifying Variable Value", ASSIGNED),
            Variable.text("QNAM", "Qualifier Variable Name", ASSIGNED).req(),
            Variable.text("QLABEL", "Qualifier Variable Label", ASSIGNED).req(),
            Variable.text("QVAL", "Data Value", COLLECTED).req(),
            Variable.text("QORIG", "Origin", ASSIGNED).req(), Variable.text("QEVAL", "Evaluator", ASSIGNED)),
        List.of("STUDYID", "RDOMAIN", "USUBJID", "IDVAR", "IDVARVAL", "QNAM"));
  }

  /** The USUBJID of a subject: {@code STUDYID-SUBJID}, unique across the sponsor's studies. */
  public String usubjid(String subjectKey) {
    return studyId + "-" + subjectKey;
  }

  /** Builds the trial design and subject-level datasets, streaming the subjects once. */
  public static List<Dataset> build(Protocol p, ClinicalDataSource source) {
    SdtmBuilder b = new SdtmBuilder(p);
    source.forEachSubject(null, b::add);
    List<Dataset> out = new ArrayList<>(List.of(TrialDesign.ts(p), TrialDesign.ta(p), TrialDesign.te(p),
        TrialDesign.tv(p), TrialDesign.ti(p)));
    out.addAll(List.of(b.dm, b.ds, b.screening.ie, b.screening.mh, b.sv, b.ae, b.suppae, b.ex, b.pr, b.supppr,
        b.screening.lb, b.recist.tu, b.recist.tr, b.recist.rs));
    return out;
  }

  /** The form's date (its protocol {@code dateField}), or null. */
  LocalDate date(FormRecord f) {
    FormDefinition def = p.form(f.formType()).orElseThrow();
    return f.value(def.dateField()).map(LocalDate::parse).orElse(null);
  }

  static Long studyDay(LocalDate ref, LocalDate d) {
    if (ref == null || d == null) {
      return null;
    }
    long diff = ChronoUnit.DAYS.between(ref, d);
    return diff >= 0 ? diff + 1 : diff;
  }

  /** Adds one subject's records to every dataset. */
  void add(SubjectRecord s) {
    String u = usubjid(s.subjectKey());
    LocalDate ref = s.randomizationDate();
    LocalDate last = ref;
    LocalDate firstTx = null;
    LocalDate lastTx = null;
    LocalDate death = null;
    boolean radiotherapy = false;
    long dsSeq = 0;
    long aeSeq = 0;
    long exSeq = 0;
    long prSeq = 0;
    if (ref != null) {
      ds.add(studyId, "DS", u, ++dsSeq, null, "RANDOMIZED", "RANDOMIZED", "PROTOCOL MILESTONE", ref.toString(),
          studyDay(ref, ref));
    }
    Map<Long, LocalDate[]> visits = new LinkedHashMap<>();
    Map<Long, String> visitNames = new LinkedHashMap<>();
    Map<String, FormRecord> reports = saeReports(s);
    for (FormRecord f : s.forms()) {
      LocalDate d = date(f);
      if (d != null && (last == null || d.isAfter(last))) {
        last = d;
      }
      if (f.visitId() != null && d != null) {
        long vn = TrialDesign.visitnum(p, f.visitId(), f.visitRepeat());
        visitNames.put(vn, TrialDesign.visit(p, f.visitId(), f.visitRepeat()));
        visits.merge(vn, new LocalDate[] {d, d}, (a, b) -> new LocalDate[] {
            a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
      }
      Long vn = f.visitId() == null ? null : TrialDesign.visitnum(p, f.visitId(), f.visitRepeat());
      String vname = f.visitId() == null ? null : TrialDesign.visit(p, f.visitId(), f.visitRepeat());
      switch (f.formType()) {
        case "adverse-event" -> {
          aeSeq++;
          addAe(u, aeSeq, ref, d, f, reports.remove(f.formKey()));
        }
        case "sae-report" -> { }
        case "systemic-therapy" -> {
          String regimen = f.value("regimen").orElse(null);
          String name = p.systemicTherapy().regimens().stream().filter(r -> r.id().equals(regimen))
              .map(Regimen::name).findFirst().orElse(regimen);
          String cat = p.systemicTherapy().regimens().stream().filter(r -> r.id().equals(regimen))
              .map(r -> r.category().toUpperCase(Locale.ROOT)).findFirst().orElse(null);
          String mod = f.value("modification").orElse("none");
          ex.add(studyId, "EX", u, ++exSeq, f.formKey(), name, cat,
              f.value("dosePercent").map(java.math.BigDecimal::new).orElse(null), "%",
              mod.equals("none") ? null : mod.toUpperCase(Locale.ROOT) + f.value("modificationReason")
                  .map(r -> ": " + r).orElse(""), vn, vname, d == null ? null : d.toString(),
              d == null ? null : d.toString(), studyDay(ref, d));
          firstTx = min(firstTx, d);
          lastTx = max(lastTx, d);
        }
        case "radiotherapy" -> {
          radiotherapy = true;
          LocalDate end = f.value("endDate").map(LocalDate::parse).orElse(null);
          String target = f.value("target").orElse(null);
          String loc = "primary".equals(target) ? "PRIMARY TUMOUR"
              : f.value("metastasisSite").map(x -> x.toUpperCase(Locale.ROOT)).orElse("METASTASIS");
          prSeq++;
          pr.add(studyId, "PR", u, prSeq, f.formKey(), f.value("lesionId").orElse(null), "RADIOTHERAPY",
              "RADIOTHERAPY", f.value("technique").orElse(null),
              f.value("totalDoseGy").map(java.math.BigDecimal::new).orElse(null), "Gy", loc, vn, vname,
              d == null ? null : d.toString(), end == null ? null : end.toString(), studyDay(ref, d));
          suppQ(u, prSeq, "PRFRACP", "Number of Fractions Planned", f.value("plannedFractions").orElse(null));
          suppQ(u, prSeq, "PRFRACD", "Number of Fractions Delivered", f.value("fractions").orElse(null));
          suppQ(u, prSeq, "PRINTRDY", "Days of Interruption", f.value("interruptionDays").orElse(null));
          suppQ(u, prSeq, "PRINTRRS", "Reason for Interruption", f.value("interruptionReason").orElse(null));
          firstTx = min(firstTx, d);
          lastTx = max(lastTx, end != null ? end : d);
        }
        case "death" -> {
          death = d;
          ds.add(studyId, "DS", u, ++dsSeq, f.formKey(), "DEATH: " + f.value("cause").orElse("unknown")
                  .toUpperCase(Locale.ROOT), "DEATH", "DISPOSITION EVENT", d == null ? null : d.toString(),
              studyDay(ref, d));
        }
        case "withdrawal" -> ds.add(studyId, "DS", u, ++dsSeq, f.formKey(), f.value("reason").orElse("withdrawal"),
            "WITHDRAWAL BY SUBJECT", "DISPOSITION EVENT", d == null ? null : d.toString(), studyDay(ref, d));
        default -> { }
      }
    }
    for (FormRecord r : new LinkedHashSet<>(reports.values())) {
      // a report not linked to an adverse-event form of the subject: its own AE record, so the event is not lost
      addAe(u, ++aeSeq, ref, date(r), r, r);
    }
    recist.add(s, u, ref);
    screening.add(studyId, u, s.screeningRecord());
    Object[] demo = ScreeningDomains.demographics(s.screeningRecord());
    visits.forEach((vn, range) -> sv.add(studyId, "SV", u, vn, visitNames.get(vn), range[0].toString(),
        range[1].toString(), studyDay(ref, range[0])));
    String armcd = s.arm() == null ? null : TrialDesign.armcd(s.arm());
    String armName = s.arm() == null ? null : p.arms().stream().filter(a -> a.id().equals(s.arm()))
        .map(org.oligotrial.protocol.Arm::name).findFirst().orElse(s.arm());
    String actual = s.arm() == null ? null : (radiotherapy ? "RT+" : "RT-");
    String actualName = actual == null ? null : p.arms().stream().filter(a -> a.id().equals(actual))
        .map(org.oligotrial.protocol.Arm::name).findFirst().orElse(actual);
    dm.add(studyId, "DM", u, s.subjectKey(), ref == null ? null : ref.toString(),
        last == null ? null : last.toString(), firstTx == null ? null : firstTx.toString(),
        lastTx == null ? null : lastTx.toString(), death == null ? null : death.toString(), death == null ? null : "Y",
        s.siteCode(), demo[1], demo[2], demo[3], demo[0], armcd, armName, actual == null ? null : TrialDesign.armcd(actual), actualName,
        s.arm() == null ? "SCREEN FAILURE" : null, "CHN");
  }

  /**
   * The latest serious-adverse-event report of each event, by the key of the adverse-event form it names
   * ({@code adverseEventForm}), or by its own key when it names none of the subject's adverse-event forms. Latest:
   * the last awareness date and time, then the last in the subject's form order (a follow-up report supersedes the
   * initial one).
   */
  static Map<String, FormRecord> saeReports(SubjectRecord s) {
    java.util.Set<String> aeKeys = new java.util.HashSet<>();
    for (FormRecord f : s.forms()) {
      if (f.formType().equals("adverse-event")) {
        aeKeys.add(f.formKey());
      }
    }
    Map<String, FormRecord> out = new LinkedHashMap<>();
    for (FormRecord f : s.forms()) {
      if (!f.formType().equals("sae-report")) {
        continue;
      }
      String key = f.value("adverseEventForm").map(String::strip).filter(aeKeys::contains).orElse(f.formKey());
      out.merge(key, f, (a, b) -> f.value("awarenessAt").orElse("").compareTo(
          a.value("awarenessAt").orElse("")) >= 0 ? b : a);
    }
    return out;
  }

  /**
   * One AE record: from the adverse-event form {@code f} (or from a report standing alone), with the seriousness
   * criteria and the report's times from {@code report} when there is one.
   */
  private void addAe(String u, long aeSeq, LocalDate ref, LocalDate d, FormRecord f, FormRecord report) {
    CodedTerm term = codedTerm(f, "term");
    boolean other = term != null && term.otherSpecify() != null;
    boolean llt = term != null && term.coded() && !other;
    String relSys = f.value("relatedToSystemicTherapy").orElse(null);
    String relRt = f.value("relatedToRadiotherapy").orElse(null);
    LocalDate end = f.value("endDate").map(LocalDate::parse).orElse(null);
    String action = f.value("actionTaken").orElse(null);
    String serious = f == report ? "Y" : f.value("serious").map(v -> v.equals("true") ? "Y" : "N").orElse(null);
    // AETERM is the term as reported: the words of an "Other, specify", else the text as entered
    ae.add(studyId, "AE", u, aeSeq, f.formKey(), term == null ? null : other ? term.otherSpecify()
        : f.value("term").orElse(term.term()),
        llt ? term.term() : null, llt ? Long.valueOf(term.meddraCode()) : null,
        term != null && term.coded() ? term.term() : null, term == null ? null : term.soc(),
        term == null || !term.coded() ? null : Ctcae.v5().otherSpecify(term.soc())
            .map(t -> Long.valueOf(t.meddraCode())).orElse(null),
        serious, acn(action), "delayed".equals(action) ? "DOSE DELAYED" : "other".equals(action) ? "OTHER" : null,
        strongest(relSys, relRt), out(f.value("outcome").orElse(null)), yn(report, "congenitalAnomaly"),
        yn(report, "disability"), yn(report, "resultsInDeath"), yn(report, "hospitalisation"),
        yn(report, "lifeThreatening"), yn(report, "otherImportantEvent"), f.value("grade").orElse(null),
        d == null ? null : d.toString(), end == null ? null : end.toString(), studyDay(ref, d), studyDay(ref, end));
    String seq = Long.toString(aeSeq);
    if (relSys != null) {
      suppae.add(studyId, "AE", u, "AESEQ", seq, "AERELSYS", "Relation to Systemic Therapy", rel(relSys), "CRF",
          "INVESTIGATOR");
    }
    if (relRt != null) {
      suppae.add(studyId, "AE", u, "AESEQ", seq, "AERELRT", "Relation to Radiotherapy", rel(relRt), "CRF",
          "INVESTIGATOR");
    }
    if (report != null) {
      // ISO 8601 local date and time to the minute, as entered (SDTMIG 3.4 section 4.4.2)
      report.value("awarenessAt").map(SdtmBuilder::minutes).ifPresent(v -> suppae.add(studyId, "AE", u, "AESEQ",
          seq, "AEAWRDTC", "Date/Time Site Aware of Serious Event", v, "CRF", "INVESTIGATOR"));
      report.value("reportedAt").map(SdtmBuilder::minutes).ifPresent(v -> suppae.add(studyId, "AE", u, "AESEQ",
          seq, "AERPTDTC", "Date/Time Serious Event Reported", v, "CRF", "INVESTIGATOR"));
    }
  }

  /** An ODM datetime value ({@code 2024-04-03T10:15:00}) as the minute it was entered to. */
  static String minutes(String v) {
    return v.length() == 19 && v.endsWith(":00") ? v.substring(0, 16) : v;
  }

  /** A boolean item of a report as Y/N (CDISC CT C66742), null without a report or value. */
  private static String yn(FormRecord report, String field) {
    return report == null ? null : report.value(field).map(v -> v.equals("true") ? "Y" : "N").orElse(null);
  }

  /**
   * The coded term of a {@code ctcae-term} field from its items ({@link FormLayout}): coded when it carries a
   * MedDRA code of the dictionary, otherwise read as {@link CodedTerms#read} reads a stored text (a text that is
   * exactly a term's name is that term; any other is uncoded). Null when the term is not recorded.
   */
  static CodedTerm codedTerm(FormRecord f, String field) {
    String text = f.value(field).orElse(null);
    String code = f.value(field + ".meddraCode").orElse(null);
    String other = f.value(field + ".otherSpecify").orElse(null);
    CtcaeTerm t = code == null ? null : Ctcae.v5().code(code).orElse(null);
    if (t != null) {
      return CodedTerm.of(t, other);
    }
    return text == null ? null : CodedTerms.read(tools.jackson.databind.node.JsonNodeFactory.instance
        .stringNode(text));
  }

  private void suppQ(String u, long seq, String qnam, String qlabel, String value) {
    if (value != null) {
      supppr.add(studyId, "PR", u, "PRSEQ", Long.toString(seq), qnam, qlabel, value, "CRF", null);
    }
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  /** CDISC CT C66767 (Action Taken with Study Treatment). */
  static String acn(String v) {
    if (v == null) {
      return null;
    }
    return switch (v) {
      case "none" -> "DOSE NOT CHANGED";
      case "dose-reduced" -> "DOSE REDUCED";
      case "interrupted", "delayed" -> "DRUG INTERRUPTED";
      case "discontinued" -> "DRUG WITHDRAWN";
      default -> "NOT APPLICABLE";
    };
  }

  /** CDISC CT C66768 (Outcome of Event). */
  static String out(String v) {
    if (v == null) {
      return null;
    }
    return switch (v) {
      case "recovered" -> "RECOVERED/RESOLVED";
      case "recovering" -> "RECOVERING/RESOLVING";
      case "not-recovered" -> "NOT RECOVERED/NOT RESOLVED";
      case "recovered-with-sequelae" -> "RECOVERED/RESOLVED WITH SEQUELAE";
      case "fatal" -> "FATAL";
      default -> "UNKNOWN";
    };
  }

  private static final List<String> RELATIONS =
      List.of("not-applicable", "unrelated", "unlikely", "possible", "probable", "definite");

  static String rel(String v) {
    return switch (v) {
      case "unrelated" -> "NOT RELATED";
      case "unlikely" -> "UNLIKELY RELATED";
      case "possible" -> "POSSIBLY RELATED";
      case "probable" -> "PROBABLY RELATED";
      case "definite" -> "RELATED";
      default -> "NOT APPLICABLE";
    };
  }

  static String strongest(String a, String b) {
    if (a == null && b == null) {
      return null;
    }
    int ia = a == null ? -1 : RELATIONS.indexOf(a);
    int ib = b == null ? -1 : RELATIONS.indexOf(b);
    return rel(ia >= ib ? a : b);
  }
}
