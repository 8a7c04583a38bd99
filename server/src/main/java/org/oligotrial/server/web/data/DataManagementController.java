package org.oligotrial.server.web.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.datacapture.queries.DataQuery;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.participant.Participant;
import org.oligotrial.server.participant.LatestScreening;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.participant.ParticipantStatus;
import org.oligotrial.server.web.Me;
import org.oligotrial.server.web.WebAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Work lists across the user's sites. */
@Controller
class DataManagementController {
  private final org.oligotrial.server.scope.CurrentTrial currentTrial;
  private final WebAccess access;

  DataManagementController(org.oligotrial.server.scope.CurrentTrial currentTrial, WebAccess access) {
    this.currentTrial = currentTrial;
    this.access = access;
  }

  /**
   * One line of a work list.
   *
   * @param participant the participant
   * @param detail what is missing or waited for
   */
  record Item(Participant participant, String detail) {}

  @GetMapping("/data")
  String data(Model m) {
    Actor a = access.actor();
    access.require(Me.of(a).canManageData(), a, "/data");
    Map<String, List<Item>> lists = new LinkedHashMap<>();
    lists.put("Screening with missing data", new ArrayList<>());
    lists.put("Eligible, waiting for consent", new ArrayList<>());
    lists.put("Consented, waiting for randomization", new ArrayList<>());
    Map<String, String> numbers = new java.util.HashMap<>();
    // every participant the user may read, however many, in one statement without the screening texts
    for (LatestScreening v : participants().latestScreenings(a, null)) {
      Participant p = v.participant();
      numbers.put(p.id(), p.screeningNumber());
      if (p.status() == ParticipantStatus.SCREENING) {
        lists.get("Screening with missing data").add(new Item(p, "screening version " + v.version() + " is "
            + v.verdict()));
      } else if (p.status() == ParticipantStatus.ELIGIBLE) {
        lists.get("Eligible, waiting for consent").add(new Item(p, "eligible since screening"));
      } else if (p.status() == ParticipantStatus.CONSENTED) {
        lists.get("Consented, waiting for randomization").add(new Item(p, "consent " + p.consent().date()));
      }
    }
    // forms waiting for the investigator's signature, and signed forms waiting for the lock: one statement
    List<StoredForm> toSign = new ArrayList<>();
    List<StoredForm> toLock = new ArrayList<>();
    for (StoredForm f : dc().forms().withStatus(a, java.util.Set.of(StoredForm.ENTERED, StoredForm.SIGNED))) {
      (StoredForm.ENTERED.equals(f.status()) ? toSign : toLock).add(f);
    }
    m.addAttribute("lists", lists);
    List<DataQuery> queries = new ArrayList<>(dc().queries().list(a, null, DataQuery.OPEN));
    queries.addAll(dc().queries().list(a, null, DataQuery.ANSWERED));
    m.addAttribute("queries", queries);
    m.addAttribute("overdue", dc().visits().overdue(a, null));
    m.addAttribute("toSign", toSign);
    m.addAttribute("toLock", toLock);
    m.addAttribute("numbers", numbers);
    return "data/index";
  }

  /** The participants service of the request's trial (its path's, else the default trial). */
  private ParticipantService participants() {
    return currentTrial.participants();
  }

  /** The dataCapture service of the request's trial (its path's, else the default trial). */
  private DataCapture dc() {
    return currentTrial.dataCapture();
  }
}
