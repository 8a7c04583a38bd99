package org.oligotrial.cli.eligibility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.oligotrial.eligibility.EligibilityEngine;
import org.oligotrial.eligibility.ScreeningRecord;
import org.oligotrial.eligibility.ScreeningRecordException;
import org.oligotrial.eligibility.ScreeningRecordParser;
import org.oligotrial.eligibility.Verdict;
import org.oligotrial.protocol.Criterion;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.RecordDeclaration;
import org.oligotrial.protocol.RecordField;
import org.oligotrial.protocol.Rule;
import org.oligotrial.units.LabUnits;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Synthetic screening records for any protocol, drawn from its declared record and, when the protocol is given, aimed
 * at its criteria so that every verdict occurs in proportions a benchmark can use.
 *
 * <p>Aim: each record is aimed at a verdict, drawn as eligible 2 in 5, ineligible 2 in 5 (one criterion, drawn,
 * wanted to fail) and incomplete 1 in 5 (aimed eligible, then one field a criterion reads left out). The
 * {@link CriteriaGuide} turns the wanted outcome of each criterion into what the fields should hold; the draw is
 * screened by the protocol's own engine, and drawn again (up to 50 times) until the verdict is the one aimed at, so
 * that the aim holds where the rules allow it; otherwise the last readable draw is written. With the record alone (no
 * criteria) the first readable draw is written.
 *
 * <p>Draws: a field no criterion reads is left out with probability 1/20 (unknown); a code is drawn uniformly from
 * its codes (those the guide allows, less those it excludes), a flag is true or false with equal odds, a number or
 * integer uniformly from its declared bounds narrowed by the guide (0-100 where no bound is declared), the birth date
 * 18-85 whole years (or the guide's ages) before the screening date (drawn in 2025-2026), a list has 1-3 items (or the
 * guide's count; distinct values where an item field is unique; the required text of an item filled; a wanted code in
 * the first item; a bound on the sum of an item field met by bounding each item), a text list 0-2 terms (plus a
 * wanted term), and every declared analyte a value in its canonical unit within the plausible range of
 * {@link LabUnits#plausibleThresholdRange} with an upper limit of normal, or, where a criterion compares it, a value
 * on the wanted side of the threshold in the criterion's own unit (within 0.5-1.6 times the threshold). A draw the
 * protocol's parser refuses (a failed record check) is drawn again. Reproducible from the seed; for benchmarks and
 * load tests, not clinical data: the declaration holds no frequencies, so the proportions are the aim's, not a
 * population's. Not thread-safe.
 */
public final class DeclaredRecordGenerator {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final LocalDate BASE = LocalDate.of(2025, 1, 1);
  private static final int ATTEMPTS = 50;

  private final RecordDeclaration declaration;
  private final List<Criterion> criteria;
  private final ScreeningRecordParser parser;
  private final EligibilityEngine engine;
  private final Random rnd;
  private long n;
  private CriteriaGuide guide;
  private String leftOut;

  /** Records of the declaration alone, not aimed at any criteria. @param seed the same seed gives the same records */
  public DeclaredRecordGenerator(RecordDeclaration declaration, long seed) {
    this.declaration = declaration;
    this.criteria = List.of();
    this.parser = new ScreeningRecordParser(declaration);
    this.engine = null;
    this.rnd = new Random(seed);
  }

  /** Records of the protocol's declaration aimed at its criteria. @param seed the same seed gives the same records */
  public DeclaredRecordGenerator(Protocol protocol, long seed) {
    this.declaration = protocol.record();
    this.criteria = protocol.criteria();
    this.parser = new ScreeningRecordParser(protocol);
    this.engine = new EligibilityEngine(protocol);
    this.rnd = new Random(seed);
  }

  /** Appends the next record as one JSON line (without the newline) to {@code sb}. */
  public StringBuilder next(StringBuilder sb) {
    n++;
    int aim = rnd.nextInt(5);
    Verdict target = criteria.isEmpty() ? null
        : aim < 2 ? Verdict.ELIGIBLE : aim < 4 ? Verdict.INELIGIBLE : Verdict.INCOMPLETE;
    String line = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Criterion failing = target == Verdict.INELIGIBLE ? criteria.get(rnd.nextInt(criteria.size())) : null;
      guide = CriteriaGuide.of(criteria, failing, rnd);
      leftOut = null;
      if (target == Verdict.INCOMPLETE) {
        List<String> read = guide.fields.keySet().stream().filter(k -> declaration.field(k) != null).sorted()
            .toList();
        leftOut = read.isEmpty() ? null : read.get(rnd.nextInt(read.size()));
      }
      String candidate = JSON.writeValueAsString(draw());
      try {
        ScreeningRecord r = parser.parse(candidate);
        line = candidate;
        if (target == null || engine.evaluate(r).verdict() == target) {
          break;
        }
      } catch (ScreeningRecordException e) {
        // a draw that fails a record check: draw again
      }
    }
    return sb.append(line == null ? "{}" : line);
  }

  private ObjectNode draw() {
    ObjectNode root = JSON.createObjectNode();
    LocalDate screening = BASE.plusDays(rnd.nextInt(700));
    for (RecordField f : declaration.fields()) {
      if ("id".equals(f.role())) {
        object(root, f.path()).put(f.name(), "GEN-" + n);
        continue;
      }
      CriteriaGuide.Want want = guide.fields.get(f.path());
      boolean read = want != null || ("birth".equals(f.role()) && (guide.age.lo != null || guide.age.hi != null))
          || guide.fields.keySet().stream().anyMatch(k -> k.startsWith(f.path() + "."));
      if (f.path().equals(leftOut) || (!read && rnd.nextInt(20) == 0)) {
        continue;
      }
      ObjectNode into = object(root, f.path());
      switch (f.type()) {
        case LIST -> list(f, into, screening);
        case TEXT_LIST -> {
          ArrayNode a = into.putArray(f.name());
          for (int i = rnd.nextInt(3); i > 0; i--) {
            a.add("term-" + rnd.nextInt(20));
          }
          if (want != null) {
            want.contains.forEach(a::add);
          }
        }
        default -> scalar(f, f.path(), into, screening);
      }
    }
    if (!declaration.labs().isEmpty()) {
      ObjectNode labs = root.putObject("labs");
      for (String a : declaration.labs()) {
        lab(labs.putObject(a), a, guide.labs.get(a));
      }
    }
    return root;
  }

  private void list(RecordField f, ObjectNode into, LocalDate screening) {
    ArrayNode a = into.putArray(f.name());
    CriteriaGuide.Want own = guide.fields.get(f.path());
    BigDecimal[] count = own == null ? new BigDecimal[] {BigDecimal.ONE, BigDecimal.valueOf(3)}
        : within(own.count, BigDecimal.ONE, BigDecimal.valueOf(3), 0);
    int items = uniform(count[0], count[1], 0).intValue();
    List<List<String>> shuffled = new ArrayList<>();
    for (RecordField x : f.items()) {
      List<String> codes = new ArrayList<>(codes(x, f.path() + "." + x.name()));
      Collections.shuffle(codes, rnd);
      CriteriaGuide.Want w = guide.fields.get(f.path() + "." + x.name());
      if (w != null) {
        for (String c : w.contains) { // a wanted code first
          codes.remove(c);
          codes.add(0, c);
        }
      }
      shuffled.add(codes);
    }
    for (int i = 0; i < items; i++) {
      ObjectNode item = a.addObject();
      for (int k = 0; k < f.items().size(); k++) {
        RecordField x = f.items().get(k);
        String path = f.path() + "." + x.name();
        CriteriaGuide.Want w = guide.fields.get(path);
        if (x.type() == RecordField.Type.CODE && (x.unique() || (w != null && i == 0 && !w.contains.isEmpty()))) {
          if (i < shuffled.get(k).size()) {
            item.put(x.name(), shuffled.get(k).get(i));
          }
        } else if (x.requiredWhen() == null || rnd.nextInt(4) == 0) {
          scalar(x, path, item, screening, items);
        }
      }
      for (RecordField x : f.items()) {
        if (x.requiredWhen() != null && !item.has(x.name()) && item.has(x.requiredWhen().field())
            && x.requiredWhen().values().contains(item.get(x.requiredWhen().field()).asString())) {
          scalar(x, f.path() + "." + x.name(), item, screening, items);
        }
      }
    }
  }

  /** The codes a code field may take: its declared codes the guide allows, less those it excludes (all if none). */
  private List<String> codes(RecordField f, String path) {
    CriteriaGuide.Want w = guide.fields.get(path);
    if (w == null) {
      return f.codes();
    }
    List<String> c = f.codes().stream().filter(v -> (w.allowed == null || w.allowed.contains(v))
        && !w.excluded.contains(v)).toList();
    return c.isEmpty() ? f.codes() : c;
  }

  /** A laboratory value (with unit and upper limit of normal) on the side of the threshold that {@code want} asks. */
  private void lab(ObjectNode o, String analyte, CriteriaGuide.LabWant want) {
    BigDecimal[] r = LabUnits.plausibleThresholdRange(analyte);
    if (want == null) {
      BigDecimal v = uniform(r[0], r[1], 2);
      o.put("value", v).put("unit", LabUnits.canonicalUnit(analyte)).put("uln", uniform(v, r[1], 2).max(r[0]));
      return;
    }
    boolean above = (want.op() == Rule.Comparison.AT_LEAST || want.op() == Rule.Comparison.GREATER_THAN)
        == want.holds();
    BigDecimal t = want.threshold();
    BigDecimal uln = want.uln() ? uniform(r[0], r[1], 2).max(BigDecimal.ONE) : null;
    BigDecimal base = want.uln() ? t.multiply(uln) : t;
    int scale = base.compareTo(BigDecimal.valueOf(1000)) >= 0 ? 0 : 2;
    BigDecimal step = BigDecimal.ONE.movePointLeft(scale);
    BigDecimal v = above ? uniform(base.add(step), base.multiply(new BigDecimal("1.6")), scale)
        : uniform(base.multiply(new BigDecimal("0.5")), base.subtract(step), scale);
    o.put("value", v).put("unit", want.uln() ? LabUnits.canonicalUnit(analyte) : want.unit());
    if (uln != null) {
      o.put("uln", uln);
    }
  }

  private void scalar(RecordField f, String path, ObjectNode into, LocalDate screening) {
    scalar(f, path, into, screening, 1);
  }

  /** A scalar field; {@code shares} items share a wanted bound on the sum of this item field. */
  private void scalar(RecordField f, String path, ObjectNode into, LocalDate screening, int shares) {
    CriteriaGuide.Want w = guide.fields.get(path);
    switch (f.type()) {
      case CODE -> {
        List<String> c = codes(f, path);
        into.put(f.name(), w != null && !w.contains.isEmpty() && c.contains(w.contains.iterator().next())
            ? w.contains.iterator().next() : c.get(rnd.nextInt(c.size())));
      }
      case FLAG -> into.put(f.name(), w != null && w.flag != null ? w.flag : rnd.nextBoolean());
      case INTEGER -> {
        BigDecimal[] b = bounds(f, w, shares, 0);
        into.put(f.name(), uniform(b[0], b[1], 0).intValue());
      }
      case NUMBER -> {
        BigDecimal[] b = bounds(f, w, shares, 1);
        into.put(f.name(), uniform(b[0], b[1], 1));
      }
      case DATE -> {
        if ("birth".equals(f.role())) {
          BigDecimal[] years = within(guide.age, BigDecimal.valueOf(18), BigDecimal.valueOf(85), 0);
          int age = uniform(years[0], years[1], 0).intValue();
          into.put(f.name(), screening.minusYears(age).minusDays(1 + rnd.nextInt(364)).toString());
        } else {
          into.put(f.name(), screening.toString());
        }
      }
      default -> into.put(f.name(), "text " + rnd.nextInt(1000));
    }
  }

  /** A numeric field's draw bounds: declared, narrowed by the guide's range and its sum bound shared by the items. */
  private static BigDecimal[] bounds(RecordField f, CriteriaGuide.Want w, int shares, int scale) {
    BigDecimal lo = low(f);
    BigDecimal hi = high(f);
    if (w == null) {
      return new BigDecimal[] {lo, hi};
    }
    BigDecimal[] b = within(w.bounds, lo, hi, scale);
    BigDecimal k = BigDecimal.valueOf(shares);
    if (w.sum.hi != null) {
      b[1] = b[1].min(w.sum.hi.divide(k, scale, RoundingMode.FLOOR));
    }
    if (w.sum.lo != null) {
      b[0] = b[0].max(w.sum.lo.divide(k, scale, RoundingMode.CEILING));
    }
    return b[0].compareTo(b[1]) <= 0 ? b : new BigDecimal[] {lo, hi};
  }

  /** {@code b} within [lo, hi], open bounds moved in by one step at the scale; [lo, hi] when they do not meet. */
  private static BigDecimal[] within(CriteriaGuide.Bounds b, BigDecimal lo, BigDecimal hi, int scale) {
    BigDecimal step = BigDecimal.ONE.movePointLeft(scale);
    BigDecimal l = lo;
    BigDecimal h = hi;
    if (b.lo != null) {
      BigDecimal v = b.loOpen ? b.lo.add(step) : b.lo;
      l = v.max(lo);
    }
    if (b.hi != null) {
      BigDecimal v = b.hiOpen ? b.hi.subtract(step) : b.hi;
      h = v.min(h);
    }
    return l.compareTo(h) <= 0 ? new BigDecimal[] {l, h} : new BigDecimal[] {lo, hi};
  }

  private static BigDecimal low(RecordField f) {
    return f.range() == null || f.range().min() == null ? BigDecimal.ZERO : f.range().min();
  }

  private static BigDecimal high(RecordField f) {
    BigDecimal lo = low(f);
    return f.range() == null || f.range().max() == null ? lo.add(BigDecimal.valueOf(100)) : f.range().max();
  }

  /** Uniform in [lo, hi] at the scale (inclusive bounds: a value outside a declared open bound is redrawn). */
  private BigDecimal uniform(BigDecimal lo, BigDecimal hi, int scale) {
    BigDecimal v = lo.add(hi.subtract(lo).multiply(BigDecimal.valueOf(rnd.nextDouble())));
    return v.setScale(scale, RoundingMode.HALF_UP).max(lo.setScale(scale, RoundingMode.CEILING))
        .min(hi.setScale(scale, RoundingMode.FLOOR));
  }

  private static ObjectNode object(ObjectNode root, String path) {
    String[] parts = path.split("\\.");
    ObjectNode o = root;
    for (int i = 0; i < parts.length - 1; i++) {
      o = o.get(parts[i]) instanceof ObjectNode c ? c : o.putObject(parts[i]);
    }
    return o;
  }
}
