package org.oligotrial.server.web.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.oligotrial.protocol.FormDefinition;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.datacapture.forms.CasebookLock;
import org.oligotrial.server.datacapture.forms.SignOff;
import org.oligotrial.server.datacapture.forms.SignOffBlockedException;
import org.oligotrial.server.datacapture.queries.QueryService;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.datacapture.queries.DataQuery;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.participant.Participant;
import org.oligotrial.server.participant.ParticipantPage;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.participant.ParticipantStatus;
import org.oligotrial.server.web.Labels;
import org.oligotrial.server.web.Me;
import org.oligotrial.server.web.WebAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Work lists across the user's sites: queries filtered by site (a picker of the user's sites), form type, status and
 * age, with their age in days; the open queries of each casebook; forms to sign and lock; and each participant's
 * casebook page with its blockers and the one-signature casebook signing.
 */
@Controller
class DataManagementController {
  private final org.oligotrial.server.scope.CurrentTrial currentTrial;
  private final WebAccess access;
  private final Labels labels;

  DataManagementController(org.oligotrial.server.scope.CurrentTrial currentTrial, WebAccess access, Labels labels) {
    this.currentTrial = currentTrial;
    this.access = access;
    this.labels = labels;
  }

  /** How many participants a work list shows; the rest are a link to the participants list with that status. */
  static final int WORK_LIST_ROWS = 50;

  /**
   * One line of a work list.
   *
   * @param participant the participant
   * @param detail what is missing or waited for
   */
  record Item(Participant participant, String detail) {}

  /**
   * A work list of participants in one status: its first {@link #WORK_LIST_ROWS} by screening number and how many
   * there are in all.
   *
   * @param title the heading
   * @param status the status the list holds (the participants list filtered by it shows them all)
   * @param items the first rows
   * @param total how many participants the list holds
   */
  record WorkList(String title, ParticipantStatus status, List<Item> items, long total) {}

  @GetMapping("/data")
  String data(@RequestParam(required = false) String site, @RequestParam(required = false) String form,
      @RequestParam(required = false) String status, @RequestParam(required = false) String age, Model m) {
    Actor a = access.actor();
    access.require(Me.of(a).canManageData(), a, "/data");
    // the participants waiting for a step: the first rows of each list and its count in one statement, so the page
    // costs the same at 200 participants as at 20,000
    Map<ParticipantStatus, ParticipantPage> first = participants().firstByStatus(a, List.of(
        ParticipantStatus.SCREENING, ParticipantStatus.ELIGIBLE, ParticipantStatus.CONSENTED), WORK_LIST_ROWS);
    List<WorkList> lists = List.of(
        workList(first, "Screening with missing data", ParticipantStatus.SCREENING,
            p -> "screening version " + p.screeningVersion() + ": data missing"),
        workList(first, "Eligible, waiting for consent", ParticipantStatus.ELIGIBLE, p -> "eligible since screening"),
        workList(first, "Consented, waiting for randomization", ParticipantStatus.CONSENTED,
            p -> "consent " + p.consent().date()));
    // forms waiting for the investigator's signature, and signed forms waiting for the lock: one statement
    List<StoredForm> toSign = new ArrayList<>();
    List<StoredForm> toLock = new ArrayList<>();
    for (StoredForm f : dc().forms().withStatus(a, java.util.Set.of(StoredForm.ENTERED, StoredForm.SIGNED))) {
      (StoredForm.ENTERED.equals(f.status()) ? toSign : toLock).add(f);
    }
    m.addAttribute("lists", lists);
    // the query filters: a site among the user's (a picker, not free text), a form type, a status, a minimum age
    Set<String> siteChoices = new TreeSet<>(a.sites());
    siteChoices.addAll(dc().queries().sitesWithQueries(a));
    String st = blank(status) == null ? "PENDING" : status;
    String chosenSite = blank(site) != null && siteChoices.contains(site) ? site : null;
    List<DataQuery> queries;
    try {
      queries = dc().queries().list(a, new QueryService.Filter(chosenSite, blank(form), st, days(age)));
    } catch (InvalidFieldException e) {
      // the filter by its label on the page; a status by the words its choices show
      String detail = "status".equals(e.field())
          ? "must be one of " + String.join(", ", QueryService.STATUSES.stream()
              .map(t -> "PENDING".equals(t) ? "open or answered" : labels.of(t)).toList())
          : e.detail();
      m.addAttribute("filterError", FILTER_LABELS.getOrDefault(e.field(), e.field()) + ": " + detail);
      m.addAttribute("filterField", e.field());
      queries = dc().queries().list(a, new QueryService.Filter(null, null, "PENDING", null));
    }
    m.addAttribute("queries", queries);
    m.addAttribute("siteChoices", siteChoices);
    m.addAttribute("formChoices", dc().protocol().forms().stream().map(FormDefinition::id).toList());
    m.addAttribute("statusChoices", QueryService.STATUSES);
    m.addAttribute("filter", Map.of("site", chosenSite == null ? "" : chosenSite, "form", form == null ? "" : form,
        "status", st, "age", age == null ? "" : age));
    m.addAttribute("now", dc().queries().now());
    m.addAttribute("formTypes", dc().queries().formTypes(queries.stream().map(DataQuery::formId)
        .collect(java.util.stream.Collectors.toSet())));
    // the query count of each casebook, open or answered, with the participant's casebook page
    Map<String, Integer> casebooks = new TreeMap<>(dc().queries().pendingByParticipant(a));
    m.addAttribute("casebooks", casebooks);
    m.addAttribute("overdue", dc().visits().overdue(a, null));
    m.addAttribute("toSign", toSign);
    m.addAttribute("toLock", toLock);
    // screening numbers of the participants these lists name, in one statement
    Set<String> named = new java.util.HashSet<>(casebooks.keySet());
    queries.forEach(q -> named.add(q.participantId()));
    toSign.forEach(f -> named.add(f.participantId()));
    toLock.forEach(f -> named.add(f.participantId()));
    m.addAttribute("numbers", participants().screeningNumbers(a, named));
    return "data/index";
  }

