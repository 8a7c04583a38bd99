package org.oligotrial.cdisc.tabulation;

import java.util.Objects;

/**
 * One variable (column) of a dataset, with what Define-XML says about it.
 *
 * @param name the SAS name: at most 8 characters, upper case letters, digits and underscores, not starting with a
 *     digit (SAS TS-140; SDTMIG 3.4 section 2.5)
 * @param label at most 40 characters
 * @param type the type; {@link Type#DATE} is ISO 8601 text in SDTM ({@code --DTC}) and a numeric SAS date in ADaM
 *     ({@code *DT})
 * @param origin where the value comes from (Define-XML 2.1 {@code def:Origin/@Type})
 * @param codeList the id of a code list its values come from, or null
 * @param method for a derived variable, the derivation in words; null otherwise
 * @param mandatory whether a value is required in every row (SDTMIG "Req"; ADaMIG "Req")
 */
public record Variable(String name, String label, Type type, Origin origin, String codeList, String method,
    boolean mandatory) {

  /** Variable types. */
  public enum Type {
    /** Character. */
    TEXT,
    /** Whole number. */
    INTEGER,
    /** Number with a fraction. */
    FLOAT,
    /** ISO 8601 date text in SDTM; a numeric SAS date (days since 1960-01-01) in ADaM. */
    DATE;

    /** Whether the variable is numeric in SAS terms (XPT). {@code DATE} is numeric only in ADaM. */
    public boolean numeric(boolean adam) {
      return this == INTEGER || this == FLOAT || (this == DATE && adam);
    }
  }

  /** Define-XML 2.1 origin types (define-enumerations-2.1.xsd, OriginType). */
  public enum Origin {
    COLLECTED("Collected"), DERIVED("Derived"), ASSIGNED("Assigned"), PROTOCOL("Protocol"),
    PREDECESSOR("Predecessor");

    private final String label;

    Origin(String label) {
      this.label = label;
    }

    /** The Define-XML spelling. */
    public String label() {
      return label;
    }
  }

  public Variable {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[A-Z_][A-Z0-9_]{0,7}")) {
      throw new IllegalArgumentException("variable name " + name + ": at most 8 characters A-Z, 0-9, _");
    }
    if (label.length() > 40) {
      throw new IllegalArgumentException("variable " + name + ": label longer than 40 characters: " + label);
    }
  }

  /** A collected text variable. */
  public static Variable text(String name, String label, Origin origin) {
    return new Variable(name, label, Type.TEXT, origin, null, null, false);
  }

  /** The same variable, required. */
  public Variable req() {
    return new Variable(name, label, type, origin, codeList, method, true);
  }

  /** The same variable with a code list. */
  public Variable codes(String id) {
    return new Variable(name, label, type, origin, id, method, mandatory);
  }

  /** The same variable, derived by a method given in words. */
  public Variable derived(String how) {
    return new Variable(name, label, type, Origin.DERIVED, codeList, how, mandatory);
  }

  /** A variable of another type. */
  public Variable as(Type t) {
    return new Variable(name, label, t, origin, codeList, method, mandatory);
  }
}
