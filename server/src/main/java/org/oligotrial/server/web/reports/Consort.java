package org.oligotrial.server.web.reports;

import java.util.List;
import java.util.Map;

/**
 * The numbers of a CONSORT 2010 flow diagram, from the register.
 *
 * <ul>
 *   <li>assessed: every candidate registered at screening;
 *   <li>excluded: assessed but not randomized, by reason (each failed criterion of screen failures counts once per
 *       candidate; a candidate failing several criteria counts under each);
 *   <li>allocated: randomized participants by arm;
 *   <li>received treatment: allocated participants whose status ever reached ON_TREATMENT;
 *   <li>lost to follow-up / withdrawn: allocated participants now WITHDRAWN;
 *   <li>analysed: every allocated participant (intention to treat).
 * </ul>
 *
 * @param assessed candidates screened
 * @param excluded candidates not randomized
 * @param excludedReasons reason to count, in display order
 * @param failedCriteria for screen failures: criterion to count
 * @param arms arm codes in protocol order
 * @param allocated arm to count
 * @param treated arm to count
 * @param withdrawn arm to count
 * @param analysed arm to count
 */
public record Consort(int assessed, int excluded, Map<String, Integer> excludedReasons,
    Map<String, Integer> failedCriteria, List<String> arms, Map<String, Integer> allocated,
    Map<String, Integer> treated, Map<String, Integer> withdrawn, Map<String, Integer> analysed) {

  public int randomized() {
    return allocated.values().stream().mapToInt(Integer::intValue).sum();
  }

  static int n(Map<String, Integer> m, String arm) {
    return m.getOrDefault(arm, 0);
  }
}
