package org.oligotrial.server.randomization;

import org.oligotrial.server.kernel.AccessPolicy;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;

/**
 * Who may do what with randomization, in one place.
 *
 * <ul>
 *   <li>preview and read a randomization: whoever may read the participant ({@link AccessPolicy#canRead});
 *   <li>randomize through the web or the REST API: an investigator of the participant's site, who signs
 *       electronically ({@link #canSign}); operator tools and tests may randomize unsigned as an investigator or
 *       coordinator of the site ({@link #canRandomize});
 *   <li>record a deviation note: whoever may change the participant ({@link AccessPolicy#canWrite});
 *   <li>the allocation log and the sealed list: the statistician only. Site users never see them nor anything
 *       about the next allocation.
 * </ul>
 */
public final class RandomizationAccess {
  private RandomizationAccess() {}

  /** Whether the actor may randomize participants of the site. */
  public static boolean canRandomize(Actor a, String siteCode) {
    return (a.role() == Role.INVESTIGATOR || a.role() == Role.COORDINATOR) && a.sites().contains(siteCode);
  }

  /** Whether the actor may sign a randomization of a participant of the site: its investigators. */
  public static boolean canSign(Actor a, String siteCode) {
    return a.role() == Role.INVESTIGATOR && a.sites().contains(siteCode);
  }

  /** Whether the actor may record a deviation note at the site. */
  public static boolean canNoteDeviation(Actor a, String siteCode) {
    return AccessPolicy.canWrite(a, siteCode);
  }

  /** Whether the actor may export the allocation log and the sealed list. */
  public static boolean canExportAllocations(Actor a) {
    return a.role() == Role.STATISTICIAN;
  }
}
