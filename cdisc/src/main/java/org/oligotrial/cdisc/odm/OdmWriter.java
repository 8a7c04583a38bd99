package org.oligotrial.cdisc.odm;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.oligotrial.cdisc.model.AdminInfo;
import org.oligotrial.cdisc.model.AuditEntry;
import org.oligotrial.cdisc.model.ClinicalDataSource;
import org.oligotrial.cdisc.model.FieldRef;
import org.oligotrial.cdisc.model.FormLayout;
import org.oligotrial.cdisc.model.FormRecord;
import org.oligotrial.cdisc.model.GroupRecord;
import org.oligotrial.cdisc.model.QueryRecord;
import org.oligotrial.cdisc.model.SignatureRecord;
import org.oligotrial.cdisc.model.SubjectRecord;

/**
 * Writes an ODM 1.3.2 file with StAX, streaming: the metadata ({@code Study}, {@code AdminData}) first, then one
 * {@code SubjectData} per subject as the {@link ClinicalDataSource} delivers it, flushed after each subject. Memory
 * is bounded by one subject, whatever the trial's size.
 *
 * <p><b>Snapshot</b> ({@code FileType="Snapshot"}): each value once, with the {@code AuditRecord} of its latest
 * change; the latest signature of each form (and of the casebook); every query on a field as an
 * {@code Annotation} on its {@code ItemData} (an {@code IsNull="Yes"} item when the field is empty).
 *
 * <p><b>Transactional</b> ({@code FileType="Transactional"}): the full history, one {@code ItemData} per audit
 * entry, in the order of the audit trail, each inside its own {@code StudyEventData/FormData/ItemGroupData} chain
 * (containers {@code TransactionType="Upsert"}), carrying the entry's {@code TransactionType} and its own
 * {@code AuditRecord} (ODM 1.3.2 section 3.1.3.14 allows one AuditRecord per element, hence one element per change;
 * {@code ClinicalData/AuditRecords} with {@code AuditRecordID} references would need every record held until the
 * end of the document, which a streaming writer cannot do). Every signature is written, each in a
 * {@code TransactionType="Context"} element of its own; every query as an annotated {@code Context} item.
 *
 * <p>{@code SourceID} of an audit record is the audit row's hash; {@code ReasonForChange} its reason. Not
 * thread-safe; {@link #write} may be called from any thread.
 */
public final class OdmWriter {
  private final Xml x;
  private final OdmStudy study;
  private final Counts counts = new Counts();
  private final Map<String, FormLayout> layouts = new HashMap<>();

  private OdmWriter(Xml x, OdmStudy study) {
    this.x = x;
    this.study = study;
  }

  /**
   * What to write.
   *
   * @param fileOid the file's OID
   * @param created the creation time ({@code CreationDateTime})
   * @param transactional true for the full history, false for a snapshot
   * @param siteCode only this site's subjects, or null for every site
   * @param metadata whether to include {@code Study} and {@code AdminData}
   * @param clinicalData whether to include {@code ClinicalData}
   */
  public record Options(String fileOid, Instant created, boolean transactional, String siteCode, boolean metadata,
      boolean clinicalData) {
    public Options {
      Objects.requireNonNull(fileOid, "fileOid");
      Objects.requireNonNull(created, "created");
    }
  }

  /** What was written (for the caller's log and the tests). */
  public static final class Counts {
    public long subjects;
    public long itemData;
    public long auditRecords;
    public long signatures;
    public long annotations;
  }

