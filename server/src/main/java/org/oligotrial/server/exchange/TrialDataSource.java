package org.oligotrial.server.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.oligotrial.cdisc.model.AdminInfo;
import org.oligotrial.cdisc.model.AuditEntry;
import org.oligotrial.cdisc.model.ClinicalDataSource;
import org.oligotrial.cdisc.model.FieldRef;
import org.oligotrial.cdisc.model.FormLayout;
import org.oligotrial.cdisc.model.FormRecord;
import org.oligotrial.cdisc.model.FormValues;
import org.oligotrial.cdisc.model.GroupRecord;
import org.oligotrial.cdisc.model.QueryRecord;
import org.oligotrial.cdisc.model.SignatureRecord;
import org.oligotrial.cdisc.model.SubjectRecord;
import org.oligotrial.protocol.FormDefinition;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEvent;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.datacapture.forms.FormService;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.datacapture.queries.DataQuery;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.participant.Participant;
import org.oligotrial.server.participant.ParticipantPage;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.randomization.JdbcRandomizationFacts;
import org.oligotrial.server.randomization.RandomizationFacts;
import org.oligotrial.server.randomization.Randomized;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.user.SignatureMeaning;
import org.oligotrial.server.user.UserAccount;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One trial's data as the CDISC model, read participant by participant through the services that own the tables
 * (participant register, randomization, forms, queries, audit trail, electronic signatures): at most one
 * participant's forms, audit rows and signatures are held at a time; participants are read a page of
 * {@value #PAGE} at a time.
 *
 * <p>An audit row of a form field ({@code values.<field>}) becomes one {@link AuditEntry} per item it sets: a
 * scalar field one, a structured field (lesions) one per row and column, read with {@link FormValues#toGroups}
 * from the row's new value. Its transaction type is {@code Insert} for a created value, {@code Remove} when the new
 * value is empty, else {@code Update}; its {@code hash} is the audit row's chain hash.
 */
public final class TrialDataSource implements ClinicalDataSource {
  static final int PAGE = 200;
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final Register register;
  private final String trialId;
  private final Protocol protocol;
  private final ParticipantService participants;
  private final DataCapture dataCapture;
  private final RandomizationFacts randomization;

  /** The data of the trial whose services are given. */
  public TrialDataSource(Register register, ParticipantService participants, DataCapture dataCapture) {
    this.register = register;
    this.trialId = dataCapture.trialId();
    this.protocol = dataCapture.protocol();
    this.participants = participants;
    this.dataCapture = dataCapture;
    this.randomization = new JdbcRandomizationFacts(register.jdbc(), trialId);
  }

  /** The trial's id. */
  public String trialId() {
    return trialId;
  }

  /** The protocol the forms follow. */
  public Protocol protocol() {
    return protocol;
  }

  /** The reader: an administrator of the server, who reads every site. */
  private static Actor reader() {
    return new Actor("system:exchange", Role.ADMINISTRATOR, Set.of());
  }

  @Override
  public AdminInfo admin() {
    List<String> members = register.users().members(trialId);
    List<AdminInfo.User> users = new ArrayList<>();
    for (UserAccount u : register.users().list()) {
      if (members.contains(u.username())) {
        String site = u.sites().isEmpty() ? null : u.sites().stream().sorted().findFirst().orElse(null);
        users.add(new AdminInfo.User(u.username(), u.fullName() == null ? u.username() : u.fullName(),
            u.role().name().toLowerCase(java.util.Locale.ROOT), site));
      }
    }
    List<String> trialSites = register.trials().sites(trialId);
    List<AdminInfo.Site> sites = register.sites().list().stream().filter(s -> trialSites.contains(s.code()))
        .map(s -> new AdminInfo.Site(s.code(), s.name())).toList();
    List<AdminInfo.SignatureMeaning> meanings = new ArrayList<>();
    for (SignatureMeaning m : SignatureMeaning.values()) {
      meanings.add(new AdminInfo.SignatureMeaning(meaningId(m), m.label(),
          "21 CFR 11.50: " + m.label() + " by electronic signature"));
    }
    return new AdminInfo(users, sites, meanings);
  }

  static String meaningId(SignatureMeaning m) {
    return m.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  @Override
  public void forEachSubject(String siteCode, Consumer<SubjectRecord> consumer) {
    Actor reader = reader();
    for (int page = 0; ; page++) {
      ParticipantPage p = participants.list(reader, siteCode, null, page, PAGE);
      for (Participant x : p.items()) {
        consumer.accept(subject(x));
      }
      if (p.items().size() < PAGE || (long) (page + 1) * PAGE >= p.total()) {
        return;
      }
    }
  }

  /** One participant's record, or empty when the trial holds no such participant. */
  public Optional<SubjectRecord> subject(String participantId) {
    try {
      return Optional.of(subject(participants.history(reader(), participantId).participant()));
    } catch (org.oligotrial.server.kernel.RecordNotFoundException e) {
      return Optional.empty();
    }
  }

  private SubjectRecord subject(Participant p) {
    Randomized r = randomization.find(p.id()).orElse(null);
    var screenings = participants.history(reader(), p.id()).screenings();
    var latest = screenings.isEmpty() ? null : screenings.get(screenings.size() - 1);
    SubjectRecord.Enrolment enrolment = new SubjectRecord.Enrolment(p.screeningNumber(),
        latest == null ? null : latest.recordJson(), latest == null ? null : latest.verdict(), p.status().name(),
        p.consent() == null ? null : p.consent().formVersion(), p.consent() == null ? null : p.consent().date(),
        p.consent() == null ? null : p.consent().obtainedBy());
    List<FormRecord> forms = new ArrayList<>();
    List<AuditEntry> audit = new ArrayList<>();
    List<SignatureRecord> signatures = new ArrayList<>();
    List<QueryRecord> queries = new ArrayList<>();
    for (StoredForm f : dataCapture.forms().list(reader(), p.id())) {
      FormDefinition def = protocol.form(f.formType()).orElse(null);
      if (def == null) {
        continue;
      }
      FormLayout layout = FormLayout.of(def);
      int repeat = f.visitNumber() == null ? 1 : f.visitNumber();
      forms.add(new FormRecord(f.formType(), f.visitId(), repeat, f.id(), FormValues.toGroups(layout,
          f.valuesJson())));
      for (AuditEvent e : register.audit().forRecord(FormService.ENTITY, f.id())) {
        audit.addAll(entries(layout, f, repeat, e));
      }
      for (org.oligotrial.server.user.Signature s : register.signatures().forRecord(FormService.ENTITY, f.id())) {
        signatures.add(new SignatureRecord(f.formType(), f.visitId(), repeat, f.id(), s.username(), f.siteCode(),
            meaningId(s.meaning()), s.signedAt()));
      }
      for (org.oligotrial.server.user.ElectronicSignatures.Imported s
          : register.signatures().importedForRecord(FormService.ENTITY, f.id())) {
        signatures.add(new SignatureRecord(f.formType(), f.visitId(), repeat, f.id(), s.signer(), f.siteCode(),
            s.meaning(), s.signedAt()));
      }
      for (DataQuery q : dataCapture.queries().ofForm(f.id())) {
        String field = q.field() == null ? "" : q.field().replaceFirst("^values\\.", "");
        queries.add(new QueryRecord(new FieldRef(f.formType(), f.visitId(), repeat, f.id(), FormLayout.MAIN, 1,
            field), q.id(), q.status().toLowerCase(java.util.Locale.ROOT), q.text(), q.raisedBy(), q.raisedAt()));
      }
    }
    Map<String, String> strata = r == null ? Map.of() : new LinkedHashMap<>(r.factorLevels());
    return new SubjectRecord(p.id(), p.siteCode(), r == null ? null : r.arm(), strata,
        r == null ? null : r.date(), forms, audit, signatures, queries, null, enrolment);
  }

  private static List<AuditEntry> entries(FormLayout layout, StoredForm f, int repeat, AuditEvent e) {
    var a = e.entry();
    if (a.field() == null || !a.field().startsWith("values.")) {
      return List.of();
    }
    String field = a.field().substring("values.".length());
    String type = a.action() == AuditAction.CREATE ? "Insert" : a.newValue() == null ? "Remove" : "Update";
    String value = a.newValue() != null ? a.newValue() : a.oldValue();
    ObjectNode one = JSON.createObjectNode();
    if (value != null) {
      try {
        var parsed = JSON.readTree(value);
        one.set(field, parsed.isContainer() ? parsed : JSON.getNodeFactory().stringNode(value));
      } catch (RuntimeException notJson) {
        one.put(field, value);
      }
    }
    List<AuditEntry> out = new ArrayList<>();
    for (GroupRecord g : FormValues.toGroups(layout, one.toString())) {
      g.items().forEach((k, v) -> out.add(new AuditEntry(new FieldRef(f.formType(), f.visitId(), repeat, f.id(),
          g.groupId(), g.repeatKey(), k), type, type.equals("Remove") ? null : v, a.actor(), a.siteCode(),
          e.occurredAt(), a.reason(), e.hash())));
    }
    return out;
  }
}
