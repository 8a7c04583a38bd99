package org.oligotrial.server.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.oligotrial.cdisc.model.AuditEntry;
import org.oligotrial.cdisc.model.FormLayout;
import org.oligotrial.cdisc.model.FormRecord;
import org.oligotrial.cdisc.model.FormValues;
import org.oligotrial.cdisc.model.GroupRecord;
import org.oligotrial.cdisc.model.QueryRecord;
import org.oligotrial.cdisc.model.SignatureRecord;
import org.oligotrial.cdisc.model.SubjectRecord;
import org.oligotrial.protocol.FormDefinition;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.datacapture.forms.FormService;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.kernel.Ids;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.randomization.RandomizationService;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.user.ElectronicSignatures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates a participant the database does not hold from an imported ODM subject (docs/cdisc.md, "Import"), each
 * step through the service that owns it:
 *
 * <ol>
 *   <li>the participant under the file's {@code SubjectKey}, at its {@code SiteRef}, with the screening record of
 *       the randomization form's enrolment items evaluated by this server's eligibility engine (a verdict other
 *       than the file's refuses the subject), then its consent ({@link ParticipantService#registerImported});
 *   <li>the randomization as the file gives arm, factor levels and date, method {@code imported}, a negative
 *       sequence number, the allocation state untouched ({@link RandomizationService#recordImported});
 *   <li>every form replayed save by save through {@link FormService}: the file's audit entries of a form are
 *       grouped into saves (consecutive entries with the same time, user and reason: one server save writes one
 *       audit row per field, and an audit row of a structured field is one entry per row and column), the first
 *       save entering the form under the file's form key, each later one updating it with the reason
 *       {@code ODM import of <file> (FileOID <oid>); originally: <reason>}; so validation, derivations, edit checks
 *       and the audit trail are those of typed data, and each form has as many form-value audit rows as the source
 *       had. A structured field's save replaces the field's rows (the audit row held the whole new list). Values of
 *       the file not reached by the replay (a snapshot carries only each value's latest change) are then saved once
 *       with the file's reason;
 *   <li>form signatures as imported signatures (original signer, meaning and time;
 *       {@link ElectronicSignatures#recordImported}); casebook signatures are not recreated;
 *   <li>queries from the annotations, with the original raiser and time in their text
 *       ({@code QueryService.recordImported}).
 * </ol>
 *
 * <p>The caller runs it in one transaction per participant: a form the form service refuses refuses the participant,
 * and nothing of it stays. Not thread-safe; one per import.
 */
final class SubjectImport {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final Register register;
  private final ParticipantService participants;
  private final DataCapture dataCapture;
  private final RandomizationService randomization;

  SubjectImport(Register register, ParticipantService participants, DataCapture dataCapture,
      RandomizationService randomization) {
    this.register = register;
    this.participants = participants;
    this.dataCapture = dataCapture;
    this.randomization = randomization;
  }

  /** Whether the file carries what registering the subject needs (screening number and record). */
  static boolean creatable(SubjectRecord s) {
    return s.enrolment() != null && s.enrolment().screeningNumber() != null
        && s.enrolment().screeningRecord() != null && s.siteCode() != null;
  }

  /** What was created, for the report. */
  record Created(int formsEntered, int formsUpdated, int signatures, int queries) {}

  /**
   * Registers, consents and randomizes the subject, then replays its forms, signatures and queries.
   *
   * @param reason the import's reason for change (file and FileOID)
   * @throws FormRefused when the form service refuses a form (call inside a transaction, so that nothing of the
   *     participant stays)
   */
  Created create(SubjectRecord s, Actor actor, String reason) {
    SubjectRecord.Enrolment e = s.enrolment();
    Consent consent = e.consentDate() == null || e.consentFormVersion() == null ? null
        : new Consent(e.consentFormVersion(), e.consentDate(), e.consentObtainedBy() == null ? "unknown"
            : e.consentObtainedBy());
    participants.registerImported(actor, s.subjectKey(), s.siteCode(), e.screeningNumber(), e.screeningRecord(),
        e.screeningVerdict(), consent, reason);
    if (s.arm() != null) {
      if (s.randomizationDate() == null) {
        throw new InvalidFieldException("RANDDT", "subject " + s.subjectKey() + " has an arm but no randomization"
            + " date");
      }
      randomization.recordImported(actor, s.subjectKey(), s.arm(), s.strata(), s.randomizationDate(), reason);
    }
    int[] counts = new int[4];
    Map<String, String> formIds = new LinkedHashMap<>();
    for (FormRecord fr : s.forms()) {
      FormDefinition def = dataCapture.protocol().form(fr.formType()).orElse(null);
      if (def == null) {
        continue;
      }
      try {
        formIds.put(fr.formKey(), replay(s, fr, FormLayout.of(def), actor, reason, counts));
      } catch (InvalidFieldException x) {
        throw new FormRefused("form " + fr.formType() + " [" + fr.formKey() + "]: " + x.field() + ": "
            + x.detail(), x);
      }
    }
    {
      for (SignatureRecord sig : s.signatures()) {
        String id = sig.onCasebook() ? null : formIds.get(sig.formKey());
        if (id != null && register.signatures().recordImported(actor.username(), FormService.ENTITY, id,
            s.siteCode(), new ElectronicSignatures.Imported(sig.user(), sig.meaningId(), sig.time(), reason))) {
          counts[2]++;
        }
      }
      for (QueryRecord q : s.queries()) {
        String id = formIds.get(q.ref().formKey());
        if (id != null && dataCapture.queries().recordImported(actor, dataCapture.forms().get(actor, id),
            q.ref().fieldId(), q.text(), q.status(), q.raisedBy(), q.raisedAt(), reason)) {
          counts[3]++;
        }
      }
    }
    return new Created(counts[0], counts[1], counts[2], counts[3]);
  }

  /** A form of the participant the form service refused. */
  static final class FormRefused extends RuntimeException {
    FormRefused(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Replays one form's saves; returns the form's id here. */
  private String replay(SubjectRecord s, FormRecord fr, FormLayout layout, Actor actor, String reason,
      int[] counts) {
    List<List<AuditEntry>> saves = new ArrayList<>();
    java.util.Set<List<Object>> seen = new java.util.HashSet<>();
    for (AuditEntry a : s.audit()) {
      if (!a.ref().formKey().equals(fr.formKey()) || !a.ref().formType().equals(fr.formType())) {
        continue;
      }
      List<AuditEntry> last = saves.isEmpty() ? null : saves.get(saves.size() - 1);
      // one save writes one audit row per field: the same item again is the next save
      List<Object> item = List.of(a.ref().groupId(), a.ref().groupRepeat(), a.ref().fieldId());
      if (last != null && sameSave(last.get(0), a) && seen.add(item)) {
        last.add(a);
      } else {
        seen.clear();
        seen.add(item);
        saves.add(new ArrayList<>(List.of(a)));
      }
    }
    // group id -> row -> field -> value
    Map<String, TreeMap<Integer, Map<String, String>>> state = new LinkedHashMap<>();
    StoredForm form = null;
    for (List<AuditEntry> save : saves) {
      save.stream().map(a -> a.ref().groupId()).filter(g -> !g.equals(FormLayout.MAIN)).distinct()
          .forEach(state::remove);
      for (AuditEntry a : save) {
        Map<String, String> row = state.computeIfAbsent(a.ref().groupId(), k -> new TreeMap<>())
            .computeIfAbsent(a.ref().groupRepeat(), k -> new LinkedHashMap<>());
        if (a.value() == null || "Remove".equals(a.transactionType())) {
          row.remove(a.ref().fieldId());
        } else {
          row.put(a.ref().fieldId(), a.value());
        }
      }
      String why = save.get(0).reason() == null || save.get(0).reason().isBlank() ? reason
          : reason + "; originally: " + save.get(0).reason();
      form = save(s.subjectKey(), form, fr, layout, json(layout, state), actor, why, counts);
    }
    JsonNode fileValues = JSON.readTree(FormValues.toJson(layout, fr.groups()));
    if (form == null || !JSON.readTree(form.valuesJson()).equals(fileValues)) {
      form = save(s.subjectKey(), form, fr, layout, fileValues, actor, reason, counts);
    }
    return form.id();
  }

  private StoredForm save(String subjectKey, StoredForm form, FormRecord fr, FormLayout layout, JsonNode values, Actor actor,
      String reason, int[] counts) {
    if (form == null) {
      counts[0]++;
      return dataCapture.forms().create(actor, subjectKey, fr.formType(), fr.visitId(),
          fr.visitId() == null ? null : fr.visitRepeat(), values, formId(actor, fr.formKey()));
    }
    if (JSON.readTree(form.valuesJson()).equals(values)) {
      return form;
    }
    counts[1]++;
    return dataCapture.forms().update(actor, form.id(), values, reason, form.version());
  }

  /** This server's form id (kept from the file when it has the form of one and is free), else a new one. */
  private String formId(Actor actor, String key) {
    if (key == null || !key.matches("[0-9a-fA-F-]{36}")) {
      return Ids.next();
    }
    try {
      dataCapture.forms().get(actor, key);
      return Ids.next();
    } catch (org.oligotrial.server.kernel.RecordNotFoundException free) {
      return key;
    }
  }

  private static boolean sameSave(AuditEntry a, AuditEntry b) {
    return a.time().equals(b.time()) && Objects.equals(a.user(), b.user()) && Objects.equals(a.reason(),
        b.reason());
  }

  private static JsonNode json(FormLayout layout, Map<String, TreeMap<Integer, Map<String, String>>> state) {
    List<GroupRecord> groups = new ArrayList<>();
    state.forEach((g, rows) -> rows.forEach((k, items) -> {
      if (!items.isEmpty()) {
        groups.add(new GroupRecord(g, k, items));
      }
    }));
    return JSON.readTree(FormValues.toJson(layout, groups));
  }
}
