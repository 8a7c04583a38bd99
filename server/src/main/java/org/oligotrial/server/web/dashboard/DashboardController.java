package org.oligotrial.server.web.dashboard;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.participant.ParticipantStatus;
import org.oligotrial.server.participant.RegisterOverview;
import org.oligotrial.server.randomization.AllocationExports;
import org.oligotrial.server.randomization.RandomizationRecord;
import org.oligotrial.server.web.Me;
import org.oligotrial.server.web.WebAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard of the user's sites (all sites for roles that read every site). */
@Controller
class DashboardController {
  private final org.oligotrial.server.scope.CurrentTrial currentTrial;
  private final WebAccess access;
  private final org.oligotrial.server.trial.TrialRegistry trials;

  DashboardController(org.oligotrial.server.scope.CurrentTrial currentTrial, WebAccess access,
      org.oligotrial.server.trial.TrialRegistry trials) {
    this.currentTrial = currentTrial;
    this.trials = trials;
    this.access = access;
  }

  @GetMapping("/dashboard")
  String dashboard(Model m) {
    Actor a = access.actor();
    List<LocalDate> randomized = new ArrayList<>();
    Map<String, int[]> bySite = new TreeMap<>();
    Map<ParticipantStatus, Integer> byStatus = new TreeMap<>();
    Map<String, Integer> reasons = new TreeMap<>();
    // three statements over every participant the user may read, however many (no page of 500, no query per row)
    RegisterOverview o = participants().overview(a);
    for (RegisterOverview.Count c : o.counts()) {
      int[] site = bySite.computeIfAbsent(c.siteCode(), k -> new int[3]);
      site[0] += c.participants();
      byStatus.merge(c.status(), c.participants(), Integer::sum);
      if (c.status() == ParticipantStatus.SCREEN_FAILED) {
        site[1] += c.participants();
      }
    }
    for (RegisterOverview.ScreenFailure f : o.screenFailures()) {
      for (String r : f.reasons()) {
        int colon = r.indexOf(':');
        reasons.merge(colon > 0 ? r.substring(0, colon) : r, 1, Integer::sum);
      }
    }
    for (RegisterOverview.Randomization r : o.randomizations()) {
      randomized.add(LocalDate.ofInstant(r.at(), ZoneOffset.UTC));
      bySite.computeIfAbsent(r.siteCode(), k -> new int[3])[2]++;
    }
    int target = currentTrial.trial().protocol().targetSampleSize();
    Enrollment e = new Enrollment(target, randomized, LocalDate.now(ZoneOffset.UTC));
    m.addAttribute("enrollment", e);
    m.addAttribute("chart", EnrollmentChart.svg(e));
    m.addAttribute("bySite", bySite);
    m.addAttribute("byStatus", byStatus);
    m.addAttribute("reasons", reasons);
    if (Me.of(a).canSeeReports()) {
      // arm balance is for the statistician only: site staff never see allocation counts (allocation concealment)
      Map<String, Map<String, Map<String, Integer>>> balance = new TreeMap<>();
      for (RandomizationRecord r : allocations().allocationLog(a)) {
        r.factors().levels().forEach((factor, level) -> balance.computeIfAbsent(factor, k -> new TreeMap<>())
            .computeIfAbsent(level, k -> new TreeMap<>()).merge(r.arm(), 1, Integer::sum));
      }
      m.addAttribute("balance", balance);
    }
    // serious adverse events still to be reported: the site's investigators, data managers and monitors only
    m.addAttribute("saes", currentTrial.dataCapture().seriousEvents().open(a, null));
    m.addAttribute("screened", bySite.values().stream().mapToInt(s -> s[0]).sum());
    return "dashboard/index";
  }

  /** The participants service of the request's trial (its path's, else the default trial). */
  private ParticipantService participants() {
    return currentTrial.participants();
  }

  /** The allocation exports of the request's trial. */
  private AllocationExports allocations() {
    return new AllocationExports(currentTrial.randomization());
  }
}
