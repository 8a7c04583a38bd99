package org.oligotrial.server.datacapture.visits;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.server.datacapture.SiteGuard;
import org.oligotrial.server.datacapture.forms.FormRepository;
import org.oligotrial.server.datacapture.forms.FormService;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.kernel.AccessPolicy;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.participant.JdbcParticipantReads;
import org.oligotrial.server.participant.ParticipantReads;
import org.oligotrial.server.randomization.RandomizationFacts;
import org.oligotrial.server.randomization.Randomized;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The visit schedule of randomized participants on today's date (from the injected {@link Clock}, UTC): expected
 * visits with their windows and status per participant, and the overdue visits of every participant the actor may
 * read. Thread-safe.
 */
public final class VisitService {
  private final JdbcClient jdbc;
  private final String trialId;
  private final SiteGuard guard;
  private final RandomizationFacts randomization;
  private final FormRepository forms;
  private final VisitSchedule schedule;
  private final Protocol protocol;
  private final Clock clock;

  public VisitService(JdbcClient jdbc, SiteGuard guard, Protocol protocol, RandomizationFacts randomization,
      Clock clock) {
    this.jdbc = jdbc;
    this.guard = guard;
    this.randomization = randomization;
    this.trialId = guard.trialId();
    this.forms = new FormRepository(jdbc, trialId);
    this.schedule = new VisitSchedule(protocol.visits());
    this.protocol = protocol;
    this.clock = clock;
  }

  /** A participant's expected visits. @throws ConflictException (409) when the participant is not randomized */
  public List<ExpectedVisit> forParticipant(Actor actor, String participantId) {
    String site = guard.siteOf(participantId);
    guard.read(actor, site, "participant", participantId);
    Randomized r = randomization.find(participantId).orElseThrow(() -> new ConflictException("participantId",
        "the participant is not randomized: the schedule counts from the randomization date"));
    return expected(r, forms.ofParticipant(participantId));
  }

  /**
   * A participant's expected visits and every stored form of the participant, from one read of the forms (the
   * casebook's grid is drawn from both).
   *
   * @param visits the expected visits, by target date
   * @param forms every form of the participant, by date then creation
   */
  public record Schedule(List<ExpectedVisit> visits, List<StoredForm> forms) {}

  /** The participant's schedule and forms. @throws ConflictException (409) when the participant is not randomized */
  public Schedule schedule(Actor actor, String participantId) {
    String site = guard.siteOf(participantId);
    guard.read(actor, site, "participant", participantId);
    Randomized r = randomization.find(participantId).orElseThrow(() -> new ConflictException("participantId",
        "the participant is not randomized: the schedule counts from the randomization date"));
    List<StoredForm> stored = forms.ofParticipant(participantId);
    return new Schedule(expected(r, stored), stored);
  }

  /**
   * An overdue visit of one participant.
   *
   * @param participantId the participant
   * @param screeningNumber the participant's screening number
   * @param siteCode the site
   * @param visit the overdue visit
   */
  public record OverdueVisit(String participantId, String screeningNumber, String siteCode, ExpectedVisit visit) {}

  /** Overdue visits of every randomized participant at the actor's sites (all sites for those who read all). */
  public List<OverdueVisit> overdue(Actor actor, String siteFilter) {
    if (siteFilter != null) {
      guard.read(actor, siteFilter, "site", siteFilter);
    }
    Collection<String> sites = siteFilter != null ? List.of(siteFilter) : AccessPolicy.readableSites(actor);
    if (sites != null && sites.isEmpty()) {
      return List.of();
    }
    // two statements for every participant the actor may read: their numbers and sites, and all their forms
    Map<String, String[]> participants = new JdbcParticipantReads(jdbc, trialId).atSites(sites).stream()
        .collect(Collectors.toMap(ParticipantReads.Listed::id,
            p -> new String[] {p.id(), p.siteCode(), p.screeningNumber()}));
    Map<String, List<StoredForm>> formsOf = forms.atSites(sites).stream()
        .collect(Collectors.groupingBy(StoredForm::participantId));
    List<OverdueVisit> out = new ArrayList<>();
    for (Randomized r : randomization.all()) {
      String[] p = participants.get(r.participantId());
      if (p == null) {
        continue;
      }
      for (ExpectedVisit v : expected(r, formsOf.getOrDefault(r.participantId(), List.of()))) {
        if (v.status() == VisitStatus.OVERDUE) {
          out.add(new OverdueVisit(r.participantId(), p[2], p[1], v));
        }
      }
    }
    return out;
  }

  private List<ExpectedVisit> expected(Randomized r, List<StoredForm> stored) {
    List<VisitSchedule.Completion> done = new ArrayList<>(stored.stream()
        .filter(f -> f.visitId() != null && f.visitNumber() != null && f.formDate() != null)
        .map(f -> new VisitSchedule.Completion(f.id(), f.visitId(), f.visitNumber(), f.formDate()))
        .toList());
    VisitSchedule.Participant p = FormService.participant(r, stored);
    LocalDate today = LocalDate.now(clock);
    // forms entered before randomization (the tumour baseline) complete their visit here, as the nearest free one
    // an occurrence is taken per form type: a visit may hold several forms (a scan and a questionnaire), one of each
    Set<String> taken = new HashSet<>();
    stored.stream().filter(f -> f.visitId() != null && f.visitNumber() != null)
        .forEach(f -> taken.add(f.formType() + "@" + f.visitId() + "#" + f.visitNumber()));
    for (StoredForm f : stored) {
      List<String> visitIds = protocol.form(f.formType()).map(d -> d.visits()).orElse(List.of());
      if (f.visitId() == null && f.formDate() != null && !visitIds.isEmpty()) {
        String prefix = f.formType() + "@";
        Set<String> ofType = new HashSet<>();
        taken.stream().filter(k -> k.startsWith(prefix)).forEach(k -> ofType.add(k.substring(prefix.length())));
        VisitSchedule.Completion c = schedule.assign(p, visitIds, f.formDate(), ofType, f.id(), today);
        if (c != null) {
          done.add(c);
          taken.add(f.formType() + "@" + c.visitId() + "#" + c.occurrence());
        }
      }
    }
    return schedule.expected(p, done, today);
  }
}
