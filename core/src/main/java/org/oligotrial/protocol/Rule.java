package org.oligotrial.protocol;

import java.math.BigDecimal;
import java.util.List;

/**
 * The computable rule vocabulary of a protocol file. A rule states a condition on a screening record; evaluated it is
 * true, false or unknown (a field it needs is absent). An inclusion criterion passes when its rule is true, an
 * exclusion criterion passes when its rule (the excluding condition) is false. Field names are the screening-record
 * paths declared in the protocol's {@code record:} section ({@link RecordDeclaration}). The YAML form of each rule is given on its record; all are immutable.
 */
public sealed interface Rule {

  /** {@code all: [rule, ...]}: true when every rule is true. */
  record AllOf(List<Rule> rules) implements Rule {}

  /** {@code any: [rule, ...]}: true when at least one rule is true. */
  record AnyOf(List<Rule> rules) implements Rule {}

  /** {@code not: rule}: true when the rule is false. */
  record Not(Rule rule) implements Rule {}

  /** {@code age: {min: 18, max: 70}}: whole years between {@code birthDate} and {@code screeningDate}. */
  record Age(Range range) implements Rule {}

  /** {@code number: {field: ecog, min: 0, max: 2}}: a numeric field lies in the range. */
  record NumberIn(String field, Range range) implements Rule {}

  /** {@code oneOf: {field: diagnosis.histology, values: [...]}}: a text field equals one of the values. */
  record OneOf(String field, List<String> values) implements Rule {}

  /** {@code isTrue: consentSigned} or {@code isFalse: canTolerateSystemicTherapy}: a yes/no field has that value. */
  record Flag(String field, boolean expected) implements Rule {}

  /**
   * {@code lab: {analyte: HGB, op: ">=", value: 9, unit: g/dL}} or {@code lab: {analyte: AST, op: "<=", uln: 2.0}}:
   * a laboratory value compared with a threshold in a unit, or with a multiple of the upper limit of normal supplied
   * with the value. Exactly one of {@code unit} (with {@code value}) and {@code ulnMultiple} is set.
   *
   * @param analyte analyte code, see {@link org.oligotrial.units.LabUnits}
   * @param op the comparison, value OP threshold
   * @param value the threshold in {@code unit}, or null for a ULN rule
   * @param unit the threshold's unit, or null for a ULN rule
   * @param ulnMultiple the multiple of ULN, or null for an absolute threshold
   */
  record Lab(String analyte, Comparison op, BigDecimal value, String unit, BigDecimal ulnMultiple) implements Rule {}

  /** {@code sum: {list: metastases, field: lesions, min: 1, max: 5}}: the sum of a numeric field over a list. */
  record Sum(String list, String field, Range range) implements Rule {}

  /**
   * {@code every: {list: metastases, field: lesions, max: 3}}: every item's numeric field lies in the range (true for
   * an empty list; false as soon as one known item lies outside; unknown when an item's field is unknown and none
   * fails).
   */
  record Every(String list, String field, Range range) implements Rule {}

  /**
   * {@code count: {list: priorTreatments, field: type, values: [surgery], max: 0}}: the number of list items (whose
   * {@code field} is one of {@code values}, when given) lies in the range.
   */
  record Count(String list, String field, List<String> values, Range range) implements Rule {}

  /**
   * {@code containsAny: {field: allergies, values: [...]}}: a list of text values (or a text field of a list's items,
   * e.g. {@code metastases.site}) contains at least one of the values. An empty list contains none.
   */
  record ContainsAny(String field, List<String> values) implements Rule {}

  /** A comparison operator between a value and a threshold. */
  enum Comparison {
    AT_LEAST(">="), GREATER_THAN(">"), AT_MOST("<="), LESS_THAN("<");

    private final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }

    /** The operator as written in the protocol file, e.g. {@code >=}. */
    public String symbol() {
      return symbol;
    }

    /** Whether {@code compareTo} (value against threshold) satisfies the operator. */
    public boolean test(int compareTo) {
      return switch (this) {
        case AT_LEAST -> compareTo >= 0;
        case GREATER_THAN -> compareTo > 0;
        case AT_MOST -> compareTo <= 0;
        case LESS_THAN -> compareTo < 0;
      };
    }

    /** The operator for a symbol, or null when it is not one. */
    public static Comparison of(String symbol) {
      for (Comparison c : values()) {
        if (c.symbol.equals(symbol)) {
          return c;
        }
      }
      return null;
    }
  }
}
