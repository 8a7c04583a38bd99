package org.oligotrial.cdisc.tabulation;

import static org.oligotrial.cdisc.tabulation.SdtmBuilder.coll;
import static org.oligotrial.cdisc.tabulation.SdtmBuilder.dy;
import static org.oligotrial.cdisc.tabulation.SdtmBuilder.id;
import static org.oligotrial.cdisc.tabulation.SdtmBuilder.seq;
import static org.oligotrial.cdisc.tabulation.SdtmBuilder.visitName;
import static org.oligotrial.cdisc.tabulation.SdtmBuilder.visitnum;
import static org.oligotrial.cdisc.tabulation.Variable.Origin.ASSIGNED;
import static org.oligotrial.cdisc.tabulation.Variable.Origin.DERIVED;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.oligotrial.cdisc.model.FormLayout;
import org.oligotrial.cdisc.model.FormRecord;
import org.oligotrial.cdisc.model.FormValues;
import org.oligotrial.cdisc.model.GroupRecord;
import org.oligotrial.cdisc.model.SubjectRecord;
import org.oligotrial.recist.AssessmentResult;
import org.oligotrial.recist.RecistEvaluation;
import org.oligotrial.recist.TumourEvaluator;
import org.oligotrial.recist.TumourJson;

/**
 * The oncology response domains after the CDISC SDTM Oncology conventions for RECIST 1.1 (SDTMIG 3.4 sections
 * 6.3.14-6.3.16, TU/TR/RS): TU identifies each lesion once (TUTESTCD TUMIDENT, result TARGET, NON-TARGET or NEW;
 * {@code TULNKID} the lesion id); TR holds each lesion's measurement or state at each assessment ({@code TRLNKID}
 * = the TU lesion id) plus the sum of diameters, with {@code TRLNKGRP} naming the assessment; RS holds the target,
 * non-target, new-lesion and overall responses of each assessment with the same {@code RSLNKGRP}, and the best
 * overall response. Responses come from the project's RECIST 1.1 engine ({@link TumourEvaluator}), so RS is
 * Derived. Progression forms (clinical progression, possibly without imaging) are RS records with RSTESTCD
 * {@code CLINPROG}, category {@code CLINICAL PROGRESSION}, result the site. Link groups: {@code A0} for baseline, {@code A1}, {@code A2}, ... for the follow-ups in date order.
 */
final class RecistDomains {
  private final SdtmBuilder b;
  final Dataset tu;
  final Dataset tr;
  final Dataset rs;

