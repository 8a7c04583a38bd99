package org.oligotrial.units;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exact unit table for the screening laboratory values. Each analyte has one canonical unit; every accepted unit
 * converts to it by multiplying with an exact decimal factor:
 *
 * <ul>
 *   <li>WBC, NEU, PLT (cell counts), canonical 10^9/L: {@code 10^9/L}, {@code 10*9/L}, {@code G/L} (giga per litre),
 *       {@code 10^3/uL} factor 1; {@code /uL}, {@code /mm3} (1 uL = 1 mm3 = 10^-6 L) factor 0.001.
 *   <li>HGB, canonical g/dL: {@code g/L} factor 0.1 (1 dL = 0.1 L); {@code mmol/L} factor 1.6114, the haemoglobin
 *       monomer (one haem, molar mass 16.114 kg/mol; IFCC/ICSH convention used by laboratories reporting Hb in
 *       mmol/L, e.g. in the Netherlands): 1 mmol/L = 16.114 g/L = 1.6114 g/dL.
 *   <li>TBIL, canonical umol/L: {@code mg/dL} factor 17.104 (bilirubin C33H36N4O6, 584.66 g/mol: 10 mg/L / 584.66
 *       g/mol = 17.104 umol/L, the factor used by SI conversion tables such as AMA Manual of Style / Young 1987).
 *   <li>CREAT, canonical umol/L: {@code mg/dL} factor 88.42 (creatinine C4H7N3O, 113.12 g/mol: 10 mg/L / 113.12 g/mol
 *       = 88.4 umol/L; 88.42 is the factor in the same tables and KDIGO).
 *   <li>AST, ALT, canonical U/L: {@code IU/L} factor 1; {@code ukat/L} factor 60 (1 kat = 1 mol/s, 1 U = 1 umol/min,
 *       so 1 ukat/L = 60 U/L exactly).
 * </ul>
 *
 * <p>Units are matched after normalisation: surrounding blanks removed, the micro sign (U+00B5) and Greek mu
 * (U+03BC) read as {@code u}, a leading {@code x} or {@code ×} dropped, and letter case ignored except for
 * {@code G/L} (giga per litre, counts) against {@code g/L} (grams per litre, haemoglobin). Stateless and
 * thread-safe.
 */
public final class LabUnits {

  private record Analyte(String code, String name, String canonicalUnit, Map<String, BigDecimal> factors,
      BigDecimal plausibleLow, BigDecimal plausibleHigh) {}

  private static final Map<String, Analyte> ANALYTES = new LinkedHashMap<>();

  static {
    Map<String, BigDecimal> counts = units("10^9/L", "1", "10*9/L", "1", "G/L", "1", "10^3/uL", "1", "/uL", "0.001",
        "/mm3", "0.001", "10E9/L", "1", "K/uL", "1", "cells/uL", "0.001", "cells/mm3", "0.001", "/mm^3", "0.001");
    add("WBC", "white blood cells", "10^9/L", counts, "1", "30");
    add("NEU", "neutrophils", "10^9/L", counts, "0.3", "20");
    add("PLT", "platelets", "10^9/L", counts, "20", "1000");
    add("HGB", "haemoglobin", "g/dL", units("g/dL", "1", "g/L", "0.1", "mmol/L", "1.6114"), "4", "20");
    Map<String, BigDecimal> bilirubin = units("umol/L", "1", "mg/dL", "17.104");
    add("TBIL", "total bilirubin", "umol/L", bilirubin, "3", "300");
    add("CREAT", "creatinine", "umol/L", units("umol/L", "1", "mg/dL", "88.42"), "20", "1000");
    Map<String, BigDecimal> enzymes = units("U/L", "1", "IU/L", "1", "ukat/L", "60");
    add("AST", "aspartate aminotransferase", "U/L", enzymes, "5", "1000");
    add("ALT", "alanine aminotransferase", "U/L", enzymes, "5", "1000");
  }

  private LabUnits() {}

