package org.oligotrial.server.user;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who works at a site, as other features may ask it (data capture alerts the site's investigators and data managers
 * of a serious adverse event); the user feature owns the {@code user_account}, {@code user_site} and {@code trial_member(_site)} tables, and no
 * other feature names them in SQL ({@code TablesAreReadByTheirOwnerTest}). Thread-safe.
 */
public final class SiteStaff {
  private final JdbcClient jdbc;

  public SiteStaff(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The usernames of the enabled investigators and data managers of {@code siteCode} on trial {@code trialId} (their
   * roles and sites there, V60), in alphabetical order.
   */
  public List<String> investigatorsAndDataManagers(String trialId, String siteCode) {
    return jdbc.sql("SELECT u.username FROM user_account u JOIN trial_member m ON m.username = u.username"
            + " JOIN trial_member_site s ON s.username = m.username AND s.trial_id = m.trial_id"
            + " WHERE m.trial_id = :t AND s.site_code = :site AND u.enabled = TRUE"
            + " AND m.role IN ('INVESTIGATOR', 'DATA_MANAGER') ORDER BY u.username")
        .param("t", trialId)
        .param("site", siteCode)
        .query(String.class)
        .list();
  }
}