  RecistDomains(SdtmBuilder b) {
    this.b = b;
    tu = new Dataset("TU", "Tumor/Lesion Identification", "FINDINGS", "One record per identified lesion per "
        + "subject", false, List.of(id("STUDYID", "Study Identifier"), id("DOMAIN", "Domain Abbreviation"),
        id("USUBJID", "Unique Subject Identifier"), seq("TUSEQ"), coll("TULNKID", "Link ID"),
        Variable.text("TUTESTCD", "Tumor/Lesion ID Short Name", ASSIGNED).req().codes("TUTESTCD"),
        Variable.text("TUTEST", "Tumor/Lesion ID Test Name", ASSIGNED).req(),
        coll("TUORRES", "Tumor/Lesion ID Result"), coll("TUSTRESC", "Tumor/Lesion ID Result Std. Format"),
        coll("TULOC", "Location of the Tumor/Lesion"), coll("TUMETHOD", "Method of Identification"),
        Variable.text("TUEVAL", "Evaluator", ASSIGNED), visitnum(), visitName(),
        coll("TUDTC", "Date/Time of Tumor/Lesion Identification").as(Variable.Type.DATE),
        dy("TUDY", "Study Day of Tumor/Lesion Identification")), List.of("STUDYID", "USUBJID", "TULNKID"));
    tr = new Dataset("TR", "Tumor/Lesion Results", "FINDINGS", "One record per lesion measurement per assessment "
        + "per subject", false, List.of(id("STUDYID", "Study Identifier"), id("DOMAIN", "Domain Abbreviation"),
        id("USUBJID", "Unique Subject Identifier"), seq("TRSEQ"), coll("TRLNKID", "Link ID"),
        Variable.text("TRLNKGRP", "Link Group ID", ASSIGNED),
        Variable.text("TRTESTCD", "Tumor/Lesion Assessment Short Name", ASSIGNED).req().codes("TRTESTCD"),
        Variable.text("TRTEST", "Tumor/Lesion Assessment Test Name", ASSIGNED).req(),
        coll("TRORRES", "Result or Finding in Original Units"), coll("TRORRESU", "Original Units"),
        coll("TRSTRESC", "Character Result/Finding in Std Format"),
        coll("TRSTRESN", "Numeric Result/Finding in Standard Units").as(Variable.Type.FLOAT),
        coll("TRSTRESU", "Standard Units"), Variable.text("TREVAL", "Evaluator", ASSIGNED), visitnum(), visitName(),
        coll("TRDTC", "Date/Time of Tumor/Lesion Measurement").as(Variable.Type.DATE),
        dy("TRDY", "Study Day of Tumor/Lesion Measurement")),
        List.of("STUDYID", "USUBJID", "TRLNKGRP", "TRTESTCD", "TRLNKID"));
    rs = new Dataset("RS", "Disease Response and Clin Classification", "FINDINGS", "One record per response "
        + "assessment per subject", false, List.of(id("STUDYID", "Study Identifier"),
        id("DOMAIN", "Domain Abbreviation"), id("USUBJID", "Unique Subject Identifier"), seq("RSSEQ"),
        Variable.text("RSLNKGRP", "Link Group ID", ASSIGNED),
        Variable.text("RSTESTCD", "Assessment Short Name", ASSIGNED).req().codes("RSTESTCD"),
        Variable.text("RSTEST", "Assessment Name", ASSIGNED).req(),
        Variable.text("RSCAT", "Category for Assessment", ASSIGNED),
        Variable.text("RSORRES", "Result or Finding in Original Units", DERIVED)
            .derived("RECIST 1.1 (Eisenhauer 2009) tables 1-3 applied by the project's RECIST engine"),
        Variable.text("RSSTRESC", "Character Result/Finding in Std Format", DERIVED).codes("RSRESP")
            .derived("RSORRES in upper case"),
        Variable.text("RSEVAL", "Evaluator", ASSIGNED), visitnum(), visitName(),
        Variable.text("RSDTC", "Date/Time of Assessment", DERIVED).as(Variable.Type.DATE)
            .derived("the date of the scan assessed"),
        dy("RSDY", "Study Day of Assessment")), List.of("STUDYID", "USUBJID", "RSLNKGRP", "RSTESTCD"));
  }

  void add(SubjectRecord s, String u, LocalDate ref) {
    FormRecord baseline = null;
    List<FormRecord> followUps = new ArrayList<>();
    for (FormRecord f : s.forms()) {
      if (f.formType().equals("tumour-baseline") && baseline == null) {
        baseline = f;
      } else if (f.formType().equals("tumour-assessment")) {
        followUps.add(f);
      }
    }
    long rsSeq = 0;
    if (baseline != null && !baseline.rows("lesions").isEmpty()) {
      rsSeq = recist(s, u, ref, baseline, followUps);
    }
    for (FormRecord f : s.forms()) {
      if (f.formType().equals("progression")) {
        LocalDate d = b.date(f);
        String site = f.value("site").orElse("unknown").toUpperCase(Locale.ROOT);
        rs.add(b.studyId, "RS", u, ++rsSeq, null, "CLINPROG", "Clinical Progression", "CLINICAL PROGRESSION",
            site + f.value("lesionId").map(l -> " (LESION " + l + ")").orElse(""), "Y", "INVESTIGATOR", null, null,
            str(d), SdtmBuilder.studyDay(ref, d));
      }
    }
  }

