package org.oligotrial.protocol;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the YAML tree of a protocol file into a {@link Protocol}, recording every problem with its place. */
final class ProtocolReader {
  private final Problems p;
  private RuleReader rules;

  ProtocolReader(Problems p) {
    this.p = p;
  }

  Protocol read(YamlNode root, String source) {
    if (!p.requireMap(root)) {
      return null;
    }
    p.onlyKeys(root, "id", "title", "sponsor", "phase", "condition", "targetSampleSize", "arms", "systemicTherapy",
        "criteria", "notes", "stratification", "randomization", "endpoints", "recist", "visits", "forms", "editChecks",
        "record", "interimAnalysis", "signature");
    // the declared screening record first: every rule's field path is resolved against it
    RecordDeclaration record = new RecordDeclarationReader(p).read(root);
    rules = new RuleReader(p, record);
    String id = p.text(root, "id", true);
    String title = p.text(root, "title", true);
    String sponsor = p.text(root, "sponsor", false);
    String phase = p.text(root, "phase", false);
    String condition = p.text(root, "condition", false);
    Integer n = p.integer(root, "targetSampleSize", true);
    List<Arm> arms = arms(root);
    List<ProtocolNote> notes = notes(root);
    List<Criterion> criteria = criteria(root, notes);
    SystemicTherapy therapy = therapy(root);
    List<StratificationFactor> factors = factors(root);
    RandomizationSettings rand = randomization(root, factors);
    List<Endpoint> endpoints = endpoints(root);
    RecistSettings recist = recist(root);
    List<Visit> visits = visits(root, arms);
    FormsReader formsReader = new FormsReader(p);
    List<FormDefinition> forms = formsReader.forms(root, visits);
    List<EditCheck> checks = formsReader.editChecks(root, forms, arms);
    InterimAnalysisPlan interim = new InterimAnalysisReader(p).read(root, endpoints, notes, n);
    return new Protocol(id, title, sponsor, phase, condition, n == null ? 0 : n, arms, therapy, criteria, notes,
        factors, rand, endpoints, recist, visits, source, forms, checks, record, interim, signature(root));
  }

  private List<Arm> arms(YamlNode root) {
    List<Arm> out = new ArrayList<>();
    for (YamlNode a : p.list(root, "arms", true)) {
      if (p.requireMap(a)) {
        p.onlyKeys(a, "id", "name", "type", "description", "interventions");
        out.add(new Arm(p.text(a, "id", true), p.text(a, "name", true), p.text(a, "type", true),
            p.text(a, "description", false), p.texts(a, "interventions", false)));
      }
    }
    unique(root, "arms", out.stream().map(Arm::id).toList());
    return List.copyOf(out);
  }

  private List<ProtocolNote> notes(YamlNode root) {
    List<ProtocolNote> out = new ArrayList<>();
    for (YamlNode a : p.list(root, "notes", false)) {
      if (p.requireMap(a)) {
        p.onlyKeys(a, "id", "text", "criteria");
        out.add(new ProtocolNote(p.text(a, "id", true), p.text(a, "text", true), p.texts(a, "criteria", false)));
      }
    }
    unique(root, "notes", out.stream().map(ProtocolNote::id).toList());
    return List.copyOf(out);
  }

  private List<Criterion> criteria(YamlNode root, List<ProtocolNote> notes) {
    Set<String> noteIds = new HashSet<>();
    notes.forEach(nt -> noteIds.add(nt.id()));
    List<Criterion> out = new ArrayList<>();
    for (YamlNode c : p.list(root, "criteria", true)) {
      if (!p.requireMap(c)) {
        continue;
      }
      p.onlyKeys(c, "id", "kind", "title", "wording", "rule", "appliesWhen", "notes");
      String kindText = p.text(c, "kind", true);
      CriterionKind kind = null;
      if ("inclusion".equals(kindText)) {
        kind = CriterionKind.INCLUSION;
      } else if ("exclusion".equals(kindText)) {
        kind = CriterionKind.EXCLUSION;
      } else if (kindText != null) {
        p.error(c.map.get("kind"), "kind must be 'inclusion' or 'exclusion', found '" + kindText + "'");
      }
      List<String> refs = p.texts(c, "notes", false);
      for (int i = 0; i < refs.size(); i++) {
        if (!noteIds.contains(refs.get(i))) {
          p.error(c.map.get("notes").list.get(i), "no protocol note with id '" + refs.get(i) + "'");
        }
      }
      Rule rule = rules.read(p.child(c, "rule", true));
      Rule applies = rules.read(p.child(c, "appliesWhen", false));
      out.add(new Criterion(p.text(c, "id", true), kind, p.text(c, "title", true), p.text(c, "wording", true), rule,
          applies, refs));
    }
    unique(root, "criteria", out.stream().map(Criterion::id).toList());
    return List.copyOf(out);
  }

