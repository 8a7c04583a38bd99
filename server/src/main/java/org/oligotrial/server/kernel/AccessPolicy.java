package org.oligotrial.server.kernel;

/**
 * The access rules, in one place.
 *
 * <table>
 *   <caption>Who may do what</caption>
 *   <tr><th>Role</th><th>Read participants</th><th>Change participants</th><th>Manage users, sites</th><th>Export</th></tr>
 *   <tr><td>administrator</td><td>all sites</td><td>no</td><td>yes</td><td>no</td></tr>
 *   <tr><td>investigator, coordinator, data manager</td><td>own sites</td><td>own sites</td><td>no</td><td>no</td></tr>
 *   <tr><td>monitor</td><td>own sites</td><td>no</td><td>no</td><td>no</td></tr>
 *   <tr><td>statistician</td><td>all sites</td><td>no</td><td>no</td><td>yes</td></tr>
 *   <tr><td>DSMB member</td><td>no (the DSMB report only)</td><td>no</td><td>no</td><td>no</td></tr>
 * </table>
 *
 * <p>Results by arm ({@link #seesByArm}): the DSMB always, the statistician after the trial's release, everyone
 * else never; the statistician's exports and reports are pooled until then.
 */
public final class AccessPolicy {
  private AccessPolicy() {}

  /** Whether the actor may read participants of the site. */
  public static boolean canRead(Actor a, String siteCode) {
    return readsAllSites(a) || a.sites().contains(siteCode);
  }

  /** Whether the actor may create or change participants of the site. */
  public static boolean canWrite(Actor a, String siteCode) {
    return switch (a.role()) {
      case INVESTIGATOR, COORDINATOR, DATA_MANAGER -> a.sites().contains(siteCode);
      default -> false;
    };
  }

  /** Whether the actor reads every site (otherwise only {@link Actor#sites()}). */
  public static boolean readsAllSites(Actor a) {
    return a.role() == Role.ADMINISTRATOR || a.role() == Role.STATISTICIAN;
  }

  /**
   * The sites whose participants the actor reads, as the repositories' site filter: null for every site, else the
   * actor's own (empty when the actor has none).
   */
  public static java.util.Set<String> readableSites(Actor a) {
    return readsAllSites(a) ? null : a.sites();
  }

  /** Whether the actor may add users and sites. */
  public static boolean canManage(Actor a) {
    return a.role() == Role.ADMINISTRATOR;
  }

  /** Whether the actor may export participant data. */
  public static boolean canExport(Actor a) {
    return a.role() == Role.STATISTICIAN;
  }

  /**
   * Whether the actor sees the data monitoring committee's comparative (by-arm) efficacy and safety report and the
   * interim looks: DSMB members only.
   */
  public static boolean canSeeComparative(Actor a) {
    return a.role() == Role.DSMB;
  }

  /**
   * Whether the actor sees a trial's efficacy and safety results by arm (Kaplan-Meier curves per arm, log-rank, hazard
   * ratio, toxicity, compliance and Table 1 by arm, the arm column of the analysis dataset): a DSMB member always; the
   * statistician once the trial's comparative results are released ({@code oligotrial trials release-results});
   * nobody else. Before the release the statistician sees the same results pooled over the arms.
   *
   * @param released whether the trial's comparative results are released
   */
  public static boolean seesByArm(Actor a, boolean released) {
    return a.role() == Role.DSMB || released && a.role() == Role.STATISTICIAN;
  }

  /**
   * Whether the actor may record an interim look: a DSMB member, or the statistician, who already receives the
   * analysis dataset with the allocation (the unblinded trial statistician who runs the interim analysis).
   */
  public static boolean canRecordLook(Actor a) {
    return a.role() == Role.DSMB || a.role() == Role.STATISTICIAN;
  }
}