  /** TU, TR and RS of the structured assessments; returns the last RSSEQ used. */
  private long recist(SubjectRecord s, String u, LocalDate ref, FormRecord baseline, List<FormRecord> followUps) {
    followUps.sort(java.util.Comparator.comparing(f -> f.value("date").orElse("")));
    long tuSeq = 0;
    long trSeq = 0;
    long rsSeq = 0;
    LocalDate bd = b.date(baseline);
    Long bvn = baseline.visitId() == null ? null : TrialDesign.visitnum(b.p, baseline.visitId(), 1);
    String bv = baseline.visitId() == null ? null : TrialDesign.visit(b.p, baseline.visitId(), 1);
    for (GroupRecord l : baseline.rows("lesions")) {
      String lid = l.items().get("id");
      String type = l.items().getOrDefault("type", "non-target").toUpperCase(Locale.ROOT);
      String site = l.items().getOrDefault("siteText", l.items().get("site"));
      tu.add(b.studyId, "TU", u, ++tuSeq, lid, "TUMIDENT", "Tumor Identification", type, type,
          site == null ? null : site.toUpperCase(Locale.ROOT), l.items().get("method"), "INVESTIGATOR", bvn, bv,
          str(bd), SdtmBuilder.studyDay(ref, bd));
      if (type.equals("TARGET") && l.items().get("mm") != null) {
        boolean nodal = "true".equals(l.items().get("nodal"));
        BigDecimal mm = new BigDecimal(l.items().get("mm"));
        tr.add(b.studyId, "TR", u, ++trSeq, lid, "A0", nodal ? "SAXIS" : "LDIAM",
            nodal ? "Short Axis" : "Longest Diameter", Dataset.text(mm), "mm", Dataset.text(mm), mm, "mm",
            "INVESTIGATOR", bvn, bv, str(bd), SdtmBuilder.studyDay(ref, bd));
      }
    }
    RecistEvaluation eval = evaluate(baseline, followUps);
    if (eval != null && eval.baselineSum() != null) {
      tr.add(b.studyId, "TR", u, ++trSeq, null, "A0", "SUMDIAM", "Sum of Diameter",
          Dataset.text(eval.baselineSum()), "mm", Dataset.text(eval.baselineSum()), eval.baselineSum(), "mm",
          "INVESTIGATOR", bvn, bv, str(bd), SdtmBuilder.studyDay(ref, bd));
    }
    int k = 0;
    for (FormRecord f : followUps) {
      k++;
      String grp = "A" + k;
      LocalDate d = b.date(f);
      Long vn = f.visitId() == null ? null : TrialDesign.visitnum(b.p, f.visitId(), f.visitRepeat());
      String vname = f.visitId() == null ? null : TrialDesign.visit(b.p, f.visitId(), f.visitRepeat());
      for (GroupRecord m : f.rows("targets")) {
        String mm = m.items().get("mm");
        boolean ne = mm == null || mm.equals("NE");
        tr.add(b.studyId, "TR", u, ++trSeq, m.items().get("lesionId"), grp, "LDIAM", "Longest Diameter",
            ne ? "NOT EVALUABLE" : mm, ne ? null : "mm", ne ? "NOT EVALUABLE" : Dataset.text(new BigDecimal(mm)),
            ne ? null : new BigDecimal(mm), ne ? null : "mm", "INVESTIGATOR", vn, vname, str(d),
            SdtmBuilder.studyDay(ref, d));
      }
      for (GroupRecord m : f.rows("nonTargets")) {
        String st = state(m.items().get("status"));
        tr.add(b.studyId, "TR", u, ++trSeq, m.items().get("lesionId"), grp, "TUMSTATE", "Tumor State", st, null,
            st, null, null, "INVESTIGATOR", vn, vname, str(d), SdtmBuilder.studyDay(ref, d));
      }
      for (GroupRecord m : f.rows("newLesions")) {
        String site = m.items().get("site");
        tu.add(b.studyId, "TU", u, ++tuSeq, m.items().get("id"), "TUMIDENT", "Tumor Identification",
            "true".equals(m.items().get("equivocal")) ? "NEW EQUIVOCAL" : "NEW",
            "true".equals(m.items().get("equivocal")) ? "NEW EQUIVOCAL" : "NEW",
            site == null ? null : site.toUpperCase(Locale.ROOT), null, "INVESTIGATOR", vn, vname, str(d),
            SdtmBuilder.studyDay(ref, d));
      }
      AssessmentResult r = eval == null || eval.assessments().size() < k ? null : eval.assessments().get(k - 1);
      if (r == null) {
        continue;
      }
      if (r.sum() != null) {
        tr.add(b.studyId, "TR", u, ++trSeq, null, grp, "SUMDIAM", "Sum of Diameter", Dataset.text(r.sum()), "mm",
            Dataset.text(r.sum()), r.sum(), "mm", "INVESTIGATOR", vn, vname, str(d), SdtmBuilder.studyDay(ref, d));
      }
      if (r.target() != null) {
        rsSeq = response(u, rsSeq, grp, "TRGRESP", "Target Response", r.target().label(), vn, vname, d, ref);
      }
      rsSeq = response(u, rsSeq, grp, "NTRGRESP", "Non-target Response", r.nonTarget().label(), vn, vname, d, ref);
      rsSeq = response(u, rsSeq, grp, "NEWLIND", "New Lesion Indicator", r.newLesions().label(), vn, vname, d, ref);
      rsSeq = response(u, rsSeq, grp, "OVRLRESP", "Overall Response", r.overall().label(), vn, vname, d, ref);
    }
    if (eval != null && eval.bestOverallResponse() != null && !followUps.isEmpty()) {
      rsSeq = response(u, rsSeq, null, "BESTRESP", "Best Overall Response", eval.bestOverallResponse().label(), null,
          null, null, ref);
    }
    return rsSeq;
  }

