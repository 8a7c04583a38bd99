package org.oligotrial.cdisc.odm;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.oligotrial.cdisc.model.AuditEntry;
import org.oligotrial.cdisc.model.FieldRef;
import org.oligotrial.cdisc.model.FormLayout;
import org.oligotrial.cdisc.model.FormRecord;
import org.oligotrial.cdisc.model.GroupRecord;
import org.oligotrial.cdisc.model.QueryRecord;
import org.oligotrial.cdisc.model.SignatureRecord;
import org.oligotrial.cdisc.model.SubjectRecord;
import org.oligotrial.protocol.FormDefinition;

/**
 * Reads the clinical data of an ODM 1.3.2 file (Snapshot or Transactional) with StAX, one subject at a time, into
 * {@link SubjectRecord}s of the neutral model: the values as they stand after applying every {@code ItemData} in
 * document order ({@code Insert}, {@code Update}, {@code Upsert} or no type set the value; {@code Remove} clears it;
 * {@code Context} changes nothing), each {@code AuditRecord} as an {@link AuditEntry}, each {@code Signature} and
 * each query {@code Annotation}. Consecutive {@code SubjectData} with the same key are merged. Typed items
 * ({@code ItemDataString}, {@code ItemDataInteger}, ... of ODM 1.3.2 section 3.1.4.x) are read too, their text as the
 * value (their {@code AuditRecordID} references into {@code ClinicalData/AuditRecords} are not followed).
 *
 * <p>Refusals ({@link OdmRefusedException}, before any subject is delivered): the root is not ODM; a
 * {@code ClinicalData} whose {@code StudyOID} is not this protocol's study; one whose {@code MetaDataVersionOID} is
 * not this version of the forms ({@link OdmStudy}); malformed XML. Problems inside the data (an unknown OID, a
 * value that is not of the item's type, not in its code list or outside its hard range, too long) are reported
 * through {@link Problem}s naming the subject and the item, and the value is left out. Not thread-safe; XML external
 * entities and DTDs are disabled.
 */
public final class OdmReader {
  private final OdmStudy study;
  private final Map<String, FormLayout> layouts = new LinkedHashMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private String fileOid;
  private String fileType;

  /**
   * A value or element the reader left out.
   *
   * @param subjectKey the subject, or null
   * @param where the OID path, e.g. {@code F.adverse-event[105]/I.adverse-event.main.grade}
   * @param message the problem in words
   */
  public record Problem(String subjectKey, String where, String message) {
    @Override
    public String toString() {
      return (subjectKey == null ? "" : subjectKey + " ") + where + ": " + message;
    }
  }

  /** The file's header as read. */
  public record Header(String fileOid, String fileType, String studyOid, String metaDataVersionOid) {}

  public OdmReader(OdmStudy study) {
    this.study = study;
    for (FormDefinition f : study.protocol().forms()) {
      layouts.put(f.id(), FormLayout.of(f));
    }
  }

  /** The problems found so far. */
  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  /**
   * Reads a file, delivering each subject to the consumer as soon as its elements end.
   *
   * @param in the file (not closed)
   * @param consumer receives the subjects in document order
   * @return the header
   * @throws OdmRefusedException when the file is refused (see the class comment)
   */
  public Header read(InputStream in, Consumer<SubjectRecord> consumer) {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    String studyOid = null;
    String mdvOid = null;
    try {
      XMLStreamReader r = f.createXMLStreamReader(in);
      r.nextTag();
      if (!r.getLocalName().equals("ODM") || !"http://www.cdisc.org/ns/odm/v1.3".equals(r.getNamespaceURI())) {
        throw new OdmRefusedException("not an ODM 1.3 file: the root element is {" + r.getNamespaceURI() + "}"
            + r.getLocalName());
      }
      fileOid = r.getAttributeValue(null, "FileOID");
      fileType = r.getAttributeValue(null, "FileType");
      Subject current = null;
      while (r.hasNext()) {
        int ev = r.next();
        if (ev != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        switch (r.getLocalName()) {
          case "ClinicalData" -> {
            studyOid = r.getAttributeValue(null, "StudyOID");
            mdvOid = r.getAttributeValue(null, "MetaDataVersionOID");
            check(studyOid, mdvOid);
          }
          case "SubjectData" -> {
            String key = r.getAttributeValue(null, "SubjectKey");
            if (current != null && !current.key.equals(key)) {
              consumer.accept(current.build());
              current = null;
            }
            if (current == null) {
              current = new Subject(key);
            }
            subjectData(r, current);
          }
          default -> { }
        }
      }
      if (current != null) {
        consumer.accept(current.build());
      }
    } catch (XMLStreamException e) {
      throw new OdmRefusedException("malformed XML"
          + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber()) + ": " + e.getMessage(), e);
    }
    return new Header(fileOid, fileType, studyOid, mdvOid);
  }

