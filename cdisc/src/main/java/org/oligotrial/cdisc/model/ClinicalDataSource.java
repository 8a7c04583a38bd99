package org.oligotrial.cdisc.model;

import java.util.function.Consumer;

/**
 * Where the clinical data of a trial come from. The server implements it over its database, reading one subject
 * at a time (a JDBC cursor over participants, then that participant's forms, audit rows, signatures and queries);
 * tests and imports implement it over lists. Every exporter in this module reads only through this interface and
 * holds at most one {@link SubjectRecord} at a time.
 *
 * <p>Contract: {@link #forEachSubject} calls the consumer once per subject, in ascending subject key, from the
 * calling thread; a consumer's exception stops the iteration and propagates. The source may be iterated more than
 * once (an SDTM export reads it once per domain group).
 */
public interface ClinicalDataSource {

  /** Users, sites and signature meanings. */
  AdminInfo admin();

  /**
   * Streams the subjects.
   *
   * @param siteCode only the subjects of this site, or null for every site
   * @param consumer called once per subject
   */
  void forEachSubject(String siteCode, Consumer<SubjectRecord> consumer);
}