  /**
   * Writes a file.
   *
   * @param study the protocol's ODM identity
   * @param source the data (streamed)
   * @param options what to write
   * @param out the stream (flushed, not closed)
   * @return the counts of what was written
   */
  public static Counts write(OdmStudy study, ClinicalDataSource source, Options options, OutputStream out) {
    Xml x = new Xml(out);
    OdmWriter w = new OdmWriter(x, study);
    x.start("ODM");
    try {
      x.raw().writeDefaultNamespace("http://www.cdisc.org/ns/odm/v1.3");
    } catch (javax.xml.stream.XMLStreamException e) {
      throw new java.io.UncheckedIOException(new java.io.IOException(e));
    }
    x.attr("ODMVersion", "1.3.2").attr("FileType", options.transactional() ? "Transactional" : "Snapshot")
        .attr("Granularity", options.clinicalData() ? (options.metadata() ? "All" : "AllClinicalData") : "Metadata")
        .attr("FileOID", options.fileOid()).attr("CreationDateTime", options.created().toString())
        .attr("Originator", "OligoTrial").attr("SourceSystem", "OligoTrial");
    OdmMetadataWriter meta = new OdmMetadataWriter(x, study);
    if (options.metadata()) {
      meta.writeStudy();
      meta.writeAdmin(source.admin(), options.created().atZone(ZoneOffset.UTC).toLocalDate().toString());
    }
    if (options.clinicalData()) {
      x.start("ClinicalData").attr("StudyOID", study.studyOid()).attr("MetaDataVersionOID",
          study.metaDataVersionOid());
      source.forEachSubject(options.siteCode(), s -> {
        if (options.transactional()) {
          w.transactional(s);
        } else {
          w.snapshot(s);
        }
        w.counts.subjects++;
        x.flush();
      });
      x.end();
    }
    x.end();
    x.close();
    return w.counts;
  }

  private FormLayout layout(String formType) {
    return layouts.computeIfAbsent(formType, t -> FormLayout.of(study.protocol().form(t)
        .orElseThrow(() -> new IllegalArgumentException("form type " + t + " is not in protocol "
            + study.protocol().id()))));
  }

  // ---- snapshot

  private void snapshot(SubjectRecord s) {
    Map<FieldRef, AuditEntry> latest = new HashMap<>();
    for (AuditEntry a : s.audit()) {
      latest.put(a.ref(), a);
    }
    Map<FieldRef, List<QueryRecord>> queries = new LinkedHashMap<>();
    for (QueryRecord q : s.queries()) {
      queries.computeIfAbsent(q.ref(), k -> new ArrayList<>()).add(q);
    }
    Map<String, SignatureRecord> formSignature = new HashMap<>();
    SignatureRecord casebook = null;
    for (SignatureRecord sig : s.signatures()) {
      if (sig.onCasebook()) {
        casebook = later(casebook, sig);
      } else {
        formSignature.merge(sig.formType() + "\u0000" + sig.formKey(), sig, OdmWriter::later);
      }
    }
    x.start("SubjectData").attr("SubjectKey", s.subjectKey());
    if (casebook != null) {
      signature(casebook, s);
    }
    siteRef(s);
    randomization(s, null);
    Map<String, List<FormRecord>> byEvent = new LinkedHashMap<>();
    for (FormRecord f : s.forms()) {
      byEvent.computeIfAbsent(OdmStudy.event(f.visitId()) + "\u0000" + f.visitRepeat(), k -> new ArrayList<>())
          .add(f);
    }
    for (List<FormRecord> forms : byEvent.values()) {
      FormRecord first = forms.get(0);
      eventStart(first.visitId(), first.visitRepeat(), null);
      for (FormRecord f : forms) {
        x.start("FormData").attr("FormOID", OdmStudy.form(f.formType())).attr("FormRepeatKey", f.formKey());
        SignatureRecord sig = formSignature.get(f.formType() + "\u0000" + f.formKey());
        if (sig != null) {
          signature(sig, s);
        }
        FormLayout layout = layout(f.formType());
        for (FormLayout.Group g : layout.groups()) {
          List<GroupRecord> rows = f.rows(g.id());
          if (rows.isEmpty() && g.id().equals(FormLayout.MAIN)) {
            rows = List.of(new GroupRecord(FormLayout.MAIN, 1, Map.of()));
          }
          for (GroupRecord r : rows) {
            x.start("ItemGroupData").attr("ItemGroupOID", OdmStudy.group(f.formType(), g.id()))
                .attr("ItemGroupRepeatKey", g.repeating() ? r.repeatKey() : null);
            for (FormLayout.Column c : g.columns()) {
              FieldRef ref = new FieldRef(f.formType(), f.visitId(), f.visitRepeat(), f.formKey(), g.id(),
                  r.repeatKey(), c.id());
              String v = r.items().get(c.id());
              List<QueryRecord> qs = queries.remove(ref);
              if (v == null && qs == null) {
                continue;
              }
              x.start("ItemData").attr("ItemOID", OdmStudy.item(f.formType(), g.id(), c.id()));
              if (v == null) {
                x.attr("IsNull", "Yes");
              } else {
                x.attr("Value", v);
              }
              counts.itemData++;
              AuditEntry a = latest.get(ref);
              if (a != null) {
                audit(a, s);
              }
              annotations(qs);
              x.end();
            }
            x.end();
          }
        }
        x.end();
      }
      x.end();
    }
    x.end();
  }

