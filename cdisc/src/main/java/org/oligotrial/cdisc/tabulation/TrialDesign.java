package org.oligotrial.cdisc.tabulation;

import static org.oligotrial.cdisc.tabulation.Variable.Origin.ASSIGNED;
import static org.oligotrial.cdisc.tabulation.Variable.Origin.PROTOCOL;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.oligotrial.protocol.Arm;
import org.oligotrial.protocol.Criterion;
import org.oligotrial.protocol.CriterionKind;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.Visit;

/**
 * The SDTM trial design datasets (SDTMIG 3.4 section 7) from the protocol file alone: TS (trial summary, with the
 * registry id as {@code REGID}), TA (trial arms), TE (trial elements), TV (trial visits), TI (inclusion/exclusion
 * criteria). Element plan (docs/cdisc.md): every arm starts with screening (SCRN); RT+ then has systemic therapy
 * with radiotherapy (SYSRT), RT- systemic therapy alone (SYS); both end in follow-up (FU). Stateless.
 */
public final class TrialDesign {
  private TrialDesign() {}

  static Variable v(String name, String label) {
    return Variable.text(name, label, PROTOCOL);
  }

  static Variable n(String name, String label) {
    return Variable.text(name, label, PROTOCOL).as(Variable.Type.INTEGER);
  }

  /** TS: one row per trial summary parameter. */
  public static Dataset ts(Protocol p) {
    Dataset ds = new Dataset("TS", "Trial Summary", "TRIAL DESIGN", "One record per trial summary parameter value",
        false, List.of(v("STUDYID", "Study Identifier").req(), v("DOMAIN", "Domain Abbreviation").req(),
            n("TSSEQ", "Sequence Number").req(), v("TSPARMCD", "Trial Summary Parameter Short Name").req(),
            v("TSPARM", "Trial Summary Parameter").req(), v("TSVAL", "Parameter Value"),
            v("TSVALCD", "Parameter Value Code"), v("TSVCDREF", "Name of the Reference Terminology")),
        List.of("STUDYID", "TSPARMCD", "TSSEQ"));
    int seq = 1;
    String[][] rows = {
        {"TITLE", "Trial Title", p.title(), null, null},
        {"REGID", "Registry Identifier", p.id(), p.id(), "ClinicalTrials.gov"},
        {"SPONSOR", "Clinical Study Sponsor", p.sponsor(), null, null},
        {"TPHASE", "Trial Phase Classification", "PHASE " + roman(p.phase()) + " TRIAL", null, "CDISC CT"},
        {"INDIC", "Trial Disease/Condition Indication", p.condition(), null, null},
        {"STYPE", "Study Type", "INTERVENTIONAL", null, "CDISC CT"},
        {"RANDOM", "Trial is Randomized", "Y", null, "CDISC CT"},
        {"NARMS", "Planned Number of Arms", Integer.toString(p.arms().size()), null, null},
        {"PLANSUB", "Planned Number of Subjects", Integer.toString(p.targetSampleSize()), null, null},
        {"RANDQT", "Randomization Quotient", quotient(p), null, null},
        {"TTYPE", "Trial Type", "EFFICACY", null, "CDISC CT"},
    };
    for (String[] r : rows) {
      ds.add(p.id(), "TS", (long) seq, r[0], r[1], r[2], r[3], r[4]);
    }
    return ds;
  }

  private static String roman(String phase) {
    return switch (phase) {
      case "1" -> "I";
      case "2" -> "II";
      case "3" -> "III";
      case "4" -> "IV";
      default -> phase;
    };
  }

