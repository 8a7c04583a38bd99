package org.oligotrial.protocol;

import java.util.List;
import java.util.Optional;

/**
 * Everything the system knows about one trial, loaded from a protocol file by {@link ProtocolLoader}. Immutable and
 * thread-safe; the lists are unmodifiable and never null.
 *
 * @param id the registry id, e.g. {@code NCT03119519}
 * @param title the official title
 * @param sponsor the sponsor
 * @param phase the phase, e.g. {@code 2}
 * @param condition the condition studied
 * @param targetSampleSize the target number of randomized participants (148)
 * @param arms the arms, in the order of the allocation ratio
 * @param systemicTherapy the systemic-therapy rule
 * @param criteria the eligibility criteria, in the registry's order (inclusions, then exclusions)
 * @param notes the protocol notes (clarifications shown to users)
 * @param stratification the stratification factors
 * @param randomization the randomization settings
 * @param endpoints primary and secondary endpoints
 * @param recist RECIST settings
 * @param visits the visit schedule
 * @param source where the protocol was loaded from (a file path or a classpath resource), for messages
 * @param forms the case report forms (data capture), in the file's order
 * @param editChecks the checks run when a form is saved
 * @param record the screening record the protocol declares: its fields, analytes and record checks
 * @param interimAnalysis the plan of interim analyses, or null when there is none
 * @param signature what signing and locking do with open queries or missing required data (never null: the
 *     default refuses)
 */
public record Protocol(String id, String title, String sponsor, String phase, String condition, int targetSampleSize,
    List<Arm> arms, SystemicTherapy systemicTherapy, List<Criterion> criteria, List<ProtocolNote> notes,
    List<StratificationFactor> stratification, RandomizationSettings randomization, List<Endpoint> endpoints,
    RecistSettings recist, List<Visit> visits, String source, List<FormDefinition> forms,
    List<EditCheck> editChecks, RecordDeclaration record, InterimAnalysisPlan interimAnalysis,
    SignatureSettings signature) {

  public Protocol {
    signature = signature == null ? SignatureSettings.REFUSE : signature;
    forms = forms == null ? List.of() : List.copyOf(forms);
    editChecks = editChecks == null ? List.of() : List.copyOf(editChecks);
  }

  /** A protocol with the default signature settings (blockers refuse). */
  public Protocol(String id, String title, String sponsor, String phase, String condition, int targetSampleSize,
      List<Arm> arms, SystemicTherapy systemicTherapy, List<Criterion> criteria, List<ProtocolNote> notes,
      List<StratificationFactor> stratification, RandomizationSettings randomization, List<Endpoint> endpoints,
      RecistSettings recist, List<Visit> visits, String source, List<FormDefinition> forms,
      List<EditCheck> editChecks, RecordDeclaration record, InterimAnalysisPlan interimAnalysis) {
    this(id, title, sponsor, phase, condition, targetSampleSize, arms, systemicTherapy, criteria, notes,
        stratification, randomization, endpoints, recist, visits, source, forms, editChecks, record, interimAnalysis,
        null);
  }

  /** A protocol without a declared screening record or an interim-analysis plan. */
  public Protocol(String id, String title, String sponsor, String phase, String condition, int targetSampleSize,
      List<Arm> arms, SystemicTherapy systemicTherapy, List<Criterion> criteria, List<ProtocolNote> notes,
      List<StratificationFactor> stratification, RandomizationSettings randomization, List<Endpoint> endpoints,
      RecistSettings recist, List<Visit> visits, String source, List<FormDefinition> forms,
      List<EditCheck> editChecks) {
    this(id, title, sponsor, phase, condition, targetSampleSize, arms, systemicTherapy, criteria, notes,
        stratification, randomization, endpoints, recist, visits, source, forms, editChecks, null, null);
  }

  /** A protocol without forms or edit checks (callers written before data capture). */
  public Protocol(String id, String title, String sponsor, String phase, String condition, int targetSampleSize,
      List<Arm> arms, SystemicTherapy systemicTherapy, List<Criterion> criteria, List<ProtocolNote> notes,
      List<StratificationFactor> stratification, RandomizationSettings randomization, List<Endpoint> endpoints,
      RecistSettings recist, List<Visit> visits, String source) {
    this(id, title, sponsor, phase, condition, targetSampleSize, arms, systemicTherapy, criteria, notes,
        stratification, randomization, endpoints, recist, visits, source, List.of(), List.of(), null, null);
  }

  /** The form definition of that type, if any. */
  public Optional<FormDefinition> form(String formType) {
    return forms.stream().filter(f -> f.id().equals(formType)).findFirst();
  }

  /** The criterion with that id, if any. */
  public Optional<Criterion> criterion(String criterionId) {
    return criteria.stream().filter(c -> c.id().equals(criterionId)).findFirst();
  }

  /** The note with that id, if any. */
  public Optional<ProtocolNote> note(String noteId) {
    return notes.stream().filter(n -> n.id().equals(noteId)).findFirst();
  }
}