  private static SignatureRecord later(SignatureRecord a, SignatureRecord b) {
    return a == null || !b.time().isBefore(a.time()) ? b : a;
  }

  private void eventStart(String visitId, int repeat, String transactionType) {
    x.start("StudyEventData").attr("StudyEventOID", OdmStudy.event(visitId))
        .attr("StudyEventRepeatKey", visitId == null ? null : repeat).attr("TransactionType", transactionType);
  }

  private void siteRef(SubjectRecord s) {
    if (s.siteCode() != null) {
      x.start("SiteRef").attr("LocationOID", OdmStudy.location(s.siteCode())).end();
    }
  }

  private void randomization(SubjectRecord s, String tt) {
    if (s.arm() == null && s.randomizationDate() == null && s.strata().isEmpty() && s.enrolment() == null) {
      return;
    }
    x.start("StudyEventData").attr("StudyEventOID", OdmStudy.RANDOMIZATION_EVENT).attr("TransactionType", tt);
    x.start("FormData").attr("FormOID", OdmStudy.RANDOMIZATION_FORM).attr("TransactionType", tt);
    x.start("ItemGroupData").attr("ItemGroupOID", OdmStudy.RANDOMIZATION_GROUP).attr("TransactionType", tt);
    if (s.arm() != null) {
      item(OdmStudy.ARM_ITEM, s.arm(), tt);
    }
    if (s.randomizationDate() != null) {
      item(OdmStudy.RANDDT_ITEM, s.randomizationDate().toString(), tt);
    }
    s.strata().forEach((k, v) -> item(OdmStudy.stratum(k), v, tt));
    SubjectRecord.Enrolment e = s.enrolment();
    if (e != null) {
      // how the subject entered the trial: what an import into an empty database registers it with
      enrolmentItem(OdmStudy.SCRNUM_ITEM, e.screeningNumber(), tt);
      enrolmentItem(OdmStudy.SCRVERDICT_ITEM, e.screeningVerdict(), tt);
      enrolmentItem(OdmStudy.SCRREC_ITEM, e.screeningRecord(), tt);
      enrolmentItem(OdmStudy.STATUS_ITEM, e.status(), tt);
      enrolmentItem(OdmStudy.ICFVER_ITEM, e.consentFormVersion(), tt);
      enrolmentItem(OdmStudy.ICFDT_ITEM, e.consentDate() == null ? null : e.consentDate().toString(), tt);
      enrolmentItem(OdmStudy.ICFBY_ITEM, e.consentObtainedBy(), tt);
    }
    x.end().end().end();
  }

  private void enrolmentItem(String oid, String value, String tt) {
    if (value != null) {
      x.start("ItemData").attr("ItemOID", oid).attr("TransactionType", tt).attr("Value", value).end();
    }
  }

  private void item(String oid, String value, String tt) {
    x.start("ItemData").attr("ItemOID", oid).attr("TransactionType", tt).attr("Value", value).end();
    counts.itemData++;
  }

  private void audit(AuditEntry a, SubjectRecord s) {
    x.start("AuditRecord");
    x.start("UserRef").attr("UserOID", OdmStudy.user(a.user())).end();
    x.start("LocationRef").attr("LocationOID", OdmStudy.location(a.siteCode() != null ? a.siteCode() : s.siteCode()))
        .end();
    x.element("DateTimeStamp", a.time().toString());
    if (a.reason() != null && !a.reason().isEmpty()) {
      x.element("ReasonForChange", a.reason());
    }
    if (a.hash() != null) {
      x.element("SourceID", a.hash());
    }
    x.end();
    counts.auditRecords++;
  }