  private static String quotient(Protocol p) {
    List<Integer> ratio = p.randomization().ratio();
    int total = ratio.stream().mapToInt(Integer::intValue).sum();
    return total == 0 ? null : java.math.BigDecimal.valueOf(ratio.get(0))
        .divide(java.math.BigDecimal.valueOf(total), 4, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
        .toPlainString();
  }

  /** The element codes of an arm, in order. */
  static List<String[]> elements(Arm arm) {
    List<String[]> out = new ArrayList<>();
    out.add(new String[] {"SCRN", "Screening", "SCREENING"});
    if (arm.id().equals("RT+")) {
      out.add(new String[] {"SYSRT", "Systemic therapy with local radiotherapy", "TREATMENT"});
    } else {
      out.add(new String[] {"SYS", "Systemic therapy alone", "TREATMENT"});
    }
    out.add(new String[] {"FU", "Follow-up", "FOLLOW-UP"});
    return out;
  }

  /** The SDTM arm code of an arm id: at most 20 characters (SDTMIG 3.4 section 7.2.1). */
  public static String armcd(String armId) {
    return armId.replace("+", "PLUS").replace("-", "MINUS").replaceAll("[^A-Za-z0-9]", "");
  }

  /** TA: one row per planned element per arm. */
  public static Dataset ta(Protocol p) {
    Dataset ds = new Dataset("TA", "Trial Arms", "TRIAL DESIGN", "One record per planned Element per Arm", false,
        List.of(v("STUDYID", "Study Identifier").req(), v("DOMAIN", "Domain Abbreviation").req(),
            v("ARMCD", "Planned Arm Code").req(), v("ARM", "Description of Planned Arm").req(),
            n("TAETORD", "Planned Order of Element within Arm").req(), v("ETCD", "Element Code").req(),
            v("ELEMENT", "Description of Element"), v("EPOCH", "Epoch").req()),
        List.of("STUDYID", "ARMCD", "TAETORD"));
    for (Arm a : p.arms()) {
      int order = 1;
      for (String[] e : elements(a)) {
        ds.add(p.id(), "TA", armcd(a.id()), a.name(), (long) order++, e[0], e[1], e[2]);
      }
    }
    return ds;
  }

  /** TE: one row per element. */
  public static Dataset te(Protocol p) {
    Dataset ds = new Dataset("TE", "Trial Elements", "TRIAL DESIGN", "One record per planned Element", false,
        List.of(v("STUDYID", "Study Identifier").req(), v("DOMAIN", "Domain Abbreviation").req(),
            v("ETCD", "Element Code").req(), v("ELEMENT", "Description of Element").req(),
            v("TESTRL", "Rule for Start of Element").req(), v("TEENRL", "Rule for End of Element")),
        List.of("STUDYID", "ETCD"));
    ds.add(p.id(), "TE", "SCRN", "Screening", "Informed consent", "Randomization");
    ds.add(p.id(), "TE", "SYSRT", "Systemic therapy with local radiotherapy",
        "Randomization to RT+", "Last dose of first-line therapy or progression");
    ds.add(p.id(), "TE", "SYS", "Systemic therapy alone", "Randomization to RT-",
        "Last dose of first-line therapy or progression");
    ds.add(p.id(), "TE", "FU", "Follow-up", "End of first-line therapy", "Death or end of study");
    return ds;
  }

  /** The VISITNUM of a visit occurrence: 100 x (position in the schedule, from 1) + occurrence. */
  public static long visitnum(Protocol p, String visitId, int repeat) {
    for (int i = 0; i < p.visits().size(); i++) {
      if (p.visits().get(i).id().equals(visitId)) {
        return 100L * (i + 1) + repeat;
      }
    }
    throw new IllegalArgumentException("visit " + visitId + " is not in the schedule");
  }

  /** The VISIT label of a visit occurrence. */
  public static String visit(Protocol p, String visitId, int repeat) {
    Visit v = p.visits().stream().filter(x -> x.id().equals(visitId)).findFirst().orElseThrow();
    String name = v.name().toUpperCase(Locale.ROOT);
    return v.everyDays() != null ? name + " " + repeat : name;
  }

  /**
   * TV: one row per planned visit (per arm where arm-specific). A repeating visit is listed up to its maximum
   * number of occurrences, or once when it is open-ended.
   */
  public static Dataset tv(Protocol p) {
    Dataset ds = new Dataset("TV", "Trial Visits", "TRIAL DESIGN", "One record per planned Visit per Arm", false,
        List.of(v("STUDYID", "Study Identifier").req(), v("DOMAIN", "Domain Abbreviation").req(),
            n("VISITNUM", "Visit Number").req(), v("VISIT", "Visit Name"), n("VISITDY", "Planned Study Day of Visit"),
            v("ARMCD", "Planned Arm Code"), v("TVSTRL", "Visit Start Rule").req(), v("TVENRL", "Visit End Rule")),
        List.of("STUDYID", "ARMCD", "VISITNUM"));
    for (Visit v : p.visits()) {
      int max = v.everyDays() == null ? 1 : (v.maxOccurrences() == null ? 1 : v.maxOccurrences());
      for (int k = 1; k <= max; k++) {
        long day = v.firstDay() + (long) (k - 1) * (v.everyDays() == null ? 0 : v.everyDays());
        ds.add(p.id(), "TV", visitnum(p, v.id(), k), visit(p, v.id(), k), day,
            v.arm() == null ? null : armcd(v.arm()),
            "day " + day + " from randomization, window -" + v.windowBeforeDays() + "/+" + v.windowAfterDays()
                + " days" + (v.regimenCategory() == null ? "" : "; " + v.regimenCategory() + " regimen only"),
            null);
      }
    }
    return ds;
  }

  /** TI: one row per eligibility criterion. */
  public static Dataset ti(Protocol p) {
    Dataset ds = new Dataset("TI", "Trial Inclusion/Exclusion Criteria", "TRIAL DESIGN",
        "One record per I/E criterion", false,
        List.of(v("STUDYID", "Study Identifier").req(), v("DOMAIN", "Domain Abbreviation").req(),
            v("IETESTCD", "Incl/Excl Criterion Short Name").req(), v("IETEST", "Inclusion/Exclusion Criterion").req(),
            v("IECAT", "Inclusion/Exclusion Category").req(), v("TIVERS", "Protocol Criteria Versions")),
        List.of("STUDYID", "IETESTCD"));
    for (Criterion c : p.criteria()) {
      String text = c.wording().length() > 200 ? c.wording().substring(0, 197) + "..." : c.wording();
      ds.add(p.id(), "TI", c.id(), text, c.kind() == CriterionKind.INCLUSION ? "INCLUSION" : "EXCLUSION", "1");
    }
    return ds;
  }

  static Variable assigned(String name, String label) {
    return Variable.text(name, label, ASSIGNED);
  }
}
