package org.oligotrial.cdisc.tabulation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The conformance rules a reviewer trips on first, checked in Java (a subset of what the CDISC/FDA validation rules
 * check; each finding names its rule):
 *
 * <ul>
 *   <li>{@code REQ}: a required variable (SDTMIG/ADaMIG "Req") is present and has a value in every record
 *   <li>{@code ISO8601}: SDTM dates ({@code --DTC}) are ISO 8601 ({@code YYYY}, {@code YYYY-MM} or
 *       {@code YYYY-MM-DD}; SDTMIG 3.4 section 4.4.1)
 *   <li>{@code SEQ}: {@code --SEQ} is unique per USUBJID within a dataset (SDTMIG 3.4 section 4.1.5)
 *   <li>{@code USUBJID}: every USUBJID of a dataset is in DM (SDTM) or ADSL (ADaM)
 *   <li>{@code CT}: values of variables with CDISC controlled terminology are terms of their code list (the lists
 *       below, from CDISC CT: C66742 NY, C66768 OUT, C66767 ACN, C87162 TOXGR 1-5 as used in AETOXGR, C66731 SEX, C66781 AGEU)
 *   <li>{@code LENGTH}: dataset and variable names at most 8 characters, labels at most 40, text values at most 200
 *       bytes (SAS transport v5)
 * </ul>
 * Stateless, thread-safe.
 */
public final class Conformance {
  private static final Map<String, Set<String>> CT = Map.of(
      "NY", Set.of("N", "Y"),
      "OUT", Set.of("FATAL", "NOT RECOVERED/NOT RESOLVED", "RECOVERED/RESOLVED", "RECOVERED/RESOLVED WITH SEQUELAE",
          "RECOVERING/RESOLVING", "UNKNOWN"),
      "ACN", Set.of("DOSE INCREASED", "DOSE NOT CHANGED", "DOSE RATE REDUCED", "DOSE REDUCED", "DRUG INTERRUPTED",
          "DRUG WITHDRAWN", "NOT APPLICABLE", "UNKNOWN"),
      "TOXGR", Set.of("1", "2", "3", "4", "5"),
      "SEX", Set.of("F", "M", "U", "UNDIFFERENTIATED"),
      "AGEU", Set.of("YEARS"));

  private Conformance() {}

  /**
   * One finding.
   *
   * @param rule the rule id
   * @param dataset the dataset
   * @param variable the variable, or empty
   * @param row the 1-based record, or 0 for the dataset as a whole
   * @param message what is wrong
   */
  public record Finding(String rule, String dataset, String variable, int row, String message) {}

  /** Checks the datasets (all SDTM, or all ADaM). */
  public static List<Finding> check(List<Dataset> datasets) {
    List<Finding> out = new ArrayList<>();
    Set<String> subjects = new HashSet<>();
    for (Dataset d : datasets) {
      if ((d.name().equals("DM") || d.name().equals("ADSL")) && has(d, "USUBJID")) {
        int u = d.index("USUBJID");
        d.rows().forEach(r -> subjects.add((String) r[u]));
      }
    }
    boolean haveSubjectList = datasets.stream().anyMatch(d -> d.name().equals("DM") || d.name().equals("ADSL"));
    for (Dataset d : datasets) {
      if (d.name().length() > 8) {
        out.add(new Finding("LENGTH", d.name(), "", 0, "dataset name longer than 8 characters"));
      }
      if (d.label() != null && d.label().length() > 40) {
        out.add(new Finding("LENGTH", d.name(), "", 0, "dataset label longer than 40 characters"));
      }
      String seqVar = d.variables().stream().map(Variable::name).filter(n -> n.endsWith("SEQ") && n.length() == 5)
          .findFirst().orElse(null);
      Map<String, Set<Object>> seqs = new HashMap<>();
      for (int r = 0; r < d.rows().size(); r++) {
        Object[] row = d.rows().get(r);
        for (int i = 0; i < d.variables().size(); i++) {
          Variable v = d.variables().get(i);
          Object val = row[i];
          if (v.mandatory() && (val == null || (val instanceof String s && s.isBlank()))) {
            out.add(new Finding("REQ", d.name(), v.name(), r + 1, "required variable has no value"));
          }
          if (val == null) {
            continue;
          }
          if (v.type() == Variable.Type.DATE && !d.adam() && !iso8601(Dataset.text(val))) {
            out.add(new Finding("ISO8601", d.name(), v.name(), r + 1, "'" + val + "' is not an ISO 8601 date"));
          }
          if (v.type() == Variable.Type.TEXT && Dataset.text(val).getBytes(StandardCharsets.UTF_8).length > 200) {
            out.add(new Finding("LENGTH", d.name(), v.name(), r + 1, "text longer than 200 bytes"));
          }
          Set<String> terms = v.codeList() == null ? null : CT.get(v.codeList());
          if (terms != null && !terms.contains(Dataset.text(val))) {
            out.add(new Finding("CT", d.name(), v.name(), r + 1, "'" + val + "' is not a term of code list "
                + v.codeList()));
          }
        }
        if (has(d, "USUBJID")) {
          String u = (String) row[d.index("USUBJID")];
          if (haveSubjectList && u != null && !subjects.contains(u)) {
            out.add(new Finding("USUBJID", d.name(), "USUBJID", r + 1, u + " is not in DM/ADSL"));
          }
          if (seqVar != null && !seqs.computeIfAbsent(u, k -> new HashSet<>()).add(row[d.index(seqVar)])) {
            out.add(new Finding("SEQ", d.name(), seqVar, r + 1, seqVar + " " + row[d.index(seqVar)]
                + " repeats for " + u));
          }
        }
      }
    }
    return out;
  }

  /** {@code YYYY}, {@code YYYY-MM} or a calendar date {@code YYYY-MM-DD} that exists. */
  static boolean iso8601(String v) {
    if (v.matches("\\d{4}(-(0[1-9]|1[0-2]))?")) {
      return true;
    }
    try {
      java.time.LocalDate.parse(v);
      return v.length() == 10;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  /** The CDISC terms of a code list id, or null when the project does not hold them. */
  static Set<String> terms(String codeList) {
    return CT.get(codeList);
  }

  private static boolean has(Dataset d, String name) {
    return d.variables().stream().anyMatch(v -> v.name().equals(name));
  }

  /** The findings as a plain-text table (rule, dataset, variable, record, message); "no findings" when empty. */
  public static String table(List<Finding> findings) {
    if (findings.isEmpty()) {
      return "no findings\n";
    }
    StringBuilder sb = new StringBuilder(String.format("%-8s %-8s %-8s %6s  %s%n", "rule", "dataset", "variable",
        "record", "message"));
    for (Finding f : findings) {
      sb.append(String.format("%-8s %-8s %-8s %6d  %s%n", f.rule(), f.dataset(), f.variable(), f.row(),
          f.message()));
    }
    return sb.toString();
  }
}
