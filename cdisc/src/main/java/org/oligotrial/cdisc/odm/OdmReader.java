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
 * <p>Files of other tools: elements are matched by their ODM namespace, whatever its prefix, and elements of other
 * namespaces (vendor extensions such as {@code OpenClinica:...}) are skipped with their content; a {@code FormData}
 * without {@code FormRepeatKey} is key {@value #DEFAULT_FORM_KEY}; {@code IsNull="Yes"} clears the value; an item
 * without {@code AuditRecord} has no audit entry; a {@code DateTimeStamp} with an offset is that instant, one without
 * is UTC; values in another lexical form of the same type are normalised ({@link #normalised}); a
 * {@code AuditRecord} of a {@code FormData} or {@code SubjectData} is not attributed to an item.
 *
 * <p>Refusals ({@link OdmRefusedException}, before any subject is delivered): the root is not ODM; a
 * {@code ClinicalData} whose {@code StudyOID} is not this protocol's study; one whose {@code MetaDataVersionOID} is
 * not this version of the forms ({@link OdmStudy}); a {@code SubjectData} without {@code SubjectKey}; malformed XML
 * (with the line). Problems inside the data (an unknown OID, a value that is not of the item's type, not in its code
 * list or outside its hard range, too long, an unreadable time stamp) are reported through {@link Problem}s naming
 * the line, the subject and the item, and the value is left out. Not thread-safe; XML external entities and DTDs are
 * disabled.
 */
public final class OdmReader {
  private final OdmStudy study;
  private final Map<String, FormLayout> layouts = new LinkedHashMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private String fileOid;
  private String fileType;
  /** The stream being read, for the line numbers of problems. */
  private XMLStreamReader at;

  /**
   * A value or element the reader left out.
   *
   * @param subjectKey the subject, or null
   * @param where the OID path, e.g. {@code F.adverse-event[105]/I.adverse-event.main.grade}
   * @param message the problem in words
   * @param line the line of the file the element starts on (0 when not known)
   */
  public record Problem(String subjectKey, String where, String message, int line) {
    /** A problem not tied to a line of the file. */
    public Problem(String subjectKey, String where, String message) {
      this(subjectKey, where, message, 0);
    }

    @Override
    public String toString() {
      return (line > 0 ? "line " + line + ": " : "") + (subjectKey == null ? "" : subjectKey + " ") + where + ": "
          + message;
    }
  }

  /** The file's header as read. */
  public record Header(String fileOid, String fileType, String studyOid, String metaDataVersionOid) {}

  /** The form key of a {@code FormData} without a {@code FormRepeatKey} (a form that does not repeat). */
  public static final String DEFAULT_FORM_KEY = "1";

  /** The ODM 1.3 namespace; elements of other namespaces (vendor extensions) are skipped. */
  static final String ODM_NS = "http://www.cdisc.org/ns/odm/v1.3";

  private static boolean odm(XMLStreamReader r) {
    return ODM_NS.equals(r.getNamespaceURI());
  }

  public OdmReader(OdmStudy study) {
    this.study = study;
    for (FormDefinition f : study.protocol().forms()) {
      layouts.put(f.id(), FormLayout.of(f));
    }
  }

  private void problem(String subjectKey, String where, String message) {
    problems.add(new Problem(subjectKey, where, message, at == null ? 0 : at.getLocation().getLineNumber()));
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
      at = r;
      r.nextTag();
      if (!r.getLocalName().equals("ODM") || !ODM_NS.equals(r.getNamespaceURI())) {
        throw new OdmRefusedException("not an ODM 1.3 file: the root element is {" + r.getNamespaceURI() + "}"
            + r.getLocalName());
      }
      fileOid = r.getAttributeValue(null, "FileOID");
      fileType = r.getAttributeValue(null, "FileType");
      Subject current = null;
      while (r.hasNext()) {
        int ev = r.next();
        if (ev != XMLStreamConstants.START_ELEMENT || !odm(r)) {
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
            if (key == null || key.isBlank()) {
              throw new OdmRefusedException("line " + r.getLocation().getLineNumber() + ": SubjectData without a"
                  + " SubjectKey; nothing was imported");
            }
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
        String name = odm(r) ? r.getLocalName() : "";
        if (name.equals("ItemData") && item != null) {
          if (itemOk) {
            s.apply(item, itemTt, itemValue);
          }
          if (pending != null && pending.audit != null && itemOk) {
            Instant when = instant(pending.audit[2], s.key, "AuditRecord of " + OdmStudy.item(item.formType(),
                item.groupId(), item.fieldId()));
            if (when != null) {
              s.audit.add(new AuditEntry(item, itemTt == null ? "Upsert" : itemTt,
                  "Remove".equals(itemTt) ? null : itemValue, pending.audit[0], pending.audit[1], when,
                  pending.audit[3], pending.audit[4]));
            }
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
      if (!odm(r)) {
        continue; // a vendor extension (OpenClinica:..., etc.): its content is not data of this protocol
      }
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
          if (formKey == null) {
            formKey = DEFAULT_FORM_KEY; // optional for a form that does not repeat (ODM 1.3.2 section 3.1.3.2)
          }
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
          pending = null; // an AuditRecord of the enclosing FormData or SubjectData is not this item's
          if (!queries.isEmpty()) {
            problem(s.key, form + "[" + formKey + "]", queries.size() + " query annotation(s) not on an item"
                + " left out (queries are raised on a field)");
            queries.clear();
          }
          if (OdmStudy.RANDOMIZATION_GROUP.equals(group)) {
            s.randomization(oid, itemValue, this);
            item = null;
            continue;
          }
          if ("Yes".equals(r.getAttributeValue(null, "IsNull")) && !"Context".equals(itemTt)) {
            itemTt = "Remove"; // ODM 1.3.2 section 3.1.4.2: IsNull="Yes" states that the item has no value
            itemValue = null;
          }
          item = ref(s.key, event, eventRepeat, form, formKey, group, groupRepeat, oid);
          itemOk = item != null;
          if (itemOk && itemValue != null && !"Remove".equals(itemTt) && !"Context".equals(itemTt)) {
            itemValue = accepted(s.key, item, itemValue);
            itemOk = itemValue != null;
          }
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
          Instant when = instant(sig[3], s.key, "Signature");
          if (when == null) {
            continue;
          }
          if (containerForSig.equals("form") && form != null) {
            s.signatures.add(new SignatureRecord(strip(form, "F."), OdmStudy.visit(event), eventRepeat,
                formKey, sig[0], sig[1], sig[2], when));
          } else if (containerForSig.equals("subject")) {
            s.signatures.add(new SignatureRecord(null, null, 1, null, sig[0], sig[1], sig[2], when));
          } else {
            problem(s.key, "Signature", "a signature on a study event or an item is not kept (this system signs forms and"
                + " casebooks)");
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
            boolean isNull = "Yes".equals(r.getAttributeValue(null, "IsNull"));
            String v = r.getElementText();
            depth--;
            if (OdmStudy.RANDOMIZATION_GROUP.equals(group)) {
              s.randomization(oid, v, this);
            } else {
              FieldRef ref = ref(s.key, event, eventRepeat, form, formKey, group, groupRepeat, oid);
              if (ref != null && (isNull || "Remove".equals(tt))) {
                s.apply(ref, "Remove", null);
              } else if (ref != null && !"Context".equals(tt)) {
                String ok = accepted(s.key, ref, v);
                if (ok != null) {
                  s.apply(ref, tt, ok);
                }
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
      problem(subjectKey, "Annotation", "a query annotation whose comment is not in the form "
          + "'query ID raised by USER at TIME: TEXT' was left out");
    }
    return q;
  }

  private FieldRef ref(String subject, String event, int eventRepeat, String form, String formKey, String group,
      int groupRepeat, String item) {
    String where = form + "[" + formKey + "]/" + item;
    if (event == null || form == null || group == null || item == null) {
      problem(subject, where, "ItemData outside a StudyEventData/FormData/ItemGroupData");
      return null;
    }
    if (!event.equals(OdmStudy.LOG_EVENT) && study.protocol().visits().stream()
        .noneMatch(v -> OdmStudy.event(v.id()).equals(event))) {
      problem(subject, event, "no StudyEventDef " + event + " in protocol " + study.protocol().id());
      return null;
    }
    String formType = strip(form, "F.");
    FormLayout layout = layouts.get(formType);
    if (layout == null || !form.startsWith("F.")) {
      problem(subject, where, "no FormDef " + form + " in protocol " + study.protocol().id());
      return null;
    }
    String prefix = "IG." + formType + ".";
    FormLayout.Group g = group.startsWith(prefix) ? layout.group(group.substring(prefix.length())) : null;
    if (g == null) {
      problem(subject, where, "no ItemGroupDef " + group + " in form " + form);
      return null;
    }
    String itemPrefix = "I." + formType + "." + g.id() + ".";
    String field = item.startsWith(itemPrefix) ? item.substring(itemPrefix.length()) : null;
    if (field == null || g.columns().stream().noneMatch(c -> c.id().equals(field))) {
      problem(subject, where, "no ItemDef " + item + " in item group " + group);
      return null;
    }
    return new FieldRef(formType, OdmStudy.visit(event), eventRepeat, formKey, g.id(), groupRepeat, field);
  }

  /**
   * The value in this system's lexical form, or null (with a problem) when it is not valid for its item: checked
   * against the item's type, code list, hard range and length (ODM 1.3.2 section 2.13). The forms another tool may
   * write for the same value are accepted and normalised: surrounding blanks of a number, date or boolean; a
   * boolean {@code 1}/{@code 0}; a date with a time zone ({@code 2024-04-03Z}, {@code 2024-04-03+02:00}, the
   * calendar date kept); a date and time with an offset or fractional seconds (the local clock time as written
   * kept, to the second: the forms record the time on the site's source document, not an instant).
   */
  private String accepted(String subject, FieldRef ref, String raw) {
    FormLayout.Column c = layouts.get(ref.formType()).group(ref.groupId()).columns().stream()
        .filter(x -> x.id().equals(ref.fieldId())).findFirst().orElseThrow();
    String v = normalised(c.dataType(), raw);
    return valid(subject, ref, c, v) ? v : null;
  }

  static String normalised(String dataType, String raw) {
    String v = raw;
    switch (dataType) {
      case "integer", "float" -> v = raw.trim();
      case "boolean" -> {
        v = raw.trim();
        v = v.equals("1") ? "true" : v.equals("0") ? "false" : v;
      }
      case "date" -> {
        v = raw.trim();
        if (v.length() > 10 && v.charAt(4) == '-' && (v.endsWith("Z") || v.charAt(10) == '+'
            || v.charAt(10) == '-')) {
          v = v.substring(0, 10);
        }
      }
      case "datetime" -> {
        v = raw.trim();
        try {
          java.time.temporal.TemporalAccessor t = java.time.format.DateTimeFormatter.ISO_DATE_TIME.parse(v);
          v = java.time.LocalDateTime.from(t).withNano(0).toString();
          if (v.length() == 16) {
            v = v + ":00";
          }
        } catch (DateTimeParseException e) {
          // left as written: the check names it
        }
      }
      default -> { }
    }
    return v;
  }

  /**
   * A {@code DateTimeStamp}: with {@code Z} or an offset it is that instant; without one (xs:dateTime allows it)
   * it is taken as UTC. Null, with a problem, when missing or unreadable.
   */
  private Instant instant(String text, String subject, String where) {
    if (text == null || text.isBlank()) {
      problem(subject, where, "no DateTimeStamp; left out");
      return null;
    }
    try {
      java.time.temporal.TemporalAccessor t = java.time.format.DateTimeFormatter.ISO_DATE_TIME.parse(text.trim());
      return t.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS) ? Instant.from(t)
          : java.time.LocalDateTime.from(t).toInstant(java.time.ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      problem(subject, where, "DateTimeStamp '" + text + "' is not an ISO 8601 date and time; left out");
      return null;
    }
  }

  private boolean valid(String subject, FieldRef ref, FormLayout.Column c, String v) {
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
      problem(subject, where, problem);
      return false;
    }
    return true;
  }

  private int parseInt(String s, String subject, String where) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      problem(subject, where, "repeat key '" + s + "' is not a number; 1 assumed");
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
    /** enrolment item OID -> value. */
    final Map<String, String> enrolment = new LinkedHashMap<>();
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
          reader.problem(key, oid, "value '" + value + "' is not an ISO 8601 date");
        }
      } else if (oid.startsWith("I.RANDOMIZATION.STRAT.")) {
        strata.put(oid.substring("I.RANDOMIZATION.STRAT.".length()), value);
      } else if (OdmStudy.ICFDT_ITEM.equals(oid)) {
        try {
          enrolment.put(oid, LocalDate.parse(value.trim()).toString());
        } catch (DateTimeParseException e) {
          reader.problem(key, oid, "value '" + value + "' is not an ISO 8601 date");
        }
      } else if (List.of(OdmStudy.SCRNUM_ITEM, OdmStudy.SCRREC_ITEM, OdmStudy.SCRVERDICT_ITEM, OdmStudy.STATUS_ITEM, OdmStudy.ICFVER_ITEM,
          OdmStudy.ICFBY_ITEM).contains(oid)) {
        enrolment.put(oid, value);
      } else {
        reader.problem(key, oid, "no such item in the randomization form");
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
      SubjectRecord.Enrolment e = enrolment.isEmpty() ? null : new SubjectRecord.Enrolment(
          enrolment.get(OdmStudy.SCRNUM_ITEM), enrolment.get(OdmStudy.SCRREC_ITEM), enrolment.get(OdmStudy.SCRVERDICT_ITEM),
          enrolment.get(OdmStudy.STATUS_ITEM), enrolment.get(OdmStudy.ICFVER_ITEM),
          enrolment.containsKey(OdmStudy.ICFDT_ITEM) ? LocalDate.parse(enrolment.get(OdmStudy.ICFDT_ITEM)) : null,
          enrolment.get(OdmStudy.ICFBY_ITEM));
      return new SubjectRecord(key, site, arm, strata, randomizationDate, out, audit, signatures, queries, null, e);
    }
  }
}