  private SystemicTherapy therapy(YamlNode root) {
    YamlNode t = p.child(root, "systemicTherapy", false);
    if (t == null || !p.requireMap(t)) {
      return new SystemicTherapy(List.of(), null);
    }
    p.onlyKeys(t, "regimens", "otherwise");
    List<Regimen> out = new ArrayList<>();
    for (YamlNode r : p.list(t, "regimens", true)) {
      if (p.requireMap(r)) {
        p.onlyKeys(r, "id", "name", "drugs", "category", "when");
        out.add(new Regimen(p.text(r, "id", true), p.text(r, "name", true), p.texts(r, "drugs", true),
            p.text(r, "category", true), rules.read(p.child(r, "when", true))));
      }
    }
    return new SystemicTherapy(List.copyOf(out), p.text(t, "otherwise", false));
  }

  private List<StratificationFactor> factors(YamlNode root) {
    List<StratificationFactor> out = new ArrayList<>();
    for (YamlNode f : p.list(root, "stratification", false)) {
      if (!p.requireMap(f)) {
        continue;
      }
      p.onlyKeys(f, "id", "name", "levels", "formerIds");
      String id = p.text(f, "id", true);
      if (id != null && !id.matches(StratificationFactor.ID_PATTERN)) {
        p.error(f.map.get("id"), "factor id '" + id + "' must match " + StratificationFactor.ID_PATTERN
            + " (it is the analysis dataset's column name: lower-case letters, digits and '_', starting with a letter)");
      }
      List<FactorLevel> levels = new ArrayList<>();
      for (YamlNode l : p.list(f, "levels", true)) {
        if (p.requireMap(l)) {
          p.onlyKeys(l, "code", "label", "when", "prevalence");
          BigDecimal prevalence = p.decimal(l, "prevalence", false);
          if (prevalence != null && (prevalence.signum() < 0 || prevalence.compareTo(BigDecimal.ONE) > 0)) {
            p.error(l.map.get("prevalence"), "prevalence must lie between 0 and 1");
          }
          levels.add(new FactorLevel(p.text(l, "code", true), p.text(l, "label", false),
              rules.read(p.child(l, "when", true)), prevalence));
        }
      }
      BigDecimal stated = levels.stream().map(FactorLevel::prevalence).filter(java.util.Objects::nonNull)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      boolean all = !levels.isEmpty() && levels.stream().allMatch(l -> l.prevalence() != null);
      if (stated.compareTo(BigDecimal.ONE) > 0 || (all && stated.compareTo(BigDecimal.ONE) != 0)) {
        p.error(f, "the levels' prevalences add up to " + stated.toPlainString() + "; they must add up to 1 when"
            + " every level states one, and to at most 1 otherwise");
      }
      if (levels.size() < 2) {
        p.error(f, "a stratification factor needs at least two levels");
      }
      out.add(new StratificationFactor(id, p.text(f, "name", true), List.copyOf(levels),
          p.texts(f, "formerIds", false)));
      new LevelOverlap(p).check(f, levels);
    }
    unique(root, "stratification", out.stream().map(StratificationFactor::id).toList());
    Set<String> names = new HashSet<>();
    out.forEach(x -> names.add(x.id()));
    List<YamlNode> nodes = p.list(root, "stratification", false);
    for (int i = 0; i < out.size(); i++) {
      for (String former : out.get(i).formerIds()) {
        if (!names.add(former)) {
          p.error(i < nodes.size() ? nodes.get(i) : root, "former id '" + former + "' of factor '"
              + out.get(i).id() + "' is the id or a former id of another factor");
        }
      }
    }
    return List.copyOf(out);
  }