  private static Map<String, BigDecimal> units(String... pairs) {
    Map<String, BigDecimal> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], new BigDecimal(pairs[i + 1]));
    }
    return m;
  }

  private static void add(String code, String name, String canonical, Map<String, BigDecimal> factors, String low,
      String high) {
    ANALYTES.put(code, new Analyte(code, name, canonical, factors, new BigDecimal(low), new BigDecimal(high)));
  }

  /** The analyte codes the table knows, in a stable order (WBC, NEU, PLT, HGB, TBIL, CREAT, AST, ALT). */
  public static Set<String> analytes() {
    return ANALYTES.keySet();
  }

  /** Whether {@code code} is a known analyte code (exact, upper case). Null gives false. */
  public static boolean isAnalyte(String code) {
    return code != null && ANALYTES.containsKey(code);
  }

  /** The canonical unit of an analyte; throws {@link UnknownUnitException} for an unknown analyte. */
  public static String canonicalUnit(String analyte) {
    return analyte(analyte).canonicalUnit();
  }

  /** The units accepted for an analyte, as written in the table. */
  public static List<String> units(String analyte) {
    return List.copyOf(analyte(analyte).factors().keySet());
  }

  /**
   * The exact factor from {@code unit} to the analyte's canonical unit.
   *
   * @throws UnknownUnitException when the analyte or the unit is unknown (the message lists the accepted units)
   */
  public static BigDecimal factor(String analyte, String unit) {
    Analyte a = analyte(analyte);
    BigDecimal f = lookup(a, unit);
    if (f == null) {
      throw new UnknownUnitException("unknown unit '" + unit + "' for " + analyte + " (accepted: "
          + String.join(", ", a.factors().keySet()) + ")");
    }
    return f;
  }

  /** Whether {@code unit} is accepted for {@code analyte}; false for unknown analytes or null. */
  public static boolean isUnit(String analyte, String unit) {
    Analyte a = ANALYTES.get(analyte);
    return a != null && unit != null && lookup(a, unit) != null;
  }

  /**
   * Converts a value to the analyte's canonical unit, exactly.
   *
   * @throws UnknownUnitException for an unknown analyte or unit
   * @throws NullPointerException when value or unit is null
   */
  public static Conversion toCanonical(String analyte, BigDecimal value, String unit) {
    BigDecimal f = factor(analyte, unit);
    BigDecimal canonical = f.compareTo(BigDecimal.ONE) == 0 ? value : value.multiply(f);
    return new Conversion(analyte, value, unit, canonical, canonicalUnit(analyte), f);
  }

  /**
   * The range (canonical unit, inclusive) within which an eligibility threshold for the analyte is physiologically
   * plausible; a threshold outside it is most likely a unit slip (the registry's "HGB >= 9 g/L" is 0.9 g/dL).
   */
  public static BigDecimal[] plausibleThresholdRange(String analyte) {
    Analyte a = analyte(analyte);
    return new BigDecimal[] {a.plausibleLow(), a.plausibleHigh()};
  }

  /** The analyte's name in words, e.g. "haemoglobin". */
  public static String name(String analyte) {
    return analyte(analyte).name();
  }

  /** A decimal written without exponent and without trailing zeros ("8.5", "90", "0.001"). */
  public static String plain(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    if (s.scale() < 0) {
      s = s.setScale(0);
    }
    return s.toPlainString();
  }

  private static Analyte analyte(String code) {
    Analyte a = code == null ? null : ANALYTES.get(code);
    if (a == null) {
      throw new UnknownUnitException("unknown analyte '" + code + "' (known: " + String.join(", ", ANALYTES.keySet())
          + ")");
    }
    return a;
  }

  private static BigDecimal lookup(Analyte a, String unit) {
    BigDecimal f = a.factors().get(unit);
    if (f != null) {
      return f;
    }
    String n = normalise(unit);
    for (Map.Entry<String, BigDecimal> e : a.factors().entrySet()) {
      String k = normalise(e.getKey());
      // case is ignored except for G (giga, cell counts) versus g (gram): "g/L" is not a count unit
      if (k.equalsIgnoreCase(n) && (k.charAt(0) != 'G' && k.charAt(0) != 'g' || k.charAt(0) == n.charAt(0))) {
        return e.getValue();
      }
    }
    return null;
  }

  static String normalise(String unit) {
    String u = unit.strip().replace('\u00b5', 'u').replace('\u03bc', 'u').replace(" ", "")
        .replace("\u2079", "^9").replace("\u00b3", "^3");
    if (u.startsWith("x") || u.startsWith("X") || u.startsWith("\u00d7")) {
      u = u.substring(1);
    }
    return u;
  }
}