  private static WorkList workList(Map<ParticipantStatus, ParticipantPage> first, String title,
      ParticipantStatus status, java.util.function.Function<Participant, String> detail) {
    ParticipantPage page = first.get(status);
    return new WorkList(title, status, page.items().stream().map(p -> new Item(p, detail.apply(p))).toList(),
        page.total());
  }

  /**
   * One participant's casebook: every form with its status, open or answered queries, what blocks its signature and
   * what blocks its lock (each in words: the form's name, the field's label, what is wrong); investigators of the site
   * sign every unsigned form at once, with one password entry; data managers of the site lock every form not yet
   * locked at once.
   */
  @GetMapping("/data/casebooks/{pid}")
  String casebook(@PathVariable String pid, Model m) {
    Actor a = access.actor();
    List<StoredForm> forms = dc().forms().list(a, pid);
    Map<String, Long> pending = new java.util.HashMap<>();
    dc().queries().pendingOfParticipant(pid).forEach(q -> pending.merge(q.formId(), 1L, Long::sum));
    m.addAttribute("pid", pid);
    m.addAttribute("number", participants().history(a, pid).participant().screeningNumber());
    m.addAttribute("forms", forms);
    m.addAttribute("pending", pending);
    m.addAttribute("pendingTotal", pending.values().stream().mapToLong(Long::longValue).sum());
    m.addAttribute("toSign", forms.stream().filter(f -> StoredForm.ENTERED.equals(f.status())).count());
    m.addAttribute("blockers", dc().forms().casebookBlockers(a, pid));
    m.addAttribute("signatures", dc().forms().casebookSignatures(a, pid));
    String site = forms.isEmpty() ? "" : forms.get(0).siteCode();
    m.addAttribute("maySign", a.role() == Role.INVESTIGATOR && a.sites().contains(site));
    boolean mayLock = a.role() == Role.DATA_MANAGER && a.sites().contains(site);
    m.addAttribute("mayLock", mayLock);
    m.addAttribute("toLock", forms.stream().filter(f -> !StoredForm.LOCKED.equals(f.status())).count());
    m.addAttribute("lockBlockers", mayLock ? dc().forms().casebookLockBlockers(a, pid) : List.of());
    m.addAttribute("overridable", dc().protocol().signature().overrideWithReason());
    return "data/casebook";
  }

  @PostMapping("/data/casebooks/{pid}/sign")
  String signCasebook(@PathVariable String pid, @RequestParam(required = false) String password,
      @RequestParam(required = false) String override, Model m) {
    Actor a = access.actor();
    try {
      SignOff.CasebookSignature s = dc().forms().signCasebook(a, pid, password, override);
      return "redirect:/data/casebooks/" + pid + "?signed=" + s.signed().size();
    } catch (InvalidFieldException e) {
      return refused(pid, m, e);
    }
  }

  /** The data manager of the site locks every form of the casebook not locked yet, in one act. */
  @PostMapping("/data/casebooks/{pid}/lock")
  String lockCasebook(@PathVariable String pid, @RequestParam(required = false) String reason,
      @RequestParam(required = false) String override, Model m) {
    Actor a = access.actor();
    try {
      CasebookLock.Locked l = dc().forms().lockCasebook(a, pid, reason, override);
      return "redirect:/data/casebooks/" + pid + "?locked=" + l.locked().size();
    } catch (InvalidFieldException e) {
      return refused(pid, m, e);
    }
  }

  /** The casebook page again with the refusal tied to its field; a list of blockers in words, not the keys. */
  private String refused(String pid, Model m, InvalidFieldException e) {
    String page = casebook(pid, m);
    m.addAttribute("actionError", e instanceof SignOffBlockedException b ? labels.refusal(b) : e.getMessage());
    m.addAttribute("actionField", e.field());
    return page;
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** The query filters' labels on the page, by parameter. */
  private static final Map<String, String> FILTER_LABELS = Map.of("site", "Site", "form", "Form", "status", "Status",
      "age", "Open at least (days)");

  /** The age filter in whole days: a number, or a message naming {@code age}. */
  private static Integer days(String age) {
    if (blank(age) == null) {
      return null;
    }
    try {
      return Integer.valueOf(age.strip());
    } catch (NumberFormatException e) {
      throw new InvalidFieldException("age", "must be a whole number of days");
    }
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