  private RandomizationSettings randomization(YamlNode root, List<StratificationFactor> factors) {
    YamlNode r = p.child(root, "randomization", false);
    if (r == null || !p.requireMap(r)) {
      return null;
    }
    p.onlyKeys(r, "method", "ratio", "factorWeights", "imbalance", "probability", "alternative", "blockSizes");
    Map<String, BigDecimal> weights = new LinkedHashMap<>();
    YamlNode w = p.child(r, "factorWeights", false);
    if (w != null && p.requireMap(w)) {
      Set<String> ids = new HashSet<>();
      factors.forEach(f -> ids.add(f.id()));
      w.map.forEach((k, v) -> {
        if (!ids.contains(k)) {
          p.error(v, "no stratification factor '" + k + "'");
        }
        BigDecimal d = p.decimal(v);
        if (d != null) {
          weights.put(k, d);
        }
      });
    }
    BigDecimal prob = p.decimal(r, "probability", false);
    if (prob != null && (prob.compareTo(new BigDecimal("0.5")) < 0 || prob.compareTo(BigDecimal.ONE) > 0)) {
      p.error(r.map.get("probability"), "probability must lie between 0.5 and 1");
    }
    String altMethod = null;
    List<Integer> blocks = List.of();
    YamlNode alt = p.child(r, "alternative", false);
    if (alt != null && p.requireMap(alt)) {
      p.onlyKeys(alt, "method", "blockSizes");
      altMethod = p.text(alt, "method", true);
      blocks = p.integers(alt, "blockSizes", false);
    }
    if (r.map.containsKey("blockSizes")) {
      // permuted blocks as the method itself (not the fallback): its block sizes
      blocks = p.integers(r, "blockSizes", true);
    }
    return new RandomizationSettings(p.text(r, "method", true), p.integers(r, "ratio", true), Map.copyOf(weights),
        p.text(r, "imbalance", false), prob, altMethod, blocks);
  }

  private List<Endpoint> endpoints(YamlNode root) {
    List<Endpoint> out = new ArrayList<>();
    for (YamlNode e : p.list(root, "endpoints", false)) {
      if (p.requireMap(e)) {
        p.onlyKeys(e, "id", "kind", "name", "definition", "event", "column");
        Endpoint.EventDefinition ev = event(e);
        String column = p.text(e, "column", false);
        if (column != null && !COLUMN_PREFIX.matcher(column).matches()) {
          p.error(e.map.get("column"), "column prefix '" + column + "' must match [a-z][a-z0-9_]*");
        }
        if (column != null && ev == null && e.map.get("event") == null) {
          p.error(e.map.get("column"), "column applies only to a time-to-event endpoint (one with an event block)");
        }
        String id = p.text(e, "id", true);
        if (column == null && ev != null && id != null) {
          p.warn(e, "time-to-event endpoint '" + id + "' states no column prefix; its dataset columns are named '"
              + id.replace('-', '_') + "_*'");
        }
        String kind = p.text(e, "kind", true);
        if ("primary".equals(kind) && e.map.get("event") == null) {
          String what = p.text(e, "definition", false);
          p.warn(e, "the primary endpoint '" + id + "' is not time-to-event (no event block)"
              + (what == null ? " and its definition does not say what it is" : ": " + what)
              + "; it is not derived, and analyze needs explicit columns");
        }
        out.add(new Endpoint(id, kind, p.text(e, "name", true), p.text(e, "definition", false), ev, column));
      }
    }
    unique(root, "endpoints", out.stream().map(Endpoint::id).toList());
    List<YamlNode> nodes = p.list(root, "endpoints", false);
    Set<String> prefixes = new HashSet<>();
    for (int i = 0; i < out.size() && i < nodes.size(); i++) {
      Endpoint e = out.get(i);
      if (e.timeToEvent() && e.id() != null && !prefixes.add(e.columnPrefix())) {
        YamlNode at = nodes.get(i).map.get("column");
        p.error(at != null ? at : nodes.get(i), "column prefix '" + e.columnPrefix() + "' is used by an earlier "
            + "endpoint");
      }
    }
    return List.copyOf(out);
  }

  private static final java.util.regex.Pattern COLUMN_PREFIX = java.util.regex.Pattern.compile("[a-z][a-z0-9_]*");