  private void check(String studyOid, String mdvOid) {
    if (!study.studyOid().equals(studyOid)) {
      throw new OdmRefusedException("the file's ClinicalData is for study " + studyOid + ", not for "
          + study.studyOid() + " (protocol " + study.protocol().id() + "); nothing was imported");
    }
    if (!study.metaDataVersionOid().equals(mdvOid)) {
      throw new OdmRefusedException("the file's ClinicalData was written for the forms version " + mdvOid
          + ", but protocol " + study.protocol().id() + " is at version " + study.metaDataVersionOid()
          + " (the case report forms differ); nothing was imported");
    }
  }

  /** Reads one SubjectData element to its end. */
  private void subjectData(XMLStreamReader r, Subject s) throws XMLStreamException {
    String event = null;
    int eventRepeat = 1;
    String form = null;
    String formKey = null;
    String group = null;
    int groupRepeat = 1;
    FieldRef item = null;
    String itemTt = null;
    String itemValue = null;
    boolean itemOk = false;
    int depth = 1;
    String containerForSig = "subject";
    Pending pending = null;
    List<QueryRecord> queries = new ArrayList<>();
    while (depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
        String name = r.getLocalName();
        if (name.equals("ItemData") && item != null) {
          if (itemOk) {
            s.apply(item, itemTt, itemValue);
          }
          if (pending != null && pending.audit != null && itemOk) {
            s.audit.add(new AuditEntry(item, itemTt == null ? "Upsert" : itemTt,
                "Remove".equals(itemTt) ? null : itemValue, pending.audit[0], pending.audit[1],
                Instant.parse(pending.audit[2]), pending.audit[3], pending.audit[4]));
          }
          for (QueryRecord q : queries) {
            s.queries.add(new QueryRecord(item, q.id(), q.status(), q.text(), q.raisedBy(), q.raisedAt()));
          }
          queries.clear();
          pending = null;
          item = null;
        } else if (name.equals("FormData")) {
          form = null;
          containerForSig = "event";
        } else if (name.equals("StudyEventData")) {
          event = null;
          containerForSig = "subject";
        }
        continue;
      }
      if (ev != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      depth++;
      switch (r.getLocalName()) {
        case "SiteRef" -> s.site = strip(r.getAttributeValue(null, "LocationOID"), "LOC.");
        case "StudyEventData" -> {
          event = r.getAttributeValue(null, "StudyEventOID");
          String rk = r.getAttributeValue(null, "StudyEventRepeatKey");
          eventRepeat = rk == null ? 1 : parseInt(rk, s.key, event);
          containerForSig = "event";
        }
        case "FormData" -> {
          form = r.getAttributeValue(null, "FormOID");
          formKey = r.getAttributeValue(null, "FormRepeatKey");
          containerForSig = "form";
        }
        case "ItemGroupData" -> {
          group = r.getAttributeValue(null, "ItemGroupOID");
          String rk = r.getAttributeValue(null, "ItemGroupRepeatKey");
          groupRepeat = rk == null ? 1 : parseInt(rk, s.key, group);
        }
        case "ItemData" -> {
          String oid = r.getAttributeValue(null, "ItemOID");
          itemTt = r.getAttributeValue(null, "TransactionType");
          itemValue = r.getAttributeValue(null, "Value");
          containerForSig = "item";
          if (OdmStudy.RANDOMIZATION_GROUP.equals(group)) {
            s.randomization(oid, itemValue, this);
            item = null;
            continue;
          }
          item = ref(s.key, event, eventRepeat, form, formKey, group, groupRepeat, oid);
          itemOk = item != null && ("Remove".equals(itemTt) || "Context".equals(itemTt) || itemValue == null
              || valid(s.key, item, itemValue));
          if (itemValue == null && !"Remove".equals(itemTt)) {
            itemTt = "Context";
          }
        }
        case "AuditRecord" -> {
          pending = new Pending();
          pending.audit = auditRecord(r);
          depth--;
        }
        case "Signature" -> {
          String[] sig = signature(r);
          depth--;
          if (containerForSig.equals("form") && form != null) {
            s.signatures.add(new SignatureRecord(strip(form, "F."), OdmStudy.visit(event), eventRepeat, formKey,
                sig[0], sig[1], sig[2], Instant.parse(sig[3])));
          } else if (containerForSig.equals("subject")) {
            s.signatures.add(new SignatureRecord(null, null, 1, null, sig[0], sig[1], sig[2], Instant.parse(sig[3])));
          }
        }
        case "Annotation" -> {
          QueryRecord q = annotation(r, s.key);
          depth--;
          if (q != null) {
            queries.add(q);
          }
        }
        default -> {
          if (r.getLocalName().startsWith("ItemData") && r.getLocalName().length() > 8) {
            // ODM 1.3.2 typed items (ItemDataString, ItemDataInteger, ...): the value is the element's text
            String oid = r.getAttributeValue(null, "ItemOID");
            String tt = r.getAttributeValue(null, "TransactionType");
            String v = r.getElementText();
            depth--;
            if (OdmStudy.RANDOMIZATION_GROUP.equals(group)) {
              s.randomization(oid, v, this);
            } else {
              FieldRef ref = ref(s.key, event, eventRepeat, form, formKey, group, groupRepeat, oid);
              if (ref != null && ("Remove".equals(tt) || valid(s.key, ref, v))) {
                s.apply(ref, tt, v);
              }
            }
          }
        }
      }
    }
  }

