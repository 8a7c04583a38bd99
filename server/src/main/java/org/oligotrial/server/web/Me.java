package org.oligotrial.server.web;

import java.util.List;
import java.util.Locale;
import org.oligotrial.server.kernel.AccessPolicy;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;

/**
 * The signed-in user as every page shows it, with what the role may do (the navigation offers only these).
 *
 * @param actor the actor
 * @param sites the user's sites, sorted; empty for roles that read every site
 */
public record Me(Actor actor, List<String> sites) {
  public static Me of(Actor a) {
    return new Me(a, a.sites().stream().sorted().toList());
  }

  public String username() {
    return actor.username();
  }

  /** The role in words, e.g. "data manager". */
  public String roleLabel() {
    return actor.role().name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** The sites in words: "all sites" or "DEMO1, DEMO2". */
  public String siteLabel() {
    return AccessPolicy.readsAllSites(actor) ? "all sites" : sites.isEmpty() ? "no site" : String.join(", ", sites);
  }

  /** Site staff who screen and enter data. */
  public boolean canScreen() {
    return switch (actor.role()) {
      case INVESTIGATOR, COORDINATOR, DATA_MANAGER -> !sites.isEmpty();
      default -> false;
    };
  }

  /** Only investigators sign randomizations. */
  public boolean canRandomize() {
    return actor.role() == Role.INVESTIGATOR;
  }

  /** Data management views: data managers, monitors and investigators. */
  public boolean canManageData() {
    return switch (actor.role()) {
      case DATA_MANAGER, MONITOR, INVESTIGATOR, COORDINATOR -> true;
      default -> false;
    };
  }

  /** Trial reports (CONSORT, Table 1, Kaplan-Meier, adverse events): the statistician (and the DMC through them). */
  public boolean canSeeReports() {
    return AccessPolicy.canExport(actor);
  }

  /** The DSMB report (comparative efficacy and safety, interim looks): DSMB members only. */
  public boolean canSeeDsmb() {
    return AccessPolicy.canSeeComparative(actor);
  }

  /** Whether the user may write at the site. */
  public boolean writes(String site) {
    return AccessPolicy.canWrite(actor, site);
  }

  /** The sites where the user may screen. */
  public List<String> writableSites() {
    return sites.stream().filter(this::writes).toList();
  }
}