  private long response(String u, long seq, String grp, String testcd, String test, String result, Long vn,
      String vname, LocalDate d, LocalDate ref) {
    rs.add(b.studyId, "RS", u, seq + 1, grp, testcd, test, "RECIST 1.1", result, result.toUpperCase(Locale.ROOT),
        "INVESTIGATOR", vn, vname, str(d), SdtmBuilder.studyDay(ref, d));
    return seq + 1;
  }

  private RecistEvaluation evaluate(FormRecord baseline, List<FormRecord> followUps) {
    StringBuilder doc = new StringBuilder("{\"baseline\":");
    doc.append(json(baseline)).append(",\"assessments\":[");
    for (int i = 0; i < followUps.size(); i++) {
      doc.append(i == 0 ? "" : ",").append(json(followUps.get(i)));
    }
    doc.append("]}");
    try {
      return new TumourEvaluator().evaluate(TumourJson.read(doc.toString())).recist();
    } catch (IllegalArgumentException e) { // InvalidRecistDataException and bad numbers
      return null; // the lesions are still tabulated in TU/TR; responses need a valid baseline (docs/cdisc.md)
    }
  }

  private String json(FormRecord f) {
    return FormValues.toJson(FormLayout.of(b.p.form(f.formType()).orElseThrow()), f.groups());
  }

  private static String state(String status) {
    if (status == null) {
      return null;
    }
    return switch (status) {
      case "present" -> "PRESENT";
      case "absent" -> "ABSENT";
      case "progression" -> "UNEQUIVOCAL PROGRESSION";
      default -> "NOT EVALUABLE";
    };
  }

  private static String str(LocalDate d) {
    return d == null ? null : d.toString();
  }
}