  private static final class Pending {
    String[] audit;
  }

  /** user, site, time, reason, source id. Leaves the reader on the AuditRecord's end tag. */
  private static String[] auditRecord(XMLStreamReader r) throws XMLStreamException {
    String[] out = new String[5];
    while (!(r.next() == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("AuditRecord"))) {
      if (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      switch (r.getLocalName()) {
        case "UserRef" -> out[0] = strip(r.getAttributeValue(null, "UserOID"), "USR.");
        case "LocationRef" -> out[1] = strip(r.getAttributeValue(null, "LocationOID"), "LOC.");
        case "DateTimeStamp" -> out[2] = r.getElementText().trim();
        case "ReasonForChange" -> out[3] = r.getElementText();
        case "SourceID" -> out[4] = r.getElementText().trim();
        default -> { }
      }
    }
    return out;
  }

  /** user, site, meaning id, time. */
  private static String[] signature(XMLStreamReader r) throws XMLStreamException {
    String[] out = new String[4];
    while (!(r.next() == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("Signature"))) {
      if (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      switch (r.getLocalName()) {
        case "UserRef" -> out[0] = strip(r.getAttributeValue(null, "UserOID"), "USR.");
        case "LocationRef" -> out[1] = strip(r.getAttributeValue(null, "LocationOID"), "LOC.");
        case "SignatureRef" -> out[2] = strip(r.getAttributeValue(null, "SignatureOID"), "SD.");
        case "DateTimeStamp" -> out[3] = r.getElementText().trim();
        default -> { }
      }
    }
    return out;
  }

  private QueryRecord annotation(XMLStreamReader r, String subjectKey) throws XMLStreamException {
    String comment = null;
    String status = null;
    boolean isQuery = false;
    while (!(r.next() == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("Annotation"))) {
      if (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      switch (r.getLocalName()) {
        case "Comment" -> comment = r.getElementText();
        case "FlagValue" -> status = r.getElementText().trim();
        case "FlagType" -> isQuery = r.getElementText().trim().equals("query");
        default -> { }
      }
    }
    if (!isQuery || comment == null) {
      return null;
    }
    QueryRecord q = QueryText.parse(comment, status, null);
    if (q == null) {
      problems.add(new Problem(subjectKey, "Annotation", "a query annotation whose comment is not in the form "
          + "'query ID raised by USER at TIME: TEXT' was left out"));
    }
    return q;
  }

  private FieldRef ref(String subject, String event, int eventRepeat, String form, String formKey, String group,
      int groupRepeat, String item) {
    String where = form + "[" + formKey + "]/" + item;
    if (event == null || form == null || group == null || item == null) {
      problems.add(new Problem(subject, where, "ItemData outside a StudyEventData/FormData/ItemGroupData"));
      return null;
    }
    if (!event.equals(OdmStudy.LOG_EVENT) && study.protocol().visits().stream()
        .noneMatch(v -> OdmStudy.event(v.id()).equals(event))) {
      problems.add(new Problem(subject, event, "no StudyEventDef " + event + " in protocol " + study.protocol().id()));
      return null;
    }
    String formType = strip(form, "F.");
    FormLayout layout = layouts.get(formType);
    if (layout == null || !form.startsWith("F.")) {
      problems.add(new Problem(subject, where, "no FormDef " + form + " in protocol " + study.protocol().id()));
      return null;
    }
    if (formKey == null) {
      problems.add(new Problem(subject, where, "FormData without a FormRepeatKey"));
      return null;
    }
    String prefix = "IG." + formType + ".";
    FormLayout.Group g = group.startsWith(prefix) ? layout.group(group.substring(prefix.length())) : null;
    if (g == null) {
      problems.add(new Problem(subject, where, "no ItemGroupDef " + group + " in form " + form));
      return null;
    }
    String itemPrefix = "I." + formType + "." + g.id() + ".";
    String field = item.startsWith(itemPrefix) ? item.substring(itemPrefix.length()) : null;
    if (field == null || g.columns().stream().noneMatch(c -> c.id().equals(field))) {
      problems.add(new Problem(subject, where, "no ItemDef " + item + " in item group " + group));
      return null;
    }
    return new FieldRef(formType, OdmStudy.visit(event), eventRepeat, formKey, g.id(), groupRepeat, field);
  }

  /** Checks a value against its item's type, code list, hard range and length (ODM 1.3.2 section 2.13). */
  private boolean valid(String subject, FieldRef ref, String v) {
    FormLayout.Column c = layouts.get(ref.formType()).group(ref.groupId()).columns().stream()
        .filter(x -> x.id().equals(ref.fieldId())).findFirst().orElseThrow();
    String where = OdmStudy.form(ref.formType()) + "[" + ref.formKey() + "]/"
        + OdmStudy.item(ref.formType(), ref.groupId(), ref.fieldId());
    String problem = null;
    try {
      switch (c.dataType()) {
        case "integer" -> {
          BigDecimal n = new BigDecimal(Long.parseLong(v.trim()));
          if (c.range() != null && !c.range().contains(n)) {
            problem = "value " + v + " outside the range " + c.range().describe();
          }
        }
        case "float" -> {
          BigDecimal n = new BigDecimal(v.trim());
          if (c.range() != null && !c.range().contains(n)) {
            problem = "value " + v + " outside the range " + c.range().describe();
          }
        }
        case "date" -> LocalDate.parse(v);
        case "datetime" -> java.time.LocalDateTime.parse(v);
        case "boolean" -> {
          if (!v.equals("true") && !v.equals("false")) {
            problem = "value '" + v + "' is not a boolean (true or false)";
          }
        }
        default -> {
          if (FormLayout.MEDDRA.equals(c.dictionary()) && org.oligotrial.ctcae.Ctcae.v5().code(v).isEmpty()) {
            problem = "value '" + v + "' is not the MedDRA code of a CTCAE v5.0 term";
          } else if (!c.codes().isEmpty() && !c.codes().contains(v)) {
            problem = "value '" + v + "' is not in code list " + OdmStudy.codeList(ref.formType(), ref.fieldId())
                + " (" + String.join(", ", c.codes()) + ")";
          } else if (c.length() != null && v.length() > c.length()) {
            problem = "value of " + v.length() + " characters is longer than " + c.length();
          }
        }
      }
    } catch (NumberFormatException e) {
      problem = "value '" + v + "' is not " + (c.dataType().equals("integer") ? "an integer" : "a number");
    } catch (DateTimeParseException e) {
      problem = "value '" + v + "' is not an ISO 8601 " + (c.dataType().equals("datetime")
          ? "date and time (YYYY-MM-DDThh:mm:ss)" : "date (YYYY-MM-DD)");
    }
    if (problem != null) {
      problems.add(new Problem(subject, where, problem));
      return false;
    }
    return true;
  }

  private int parseInt(String s, String subject, String where) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      problems.add(new Problem(subject, where, "repeat key '" + s + "' is not a number; 1 assumed"));
      return 1;
    }
  }

  private static String strip(String oid, String prefix) {
    return oid != null && oid.startsWith(prefix) ? oid.substring(prefix.length()) : oid;
  }

  /** A subject being read. */
  private static final class Subject {
    final String key;
    String site;
    String arm;
    LocalDate randomizationDate;
    final Map<String, String> strata = new LinkedHashMap<>();
    /** form identity -> group row -> values. */
    final Map<List<Object>, Map<List<Object>, Map<String, String>>> forms = new LinkedHashMap<>();
    final List<AuditEntry> audit = new ArrayList<>();
    final List<SignatureRecord> signatures = new ArrayList<>();
    final List<QueryRecord> queries = new ArrayList<>();

    Subject(String key) {
      this.key = key;
    }

    void randomization(String oid, String value, OdmReader reader) {
      if (value == null) {
        return;
      }
      if (OdmStudy.ARM_ITEM.equals(oid)) {
        arm = value;
      } else if (OdmStudy.RANDDT_ITEM.equals(oid)) {
        try {
          randomizationDate = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
          reader.problems.add(new Problem(key, oid, "value '" + value + "' is not an ISO 8601 date"));
        }
      } else if (oid.startsWith("I.RANDOMIZATION.STRAT.")) {
        strata.put(oid.substring("I.RANDOMIZATION.STRAT.".length()), value);
      } else {
        reader.problems.add(new Problem(key, oid, "no such item in the randomization form"));
      }
    }

    void apply(FieldRef ref, String tt, String value) {
      if ("Context".equals(tt)) {
        forms.computeIfAbsent(List.of(ref.formType(), String.valueOf(ref.visitId()), ref.visitRepeat(),
            ref.formKey()), k -> new LinkedHashMap<>());
        return;
      }
      Map<String, String> row = forms.computeIfAbsent(List.of(ref.formType(), String.valueOf(ref.visitId()),
              ref.visitRepeat(), ref.formKey()), k -> new LinkedHashMap<>())
          .computeIfAbsent(List.of(ref.groupId(), ref.groupRepeat()), k -> new LinkedHashMap<>());
      if ("Remove".equals(tt)) {
        row.remove(ref.fieldId());
      } else {
        row.put(ref.fieldId(), value);
      }
    }

    SubjectRecord build() {
      List<FormRecord> out = new ArrayList<>();
      forms.forEach((k, groups) -> {
        List<GroupRecord> gs = new ArrayList<>();
        groups.forEach((gk, items) -> gs.add(new GroupRecord((String) gk.get(0), (Integer) gk.get(1), items)));
        String visit = (String) k.get(1);
        out.add(new FormRecord((String) k.get(0), visit.equals("null") ? null : visit, (Integer) k.get(2),
            (String) k.get(3), gs));
      });
      return new SubjectRecord(key, site, arm, strata, randomizationDate, out, audit, signatures, queries);
    }
  }
}