  private void signature(SignatureRecord sig, SubjectRecord s) {
    x.start("Signature");
    x.start("UserRef").attr("UserOID", OdmStudy.user(sig.user())).end();
    x.start("LocationRef").attr("LocationOID",
        OdmStudy.location(sig.siteCode() != null ? sig.siteCode() : s.siteCode())).end();
    x.start("SignatureRef").attr("SignatureOID", OdmStudy.signatureDef(sig.meaningId())).end();
    x.element("DateTimeStamp", sig.time().toString());
    x.end();
    counts.signatures++;
  }

  private void annotations(List<QueryRecord> qs) {
    if (qs == null) {
      return;
    }
    int seq = 1;
    for (QueryRecord q : qs) {
      x.start("Annotation").attr("SeqNum", seq++);
      x.start("Comment").attr("SponsorOrSite", "Sponsor").text(QueryText.format(q)).end();
      x.start("Flag");
      x.start("FlagValue").attr("CodeListOID", "CL.QUERYSTATUS").text(q.status()).end();
      x.start("FlagType").attr("CodeListOID", "CL.FLAGTYPE").text("query").end();
      x.end();
      x.end();
      counts.annotations++;
    }
  }

  // ---- transactional

  private void transactional(SubjectRecord s) {
    x.start("SubjectData").attr("SubjectKey", s.subjectKey()).attr("TransactionType", "Upsert");
    siteRef(s);
    randomization(s, "Upsert");
    List<AuditEntry> entries = new ArrayList<>(s.audit());
    entries.sort(Comparator.comparing(AuditEntry::time)); // stable: equal times keep the trail's order
    for (AuditEntry a : entries) {
      chainStart(a.ref(), "Upsert");
      x.start("ItemData").attr("ItemOID", itemOid(a.ref())).attr("TransactionType", a.transactionType())
          .attr("Value", a.transactionType().equals("Remove") ? null : a.value());
      counts.itemData++;
      audit(a, s);
      x.end();
      chainEnd();
    }
    for (QueryRecord q : s.queries()) {
      chainStart(q.ref(), "Context");
      x.start("ItemData").attr("ItemOID", itemOid(q.ref())).attr("TransactionType", "Context");
      annotations(List.of(q));
      x.end();
      chainEnd();
    }
    for (SignatureRecord sig : s.signatures()) {
      if (sig.onCasebook()) {
        continue;
      }
      eventStart(sig.visitId(), sig.visitRepeat(), "Context");
      x.start("FormData").attr("FormOID", OdmStudy.form(sig.formType())).attr("FormRepeatKey", sig.formKey())
          .attr("TransactionType", "Context");
      signature(sig, s);
      x.end().end();
    }
    x.end();
    for (SignatureRecord sig : s.signatures()) {
      if (sig.onCasebook()) {
        x.start("SubjectData").attr("SubjectKey", s.subjectKey()).attr("TransactionType", "Context");
        signature(sig, s);
        x.end();
      }
    }
  }

  private String itemOid(FieldRef r) {
    return OdmStudy.item(r.formType(), r.groupId(), r.fieldId());
  }

  private void chainStart(FieldRef r, String tt) {
    FormLayout.Group g = layout(r.formType()).group(r.groupId());
    if (g == null) {
      throw new IllegalArgumentException("form " + r.formType() + " has no item group " + r.groupId());
    }
    eventStart(r.visitId(), r.visitRepeat(), tt);
    x.start("FormData").attr("FormOID", OdmStudy.form(r.formType())).attr("FormRepeatKey", r.formKey())
        .attr("TransactionType", tt);
    x.start("ItemGroupData").attr("ItemGroupOID", OdmStudy.group(r.formType(), r.groupId()))
        .attr("ItemGroupRepeatKey", g.repeating() ? r.groupRepeat() : null).attr("TransactionType", tt);
  }

  private void chainEnd() {
    x.end().end().end();
  }

  /** Metadata only (Study and AdminData), for {@code export odm --metadata-only} and Define-style review. */
  public static void writeMetadata(OdmStudy study, AdminInfo admin, String fileOid, Instant created,
      OutputStream out) {
    write(study, new ClinicalDataSource() {
      @Override
      public AdminInfo admin() {
        return admin;
      }

      @Override
      public void forEachSubject(String siteCode, java.util.function.Consumer<SubjectRecord> consumer) {}
    }, new Options(fileOid, created, false, null, true, false), out);
  }
}
