package org.oligotrial.cli.eligibility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.oligotrial.eligibility.ScreeningRecordException;
import org.oligotrial.eligibility.ScreeningRecordParser;
import org.oligotrial.protocol.RecordDeclaration;
import org.oligotrial.protocol.RecordField;
import org.oligotrial.units.LabUnits;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Synthetic screening records for any protocol, drawn from its declared record alone: each field is left out with
 * probability 1/20 (unknown); a code is drawn uniformly from its codes, a flag is true or false with equal odds, a
 * number or integer uniformly from its declared bounds (0-100 where a bound is not declared), the birth date 18-85
 * years before the screening date (drawn in 2025-2026), a list has 1-3 items (distinct values where an item field is
 * unique; the required text of an item filled), a text list 0-2 terms, and every declared analyte a value in its
 * canonical unit within the plausible range of {@link LabUnits#plausibleThresholdRange} with an upper limit of normal.
 * A draw the protocol's parser refuses (a failed record check) is drawn again, up to 50 times, so that every line is
 * readable. Reproducible from the seed; for benchmarks and load tests, not clinical data. Not thread-safe.
 */
public final class DeclaredRecordGenerator {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final LocalDate BASE = LocalDate.of(2025, 1, 1);

  private final RecordDeclaration declaration;
  private final ScreeningRecordParser parser;
  private final Random rnd;
  private long n;

  /** @param seed the seed; the same seed and declaration give the same records */
  public DeclaredRecordGenerator(RecordDeclaration declaration, long seed) {
    this.declaration = declaration;
    this.parser = new ScreeningRecordParser(declaration);
    this.rnd = new Random(seed);
  }

  /** Appends the next record as one JSON line (without the newline) to {@code sb}. */
  public StringBuilder next(StringBuilder sb) {
    n++;
    String line = null;
    for (int attempt = 0; attempt < 50 && line == null; attempt++) {
      String candidate = JSON.writeValueAsString(draw());
      try {
        parser.parse(candidate);
        line = candidate;
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
      if (rnd.nextInt(20) == 0) {
        continue;
      }
      ObjectNode into = object(root, f.path());
      switch (f.type()) {
        case LIST -> {
          ArrayNode a = into.putArray(f.name());
          int items = 1 + rnd.nextInt(3);
          List<List<String>> shuffled = new ArrayList<>();
          for (RecordField x : f.items()) {
            List<String> codes = new ArrayList<>(x.codes());
            Collections.shuffle(codes, rnd);
            shuffled.add(codes);
          }
          for (int i = 0; i < items; i++) {
            ObjectNode item = a.addObject();
            for (int k = 0; k < f.items().size(); k++) {
              RecordField x = f.items().get(k);
              if (x.unique() && x.type() == RecordField.Type.CODE) {
                if (i < shuffled.get(k).size()) {
                  item.put(x.name(), shuffled.get(k).get(i));
                }
              } else if (x.requiredWhen() == null || rnd.nextInt(4) == 0) {
                scalar(x, item, screening);
              }
            }
            for (RecordField x : f.items()) {
              if (x.requiredWhen() != null && !item.has(x.name()) && item.has(x.requiredWhen().field())
                  && x.requiredWhen().values().contains(item.get(x.requiredWhen().field()).asString())) {
                scalar(x, item, screening);
              }
            }
          }
        }
        case TEXT_LIST -> {
          ArrayNode a = into.putArray(f.name());
          for (int i = rnd.nextInt(3); i > 0; i--) {
            a.add("term-" + rnd.nextInt(20));
          }
        }
        default -> scalar(f, into, screening);
      }
    }
    if (!declaration.labs().isEmpty()) {
      ObjectNode labs = root.putObject("labs");
      for (String a : declaration.labs()) {
        BigDecimal[] r = LabUnits.plausibleThresholdRange(a);
        BigDecimal v = uniform(r[0], r[1], 2);
        labs.putObject(a).put("value", v).put("unit", LabUnits.canonicalUnit(a)).put("uln", uniform(v, r[1], 2)
            .max(r[0]));
      }
    }
    return root;
  }

  private void scalar(RecordField f, ObjectNode into, LocalDate screening) {
    switch (f.type()) {
      case CODE -> into.put(f.name(), f.codes().get(rnd.nextInt(f.codes().size())));
      case FLAG -> into.put(f.name(), rnd.nextBoolean());
      case INTEGER -> into.put(f.name(), uniform(low(f), high(f), 0).intValue());
      case NUMBER -> into.put(f.name(), uniform(low(f), high(f), 1));
      case DATE -> into.put(f.name(), ("birth".equals(f.role())
          ? screening.minusDays(18L * 366 + rnd.nextInt(67 * 365)) : screening).toString());
      default -> into.put(f.name(), "text " + rnd.nextInt(1000));
    }
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
