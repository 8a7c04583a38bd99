package org.oligotrial.server.api;

import java.util.List;
import org.oligotrial.server.api.ApiModels.AuditEventView;
import org.oligotrial.server.api.ApiModels.ConsentView;
import org.oligotrial.server.api.ApiModels.EligibilityView;
import org.oligotrial.server.api.ApiModels.ParticipantList;
import org.oligotrial.server.api.ApiModels.ParticipantSummary;
import org.oligotrial.server.api.ApiModels.ParticipantView;
import org.oligotrial.server.api.ApiModels.ScreeningView;
import org.oligotrial.server.api.ApiModels.StatusChangeView;
import org.oligotrial.server.api.ApiModels.WithdrawalView;
import org.oligotrial.server.audit.AuditEvent;
import org.oligotrial.server.participant.Participant;
import org.oligotrial.server.participant.ParticipantHistory;
import org.oligotrial.server.participant.ParticipantPage;
import org.oligotrial.server.participant.ScreeningVersion;
import org.oligotrial.server.participant.StatusTransitions;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Maps stored records to API views, and JSON values to text and back. */
@Component
class Views {
  private final JsonMapper json;

  Views(JsonMapper json) {
    this.json = json;
  }

  String json(JsonNode node) {
    return json.writeValueAsString(node);
  }

  ParticipantView of(ParticipantHistory h) {
    Participant p = h.participant();
    List<ScreeningView> screenings = h.screenings().stream().map(this::of).toList();
    EligibilityView current = screenings.isEmpty() ? null : screenings.get(screenings.size() - 1).eligibility();
    return new ParticipantView(
        p.id(), p.siteCode(), p.screeningNumber(), p.status().name(), current,
        p.consent() == null ? null
            : new ConsentView(p.consent().formVersion(), p.consent().date(), p.consent().obtainedBy()),
        p.withdrawal() == null ? null
            : new WithdrawalView(p.withdrawal().date(), p.withdrawal().reason(), p.withdrawal().followUpAllowed()),
        StatusTransitions.nextByStatusChange(p.status()).stream().map(Enum::name).toList(),
        screenings,
        h.statusChanges().stream()
            .map(c -> new StatusChangeView(c.from() == null ? null : c.from().name(), c.to().name(), c.at(), c.by(),
                c.reason()))
            .toList(),
        p.createdAt(), p.createdBy());
  }

  ScreeningView of(ScreeningVersion s) {
    // stored JSON text, written by the server itself: returned as it is
    return new ScreeningView(s.version(), s.recordJson(),
        new EligibilityView(s.verdict(), s.protocolVersion(), s.screenFailureReasons(), s.eligibilityJson()),
        s.enteredAt(), s.enteredBy(), s.reason());
  }

  ParticipantList of(ParticipantPage page) {
    return new ParticipantList(page.items().stream().map(Views::summary).toList(), page.page(), page.size(),
        page.total());
  }

  static ParticipantSummary summary(Participant p) {
    return new ParticipantSummary(p.id(), p.siteCode(), p.screeningNumber(), p.status().name(),
        p.screeningVersion(), p.createdAt());
  }

  static AuditEventView of(AuditEvent e) {
    var x = e.entry();
    return new AuditEventView(e.seq(), e.occurredAt(), x.actor(), x.action().name(), x.entityType(), x.entityId(),
        x.field(), x.oldValue(), x.newValue(), x.reason(), e.hash());
  }
}
