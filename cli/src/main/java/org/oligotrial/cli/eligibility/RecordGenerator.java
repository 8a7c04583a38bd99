package org.oligotrial.cli.eligibility;

import java.time.LocalDate;
import java.util.Random;

/**
 * The default protocol's (NCT03119519) tuned synthetic screening records as NDJSON lines, reproducible from a seed,
 * for {@code screen generate} (see {@link GenerateCommand} for why it is kept beside {@link DeclaredRecordGenerator}):
 * mostly plausible candidates with a spread of
 * ages, stages, labs (in all accepted units), treatments and missing fields, so that every verdict occurs. For
 * benchmarks and load tests; not clinical data. Not thread-safe (one {@link Random}).
 */
public final class RecordGenerator {
  private static final String[] HISTOLOGY = {"adenocarcinoma", "adenocarcinoma", "squamous", "large-cell",
      "nsclc-nos", "small-cell"};
  private static final String[] SITES = {"bone", "brain", "liver", "adrenal", "lung", "pleura"};
  private static final String[] T = {"T1a", "T1b", "T1c", "T2a", "T2b", "T3", "T4"};
  private static final String[] N = {"N0", "N1", "N2", "N3"};
  private static final String[] M = {"M1a", "M1b", "M1c", "M1b", "M0"};
  private static final String[] EGFR = {"mutant", "wild-type", "wild-type", "unknown"};
  private static final LocalDate BASE = LocalDate.of(2025, 1, 1);

  private final Random rnd;
  private long n;

  /** @param seed the seed; the same seed gives the same records */
  public RecordGenerator(long seed) {
    this.rnd = new Random(seed);
  }

  /** Appends the next record as one JSON line (without the newline) to {@code sb}. */
  public StringBuilder next(StringBuilder sb) {
    n++;
    LocalDate screening = BASE.plusDays(rnd.nextInt(700));
    LocalDate birth = screening.minusDays(16L * 365 + rnd.nextInt(60 * 365));
    boolean female = rnd.nextBoolean();
    sb.append("{\"id\":\"GEN-").append(n).append("\",\"screeningDate\":\"").append(screening)
        .append("\",\"birthDate\":\"").append(birth).append("\",\"sex\":\"").append(female ? "female" : "male")
        .append('"');
    if (female) {
      sb.append(",\"pregnant\":").append(rnd.nextInt(100) == 0).append(",\"breastfeeding\":false");
    }
    sb.append(",\"diagnosis\":{\"histology\":\"").append(pick(HISTOLOGY)).append("\",\"confirmation\":\"")
        .append(rnd.nextInt(20) == 0 ? "clinical" : "histology").append("\"}");
    sb.append(",\"staging\":{\"t\":\"").append(pick(T)).append("\",\"n\":\"").append(pick(N)).append("\",\"m\":\"")
        .append(pick(M)).append("\"}");
    sb.append(",\"primaryTumor\":{\"longestDiameterMm\":").append(5 + rnd.nextInt(80)).append('}');
    int sites = 1 + rnd.nextInt(3);
    sb.append(",\"metastases\":[");
    boolean brain = false;
    for (int i = 0; i < sites; i++) {
      String site = pick(SITES);
      brain |= site.equals("brain");
      sb.append(i == 0 ? "" : ",").append("{\"site\":\"").append(site).append("\",\"lesions\":")
          .append(1 + rnd.nextInt(3)).append('}');
    }
    // the intracranial-metastasis answer agrees with the coded sites, as the reader requires
    sb.append("],\"intracranialMetastasis\":").append(brain);
    sb.append(",\"ecog\":").append(rnd.nextInt(10) == 0 ? 3 : rnd.nextInt(3));
    sb.append(",\"priorTreatments\":[").append(rnd.nextInt(15) == 0 ? "{\"type\":\"chemotherapy\"}"
        : "{\"type\":\"biopsy\"}").append(']');
    sb.append(",\"lifeExpectancyMonths\":").append(2 + rnd.nextInt(30));
    sb.append(",\"labs\":{");
    lab(sb, "WBC", 3.0 + rnd.nextDouble() * 8, rnd.nextInt(4) == 0 ? "/uL" : "10^9/L", null);
    sb.append(',');
    lab(sb, "NEU", 1.0 + rnd.nextDouble() * 5, "10^9/L", null);
    sb.append(',');
    lab(sb, "PLT", 80 + rnd.nextInt(300), "G/L", null);
    if (rnd.nextInt(30) != 0) {
      sb.append(',');
      int u = rnd.nextInt(3);
      double hb = 8.0 + rnd.nextDouble() * 8;
      lab(sb, "HGB", u == 0 ? hb : u == 1 ? hb * 10 : hb / 1.6114, u == 0 ? "g/dL" : u == 1 ? "g/L" : "mmol/L", null);
    }
    sb.append(',');
    lab(sb, "TBIL", 5 + rnd.nextDouble() * 40, "umol/L", 21.0);
    sb.append(',');
    lab(sb, "AST", 10 + rnd.nextInt(90), "U/L", 40.0);
    sb.append(',');
    lab(sb, "ALT", 10 + rnd.nextInt(90), "IU/L", 40.0);
    sb.append(',');
    lab(sb, "CREAT", 0.5 + rnd.nextDouble(), "mg/dL", 1.1);
    sb.append("},\"egfr\":\"").append(pick(EGFR)).append('"');
    sb.append(",\"canTolerateSystemicTherapy\":").append(rnd.nextInt(40) != 0);
    sb.append(",\"otherMalignancy\":").append(rnd.nextInt(30) == 0);
    sb.append(",\"uncontrolledSeriousDisease\":").append(rnd.nextInt(40) == 0);
    sb.append(",\"allergies\":").append(rnd.nextInt(50) == 0 ? "[\"cisplatin\"]" : "[]");
    sb.append(",\"expectedToComplete\":").append(rnd.nextInt(30) != 0);
    if (rnd.nextInt(20) != 0) {
      sb.append(",\"consentSigned\":true");
    }
    return sb.append('}');
  }

  private void lab(StringBuilder sb, String analyte, double value, String unit, Double uln) {
    double v = unit.equals("/uL") ? Math.round(value * 1000) : Math.round(value * 100) / 100.0;
    sb.append('"').append(analyte).append("\":{\"value\":").append(v).append(",\"unit\":\"").append(unit)
        .append('"');
    if (uln != null) {
      sb.append(",\"uln\":").append(uln);
    }
    sb.append('}');
  }

  private String pick(String[] a) {
    return a[rnd.nextInt(a.length)];
  }
}
