package org.oligotrial.cdisc.model;

import java.util.List;

/**
 * The administrative data of a trial: who may appear in an audit record or a signature, where, and what a
 * signature means. Small, held in memory.
 *
 * @param users the users (user names are unique)
 * @param sites the sites (codes are unique)
 * @param signatureMeanings the meanings a signature may carry (e.g. "investigator approval of the casebook")
 */
public record AdminInfo(List<User> users, List<Site> sites, List<SignatureMeaning> signatureMeanings) {
  public AdminInfo {
    users = List.copyOf(users);
    sites = List.copyOf(sites);
    signatureMeanings = List.copyOf(signatureMeanings);
  }

  /**
   * A user of the trial system.
   *
   * @param username the sign-in name, unique
   * @param fullName the name in full, or null
   * @param role the role (e.g. {@code investigator}, {@code coordinator}, {@code data-manager})
   * @param siteCode the user's site, or null for a sponsor-level user
   */
  public record User(String username, String fullName, String role, String siteCode) {}

  /**
   * A trial site.
   *
   * @param code the site code, e.g. {@code GZ01}
   * @param name the site in words
   */
  public record Site(String code, String name) {}

  /**
   * What a signature means, shown when signing.
   *
   * @param id a short id, e.g. {@code investigator-approval}
   * @param meaning the meaning in words (21 CFR 11.50(a)(3))
   * @param legalReason the legal statement the signer accepts
   */
  public record SignatureMeaning(String id, String meaning, String legalReason) {}
}
