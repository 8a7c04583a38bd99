package org.oligotrial.cdisc.odm;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.oligotrial.cdisc.model.AuditEntry;
import org.oligotrial.cdisc.model.FieldRef;
import org.oligotrial.cdisc.model.FormRecord;
import org.oligotrial.cdisc.model.GroupRecord;
import org.oligotrial.cdisc.model.SubjectRecord;

/**
 * Plans the import of an ODM clinical-data file: reads it ({@link OdmReader}, refusing a file for another study or
 * forms version) and compares each subject's values with what the database holds, listing what would change. The
 * plan is the dry run; the server then applies each change through its own form validation, edit checks and audit
 * trail, with {@link Plan#reasonForChange()} as the reason. Nothing here writes anywhere.
 *
 * <p>A snapshot file can only insert or update values; a transactional file also removes the values its
 * {@code Remove} items (with their audit records) clear. Values equal to the database's are counted, not listed.
 */
public final class OdmImport {
  private OdmImport() {}

  /** What the database holds, asked one subject at a time. */
  @FunctionalInterface
  public interface CurrentValues {
    /**
     * The current values of a subject's forms, or null when the subject does not exist.
     *
     * @param subjectKey the participant id
     */
    Map<FieldRef, String> of(String subjectKey);
  }

  /** What a change does. */
  public enum Action { INSERT, UPDATE, REMOVE }

  /**
   * One value that would change.
   *
   * @param subjectKey the participant
   * @param newSubject whether the participant does not exist yet
   * @param ref the value
   * @param before the database's value (null when none)
   * @param after the file's value (null for a removal)
   * @param action what the change does
   */
  public record Change(String subjectKey, boolean newSubject, FieldRef ref, String before, String after,
      Action action) {
    @Override
    public String toString() {
      return subjectKey + (newSubject ? " (new)" : "") + " " + ref.formType() + "[" + ref.formKey() + "]."
          + ref.groupId() + "[" + ref.groupRepeat() + "]." + ref.fieldId() + ": " + action + " "
          + (before == null ? "-" : before) + " -> " + (after == null ? "-" : after);
    }
  }

  /**
   * The dry run's result.
   *
   * @param header the file's header
   * @param reasonForChange the reason every applied change carries: the file name and its {@code FileOID}
   * @param subjects subjects in the file
   * @param unchanged values equal to the database's
   * @param changes what would change, in file order
   * @param problems values left out, with the reason
   */
  public record Plan(OdmReader.Header header, String reasonForChange, int subjects, int unchanged,
      List<Change> changes, List<OdmReader.Problem> problems) {}

  /**
   * Plans an import.
   *
   * @param study this protocol's ODM identity
   * @param in the file (not closed)
   * @param fileName the file's name, for the reason for change
   * @param current the database's values
   * @param subjectsToo called with each subject as read (the server may replay its audit trail), or null
   * @throws OdmRefusedException when the file is refused
   */
  public static Plan plan(OdmStudy study, InputStream in, String fileName, CurrentValues current,
      Consumer<SubjectRecord> subjectsToo) {
    Objects.requireNonNull(current, "current");
    OdmReader reader = new OdmReader(study);
    List<Change> changes = new ArrayList<>();
    int[] counts = new int[2];
    OdmReader.Header h = reader.read(in, s -> {
      counts[0]++;
      Map<FieldRef, String> db = current.of(s.subjectKey());
      boolean isNew = db == null;
      Map<FieldRef, String> have = isNew ? Map.of() : db;
      Map<FieldRef, String> file = sameForms(values(s), have);
      for (Map.Entry<FieldRef, String> e : file.entrySet()) {
        String before = have.get(e.getKey());
        if (e.getValue().equals(before)) {
          counts[1]++;
        } else {
          changes.add(new Change(s.subjectKey(), isNew, e.getKey(), before, e.getValue(),
              before == null ? Action.INSERT : Action.UPDATE));
        }
      }
      for (AuditEntry a : s.audit()) {
        if (a.transactionType().equals("Remove") && !file.containsKey(a.ref()) && have.containsKey(a.ref())) {
          changes.add(new Change(s.subjectKey(), false, a.ref(), have.get(a.ref()), null, Action.REMOVE));
        }
      }
      if (subjectsToo != null) {
        subjectsToo.accept(s);
      }
    });
    String reason = "ODM import of " + fileName + " (FileOID " + h.fileOid() + ")";
    return new Plan(h, reason, counts[0], counts[1], List.copyOf(changes), reader.problems());
  }

  /**
   * A form's identity.
   *
   * @param key the form key ({@code FormRepeatKey}; the server's form id)
   * @param formType the protocol's form id
   * @param visitId the visit, or null for a form not tied to a visit
   * @param visitRepeat the visit's occurrence
   */
  public record FormId(String key, String formType, String visitId, int visitRepeat) {}

  /**
   * The database's form a file's form is: the one with the same key; else the only one of the same type, visit and
   * occurrence; else, for a file's form not tied to a visit (another system may not place a form at the visit the
   * server derives from its date), the only one of the same type. Empty when none or several could be it (the
   * file's form is then new). Another system keys forms its own way (or not at all, {@link
   * OdmReader#DEFAULT_FORM_KEY}), hence the fallbacks; the plan and the server's apply both match this way.
   */
  public static java.util.Optional<FormId> sameForm(FormId file, java.util.Collection<FormId> db) {
    java.util.Optional<FormId> byKey = db.stream().filter(f -> f.key().equals(file.key())).findFirst();
    if (byKey.isPresent()) {
      return byKey;
    }
    List<FormId> same = db.stream().filter(f -> f.formType().equals(file.formType())
        && Objects.equals(f.visitId(), file.visitId()) && f.visitRepeat() == file.visitRepeat()).toList();
    if (same.isEmpty() && file.visitId() == null) {
      same = db.stream().filter(f -> f.formType().equals(file.formType())).toList();
    }
    return same.size() == 1 ? java.util.Optional.of(same.get(0)) : java.util.Optional.empty();
  }

  /**
   * The file's values with each form's identity (key, visit, occurrence) replaced by the database's form it is
   * ({@link #sameForm}).
   */
  static Map<FieldRef, String> sameForms(Map<FieldRef, String> file, Map<FieldRef, String> have) {
    java.util.Set<FormId> db = new java.util.LinkedHashSet<>();
    have.keySet().forEach(r -> db.add(new FormId(r.formKey(), r.formType(), r.visitId(), r.visitRepeat())));
    Map<FieldRef, String> out = new LinkedHashMap<>();
    file.forEach((r, v) -> {
      FieldRef at = sameForm(new FormId(r.formKey(), r.formType(), r.visitId(), r.visitRepeat()), db)
          .map(f -> new FieldRef(r.formType(), f.visitId(), f.visitRepeat(), f.key(), r.groupId(), r.groupRepeat(),
              r.fieldId())).orElse(r);
      out.put(at, v);
    });
    return out;
  }

  /** Every value of a subject's forms, keyed by where it lives. */
  public static Map<FieldRef, String> values(SubjectRecord s) {
    Map<FieldRef, String> out = new LinkedHashMap<>();
    for (FormRecord f : s.forms()) {
      for (GroupRecord g : f.groups()) {
        g.items().forEach((k, v) -> out.put(new FieldRef(f.formType(), f.visitId(), f.visitRepeat(), f.formKey(),
            g.groupId(), g.repeatKey(), k), v));
      }
    }
    return out;
  }
}
