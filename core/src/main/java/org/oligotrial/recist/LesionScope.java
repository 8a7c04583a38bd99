package org.oligotrial.recist;

import java.util.Locale;

/**
 * A subset of a participant's lesions whose progression an endpoint follows. Progression of a scope is RECIST 1.1
 * applied to the lesions of the scope alone ({@link TumourEvaluator#progressionDate(TumourAssessments, LesionScope)}).
 */
public enum LesionScope {
  /** Every lesion: RECIST 1.1 progression itself (PFS). */
  ALL("any"),
  /**
   * Thoracic disease: the primary tumour and the baseline lesions at a thoracic site ({@link LesionSite#thoracic()})
   * that are not oligometastatic foci, and new lesions at a thoracic site (thoracic PFS).
   */
  THORACIC("thoracic"),
  /** The primary thoracic tumour alone (local control). */
  PRIMARY_TUMOUR("primary-tumour"),
  /** The baseline oligometastatic foci (oligometastatic-foci control); new lesions are not foci. */
  OLIGOMETASTATIC_FOCI("oligometastatic-foci");

  private final String code;

  LesionScope(String code) {
    this.code = code;
  }

  /** The word used in protocol files. */
  public String code() {
    return code;
  }

  /** Whether a baseline lesion belongs to the scope. */
  public boolean includes(BaselineLesion l) {
    return switch (this) {
      case ALL -> true;
      case THORACIC -> l.role() == LesionRole.PRIMARY || (l.role() != LesionRole.OLIGOMETASTATIC && l.site().thoracic());
      case PRIMARY_TUMOUR -> l.role() == LesionRole.PRIMARY;
      case OLIGOMETASTATIC_FOCI -> l.role() == LesionRole.OLIGOMETASTATIC;
    };
  }

  /** Whether a new lesion belongs to the scope. */
  public boolean includes(NewLesion n) {
    return switch (this) {
      case ALL -> true;
      case THORACIC -> n.site().thoracic();
      case PRIMARY_TUMOUR, OLIGOMETASTATIC_FOCI -> false;
    };
  }

  /** @return the scope for a code (ignoring case and surrounding spaces), or null */
  public static LesionScope fromCode(String code) {
    if (code == null) {
      return null;
    }
    String c = code.trim().toLowerCase(Locale.ROOT);
    for (LesionScope s : values()) {
      if (s.code.equals(c)) {
        return s;
      }
    }
    return null;
  }

  /** The codes in order, for messages. */
  public static java.util.List<String> codes() {
    return java.util.Arrays.stream(values()).map(LesionScope::code).toList();
  }
}