  /** The {@code event} block of a progression endpoint: progression scope, death handling and window. */
  private Endpoint.EventDefinition event(YamlNode e) {
    YamlNode ev = p.child(e, "event", false);
    if (ev == null || !p.requireMap(ev)) {
      return null;
    }
    p.onlyKeys(ev, "progression", "death", "deathWindowDays");
    // no progression: overall survival, death from any cause is the event (only 'death: event', no window)
    String progression = p.text(ev, "progression", false);
    if (progression == null) {
      String death = p.text(ev, "death", true);
      if (death != null && !death.equals("event")) {
        p.error(ev.map.get("death"), "an event block without progression is overall survival and needs "
            + "'death: event', was '" + death + "'");
      }
      if (ev.map.get("deathWindowDays") != null) {
        p.error(ev.map.get("deathWindowDays"), "deathWindowDays applies only to a progression endpoint");
      }
      return new Endpoint.EventDefinition(null, true, null);
    }
    if (progression != null && org.oligotrial.recist.LesionScope.fromCode(progression) == null) {
      p.error(ev.map.get("progression"), "unknown progression '" + progression + "' (expected one of: "
          + String.join(", ", org.oligotrial.recist.LesionScope.codes()) + ")");
    }
    String death = p.text(ev, "death", true);
    if (death != null && !death.equals("event") && !death.equals("censored")) {
      p.error(ev.map.get("death"), "unknown death rule '" + death + "' (expected one of: event, censored)");
    }
    Integer window = p.integer(ev, "deathWindowDays", "event".equals(death));
    if (window != null && window < 0) {
      p.error(ev.map.get("deathWindowDays"), "deathWindowDays must be 0 or more, was " + window);
    }
    if (window != null && "censored".equals(death)) {
      p.error(ev.map.get("deathWindowDays"), "deathWindowDays applies only to 'death: event'");
    }
    return new Endpoint.EventDefinition(progression, "event".equals(death), window);
  }

  /** The optional {@code signature} section: {@code blockers: refuse} (the default) or {@code override}. */
  private SignatureSettings signature(YamlNode root) {
    YamlNode s = p.child(root, "signature", false);
    if (s == null || !p.requireMap(s)) {
      return SignatureSettings.REFUSE;
    }
    p.onlyKeys(s, "blockers");
    String b = p.text(s, "blockers", true);
    if (b != null && !b.equals("refuse") && !b.equals("override")) {
      p.error(s.map.get("blockers"), "blockers must be 'refuse' or 'override', found '" + b + "'");
    }
    return new SignatureSettings("override".equals(b));
  }

  private RecistSettings recist(YamlNode root) {
    YamlNode r = p.child(root, "recist", false);
    if (r == null || !p.requireMap(r)) {
      return null;
    }
    p.onlyKeys(r, "version", "stableDiseaseMinimumDays", "measurableMinimumMm", "measurableNodeShortAxisMm",
        "maxTargetLesions", "maxTargetLesionsPerOrgan");
    return new RecistSettings(p.text(r, "version", true), orZero(p.integer(r, "stableDiseaseMinimumDays", true)),
        orZero(p.integer(r, "measurableMinimumMm", true)), orZero(p.integer(r, "measurableNodeShortAxisMm", true)),
        orZero(p.integer(r, "maxTargetLesions", true)), orZero(p.integer(r, "maxTargetLesionsPerOrgan", true)));
  }

  private List<Visit> visits(YamlNode root, List<Arm> arms) {
    Set<String> armIds = new HashSet<>();
    arms.forEach(a -> armIds.add(a.id()));
    List<Visit> out = new ArrayList<>();
    for (YamlNode v : p.list(root, "visits", false)) {
      if (!p.requireMap(v)) {
        continue;
      }
      p.onlyKeys(v, "id", "name", "arm", "regimenCategory", "firstDay", "everyDays", "untilDay", "minOccurrences",
          "maxOccurrences", "windowBeforeDays", "windowAfterDays", "description");
      String arm = p.text(v, "arm", false);
      if (arm != null && !armIds.contains(arm)) {
        p.error(v.map.get("arm"), "no arm '" + arm + "'");
      }
      out.add(new Visit(p.text(v, "id", true), p.text(v, "name", true), arm, p.text(v, "regimenCategory", false),
          orZero(p.integer(v, "firstDay", true)), p.integer(v, "everyDays", false), p.integer(v, "untilDay", false),
          p.integer(v, "minOccurrences", false), p.integer(v, "maxOccurrences", false),
          orZero(p.integer(v, "windowBeforeDays", true)), orZero(p.integer(v, "windowAfterDays", true)),
          p.text(v, "description", false)));
    }
    return List.copyOf(out);
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }

  private void unique(YamlNode root, String key, List<String> ids) {
    Set<String> seen = new HashSet<>();
    List<YamlNode> nodes = p.list(root, key, false);
    for (int i = 0; i < ids.size(); i++) {
      if (ids.get(i) != null && !seen.add(ids.get(i))) {
        p.error(i < nodes.size() ? nodes.get(i) : root, "duplicate id '" + ids.get(i) + "'");
      }
    }
  }
}
