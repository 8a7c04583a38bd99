package org.oligotrial.server.exchange;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oligotrial.cdisc.model.FieldRef;
import org.oligotrial.cdisc.model.FormLayout;
import org.oligotrial.cdisc.model.FormRecord;
import org.oligotrial.cdisc.model.FormValues;
import org.oligotrial.cdisc.model.SubjectRecord;
import org.oligotrial.cdisc.odm.OdmImport;
import org.oligotrial.cdisc.odm.OdmReader;
import org.oligotrial.cdisc.odm.OdmRefusedException;
import org.oligotrial.cdisc.odm.OdmStudy;
import org.oligotrial.cdisc.odm.OdmWriter;
import org.oligotrial.protocol.FormDefinition;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.RecordNotFoundException;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.randomization.RandomizationService;
import org.oligotrial.randomization.ProtocolRandomization;
import org.oligotrial.server.register.Register;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * ODM 1.3.2 export and import of one trial's data.
 *
 * <p>Export streams {@link OdmWriter} over a {@link TrialDataSource} (one participant at a time) and records an
 * {@code EXPORT} audit row naming the file's {@code FileOID}, its kind and its counts.
 *
 * <p>Import is planned first ({@link OdmImport#plan}: what would be inserted, updated or removed, compared with the
 * database's values). Applying reads the file again and saves each form whose values differ through the trial's
 * {@code FormService}, so the same validation, derivations, edit checks and audit apply as to typed data: a changed
 * form is updated with the reason for change {@code ODM import of <file> (FileOID <oid>)}; a form the participant
 * does not have yet is entered. A form the form service refuses is reported (naming subject, form and field) and
 * the others still apply. A participant the database does not hold is created ({@link SubjectImport}) when the file
 * carries its enrolment (screening number and record: the randomization form's enrolment items, as this server
 * exports them), each in one transaction (a step refused, a form the form service refuses, leaves nothing of it and
 * is reported); the plan refuses the whole file, before anything is written, when such a participant's site does
 * not take part in the trial or its arm is not the protocol's. A participant without enrolment items is reported.
 */
public final class OdmExchange {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final Register register;
  private final ParticipantService participants;
  private final DataCapture dataCapture;
  private final TrialDataSource source;
  private RandomizationService randomization;
  private final OdmStudy study;
  private List<NewSubject> creations = List.of();

  /**
   * A participant the database does not hold that the import creates.
   *
   * @param subjectKey the participant id (kept)
   * @param siteCode its site
   * @param screeningNumber its screening number
   * @param arm its arm, or null when not randomized
   * @param forms how many forms it has in the file
   */
  public record NewSubject(String subjectKey, String siteCode, String screeningNumber, String arm, int forms) {
    @Override
    public String toString() {
      return subjectKey + " at site " + siteCode + " (screening number " + screeningNumber
          + (arm == null ? "" : ", arm " + arm) + ", " + forms + " forms)";
    }
  }

  /** The participants the last plan found missing from the database and would create. */
  public List<NewSubject> creations() {
    return creations;
  }

  /** The exchange of the trial whose services are given. */
  public OdmExchange(Register register, ParticipantService participants, DataCapture dataCapture) {
    this.register = register;
    this.participants = participants;
    this.dataCapture = dataCapture;
    this.source = new TrialDataSource(register, participants, dataCapture);
    this.study = OdmStudy.of(dataCapture.protocol());
  }

  /** The trial's data as the CDISC model. */
  public TrialDataSource source() {
    return source;
  }

  /** This trial's ODM identity. */
  public OdmStudy study() {
    return study;
  }

  /**
   * Writes the ODM file and audits the export.
   *
   * @param actor who exports (named in the audit row)
   * @param siteCode only this site's participants, or null for all
   */
  public OdmWriter.Counts export(Actor actor, boolean transactional, String siteCode, Instant now, OutputStream out) {
    String fileOid = "OT." + source.trialId() + "." + now.toString().replaceAll("[^0-9TZ]", "");
    OdmWriter.Counts c = OdmWriter.write(study, source, new OdmWriter.Options(fileOid, now, transactional, siteCode,
        true, true), out);
    register.audit().recordNow(new AuditEntry(actor.username(), AuditAction.EXPORT, "export", "odm", null, null,
        (transactional ? "transactional" : "snapshot") + " ODM " + fileOid + (siteCode == null ? "" : " of site "
            + siteCode) + ": " + c.subjects + " subjects, " + c.itemData + " items, " + c.auditRecords
            + " audit records, " + c.signatures + " signatures", null, siteCode, source.trialId()));
    return c;
  }

  /**
   * The dry run.
   *
   * @throws OdmRefusedException when the file is for another study or protocol version, or not ODM 1.3
   */
  public OdmImport.Plan plan(InputStream in, String fileName) {
    return plan(in, fileName, null);
  }

  /**
   * The dry run for a user of some sites: a participant of another site is left out of the plan (neither its
   * values nor the database's are listed) and named among the problems.
   *
   * @param sites the sites whose participants the plan covers, or null for every site
   * @throws OdmRefusedException when the file is for another study or protocol version, or not ODM 1.3
   */
  public OdmImport.Plan plan(InputStream in, String fileName, Set<String> sites) {
    Map<String, String> outside = new LinkedHashMap<>();
    List<NewSubject> created = new ArrayList<>();
    Set<String> absent = new java.util.HashSet<>();
    List<String> trialSites = register.trials().sites(source.trialId());
    OdmImport.Plan all = OdmImport.plan(study, in, fileName, key -> {
      Optional<SubjectRecord> s = source.subject(key);
      if (s.isPresent() && sites != null && !sites.contains(s.get().siteCode())) {
        outside.put(key, s.get().siteCode());
        return Map.of();
      }
      if (s.isEmpty()) {
        absent.add(key);
      }
      return s.map(OdmImport::values).orElse(null);
    }, s -> {
      if (!absent.contains(s.subjectKey()) || !SubjectImport.creatable(s)) {
        return;
      }
      // checked before anything is written: a refusal leaves the database as it was
      if (!trialSites.contains(s.siteCode())) {
        throw new OdmRefusedException("subject " + s.subjectKey() + ": site " + s.siteCode() + " (LocationOID "
            + OdmStudy.location(s.siteCode()) + ") does not take part in trial " + source.trialId()
            + "; nothing was imported");
      }
      if (sites != null && !sites.contains(s.siteCode())) {
        outside.put(s.subjectKey(), s.siteCode());
        return;
      }
      if (s.arm() != null && dataCapture.protocol().arms().stream().noneMatch(a -> a.id().equals(s.arm()))) {
        throw new OdmRefusedException("subject " + s.subjectKey() + ": arm " + s.arm() + " is not an arm of"
            + " protocol " + dataCapture.protocol().id() + "; nothing was imported");
      }
      created.add(new NewSubject(s.subjectKey(), s.siteCode(), s.enrolment().screeningNumber(), s.arm(),
          s.forms().size()));
    });
    this.creations = List.copyOf(created);
    if (outside.isEmpty()) {
      return all;
    }
    List<OdmReader.Problem> problems = new ArrayList<>(all.problems());
    outside.keySet().forEach(k -> problems.add(new OdmReader.Problem(k, "SubjectData", "a participant of a site"
        + " that is not yours: left out")));
    return new OdmImport.Plan(all.header(), all.reasonForChange(), all.subjects(), all.unchanged(),
        all.changes().stream().filter(c -> !outside.containsKey(c.subjectKey())).toList(), List.copyOf(problems));
  }

  /**
   * What an applied import did.
   *
   * @param plan the dry run it followed
   * @param formsUpdated forms changed (each with the plan's reason for change)
   * @param formsEntered forms the participants did not have yet
   * @param notApplied what was not applied, with the reason
   */
  public record Applied(OdmImport.Plan plan, int formsUpdated, int formsEntered, List<String> notApplied,
      int participantsCreated) {}

  /**
   * Applies the file (read twice: {@code file} gives a fresh stream each time): plans, then saves each changed form
   * through the form service as the data manager {@code username} of every site of the trial.
   *
   * @throws OdmRefusedException when the file is refused (nothing applied)
   */
  public Applied apply(java.util.function.Supplier<InputStream> file, String fileName, String username) {
    Set<String> sites = Set.copyOf(register.trials().sites(source.trialId()));
    return apply(file, fileName, new Actor(username, Role.DATA_MANAGER, sites));
  }

  /**
   * Applies the file as the actor (a data manager): participants of the actor's sites only, the others reported as
   * not applied.
   *
   * @throws OdmRefusedException when the file is refused (nothing applied)
   */
  public Applied apply(java.util.function.Supplier<InputStream> file, String fileName, Actor actor) {
    OdmImport.Plan plan;
    try (InputStream in = file.get()) {
      plan = plan(in, fileName, actor.sites());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String username = actor.username();
    String reason = plan.reasonForChange();
    Map<String, List<OdmImport.Change>> removals = new LinkedHashMap<>();
    for (OdmImport.Change c : plan.changes()) {
      if (c.action() == OdmImport.Action.REMOVE) {
        removals.computeIfAbsent(c.subjectKey() + "\u0000" + c.ref().formKey(), k -> new ArrayList<>()).add(c);
      }
    }
    int[] counts = new int[3];
    Set<String> toCreate = new java.util.HashSet<>();
    creations.forEach(n -> toCreate.add(n.subjectKey()));
    List<String> notApplied = new ArrayList<>();
    try (InputStream in = file.get()) {
      new OdmReader(study).read(in, s -> {
        if (toCreate.contains(s.subjectKey())) {
          createSubject(s, actor, reason, counts, notApplied);
        } else {
          applySubject(s, actor, reason, removals, counts, notApplied);
        }
      });
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    register.audit().recordNow(new AuditEntry(username, AuditAction.UPDATE, "import", "odm", null, null,
        counts[0] + " forms updated, " + counts[1] + " entered, " + notApplied.size() + " not applied"
            + (counts[2] == 0 ? "" : ", " + counts[2] + " participants created"), reason,
        null, source.trialId()));
    return new Applied(plan, counts[0], counts[1], List.copyOf(notApplied), counts[2]);
  }

  private void createSubject(SubjectRecord s, Actor actor, String reason, int[] counts, List<String> notApplied) {
    if (randomization == null) {
      randomization = RandomizationService.on(register, dataCapture.protocol(),
          ProtocolRandomization.scheme(dataCapture.protocol()), java.time.Clock.systemUTC());
    }
    try {
      // one transaction per participant: a step refused leaves nothing of it
      SubjectImport.Created c = register.tx().execute(t -> new SubjectImport(register, participants, dataCapture,
          randomization).create(s, actor, reason));
      counts[2]++;
      counts[1] += c.formsEntered();
      counts[0] += c.formsUpdated();
    } catch (SubjectImport.FormRefused e) {
      notApplied.add("subject " + s.subjectKey() + ": not created: " + e.getMessage());
    } catch (InvalidFieldException e) {
      notApplied.add("subject " + s.subjectKey() + ": not created: " + e.field() + ": " + e.detail());
    } catch (org.oligotrial.server.kernel.SiteAccessDeniedException e) {
      notApplied.add("subject " + s.subjectKey() + ": not created: " + e.getMessage());
    }
  }

  private static String text(JsonNode n) {
    return n.isValueNode() ? n.asString() : n.toString();
  }

  private void applySubject(SubjectRecord s, Actor actor, String reason,
      Map<String, List<OdmImport.Change>> removals, int[] counts, List<String> notApplied) {
    List<StoredForm> have;
    try {
      participants.history(actor, s.subjectKey());
      have = dataCapture.forms().list(actor, s.subjectKey());
    } catch (org.oligotrial.server.kernel.SiteAccessDeniedException e) {
      notApplied.add("subject " + s.subjectKey() + ": a participant of a site that is not yours; its "
          + s.forms().size() + " forms were not applied");
      return;
    } catch (RecordNotFoundException e) {
      if (!s.forms().isEmpty()) {
        notApplied.add("subject " + s.subjectKey() + ": not in the database (participants enter the trial by"
            + " screening and randomization); its " + s.forms().size() + " forms were not applied");
      }
      return;
    }
    for (FormRecord fr : s.forms()) {
      FormDefinition def = dataCapture.protocol().form(fr.formType()).orElse(null);
      if (def == null) {
        continue;
      }
      FormLayout layout = FormLayout.of(def);
      // the database's form the file's form is, matched as the plan matches it
      List<OdmImport.FormId> ids = have.stream().map(f -> new OdmImport.FormId(f.id(), f.formType(), f.visitId(),
          f.visitNumber() == null ? 1 : f.visitNumber())).toList();
      Optional<StoredForm> match = OdmImport.sameForm(new OdmImport.FormId(fr.formKey(), fr.formType(),
          fr.visitId(), fr.visitRepeat()), ids).flatMap(k -> have.stream().filter(f -> f.id().equals(k.key()))
          .findFirst());
      ObjectNode fromFile = (ObjectNode) JSON.readTree(FormValues.toJson(layout, fr.groups()));
      String where = "subject " + s.subjectKey() + " form " + fr.formType() + " [" + fr.formKey() + "]";
      try {
        if (match.isPresent()) {
          StoredForm f = match.get();
          ObjectNode merged = (ObjectNode) JSON.readTree(f.valuesJson());
          ObjectNode stored = (ObjectNode) JSON.readTree(f.valuesJson());
          fromFile.properties().forEach(e -> {
            JsonNode was = stored.get(e.getKey());
            // a value stored as an object (a coded CTCAE term) travels as its JSON text: unchanged when equal
            if (was == null || !text(was).equals(text(e.getValue()))) {
              merged.set(e.getKey(), e.getValue());
            }
          });
          for (OdmImport.Change c : removals.getOrDefault(s.subjectKey() + "\u0000" + f.id(), List.of())) {
            FieldRef r = c.ref();
            if (r.groupId().equals(FormLayout.MAIN)) {
              merged.remove(r.fieldId());
            }
          }
          if (!merged.equals(JSON.readTree(f.valuesJson()))) {
            dataCapture.forms().update(actor, f.id(), merged, reason, f.version());
            counts[0]++;
          }
        } else {
          JsonNode values = fromFile;
          dataCapture.forms().create(actor, s.subjectKey(), fr.formType(), fr.visitId(),
              fr.visitId() == null ? null : fr.visitRepeat(), values);
          counts[1]++;
        }
      } catch (InvalidFieldException e) {
        notApplied.add(where + ": " + e.field() + ": " + e.detail());
      } catch (org.oligotrial.server.kernel.SiteAccessDeniedException e) {
        notApplied.add(where + ": " + e.getMessage());
      }
    }
  }
}
