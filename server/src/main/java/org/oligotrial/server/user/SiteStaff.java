package org.oligotrial.server.user;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who works at a site, as other features may ask it (data capture alerts the site's investigators and data managers
 * of a serious adverse event); the user feature owns the {@code user_account} and {@code user_site} tables, and no
 * other feature names them in SQL ({@code TablesAreReadByTheirOwnerTest}). Thread-safe.
 */
public final class SiteStaff {
  private final JdbcClient jdbc;

  public SiteStaff(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The usernames of the enabled investigators and data managers of {@code siteCode}, in alphabetical order. */
  public List<String> investigatorsAndDataManagers(String siteCode) {
    return jdbc.sql("SELECT u.username FROM user_account u JOIN user_site s ON s.username ="
            + " u.username WHERE s.site_code = :site AND u.enabled = TRUE AND u.role IN ('INVESTIGATOR',"
            + " 'DATA_MANAGER') ORDER BY u.username")
        .param("site", siteCode)
        .query(String.class)
        .list();
  }
}
