package org.oligotrial.server.web.participants;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.oligotrial.server.kernel.BadInputException;
import org.oligotrial.server.kernel.Identifiers;
import org.oligotrial.server.participant.ParticipantPage;
import org.oligotrial.server.participant.ParticipantStatus;

/**
 * The participants list's parameters as the page takes them, and its pager.
 *
 * <ul>
 *   <li>{@code site}: one of the sites offered in the picker (the user's own sites, or the trial's sites for the roles
 *       that read every site), compared ignoring case and width ({@link Identifiers#key}, as site codes are kept
 *       unique), and given back as stored. A code outside the picker is refused: for a role that reads every site as
 *       400 naming {@code site} (the trial has no such site); for a site-bound role it is passed on, and the
 *       participant service refuses it with 403 and an audited denial, whether or not the site exists elsewhere.
 *   <li>{@code status}: a {@link ParticipantStatus} name in any case, {@code -} for {@code _}; anything else is 400
 *       naming {@code status} (it used to be ignored silently, listing every status).
 *   <li>{@code page}: zero-based; pages hold {@link #PAGE_SIZE} participants by screening number.
 * </ul>
 *
 * <p>The pager shows the first and the last page, and up to {@link #AROUND} pages on each side of the current one,
 * with gaps ({@code null}) between: at most 2 x 3 + 5 = 11 entries whatever the number of pages.
 */
final class ParticipantListing {
  /** Participants on one page. */
  static final int PAGE_SIZE = 50;
  /** Page links shown on each side of the current page. */
  static final int AROUND = 3;

  private ParticipantListing() {}

  /**
   * The site as stored, or null for "all my sites".
   *
   * @param raw the parameter, may be null or blank
   * @param offered the codes in the picker
   * @param readsAllSites whether the user reads every site of the trial
   * @throws BadInputException (400, naming {@code site}) for a code that is not a clean identifier, or not a site of
   *     the trial for a role that reads every site
   */
  static String site(String raw, List<String> offered, boolean readsAllSites) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String cleaned = Identifiers.clean("site", raw);
    String key = Identifiers.key(cleaned);
    for (String code : offered) {
      if (Identifiers.key(code).equals(key)) {
        return code;
      }
    }
    if (readsAllSites) {
      throw new BadInputException("site", "no site " + cleaned + " takes part in this trial");
    }
    return cleaned; // not one of the user's sites: the service refuses it (403, audited)
  }

  /**
   * The status, or null for any.
   *
   * @throws BadInputException (400, naming {@code status}) for a value that is not a status; the message lists the
   *     statuses in words ({@code screen failed}), as the page's filter shows them, and a status so written is read
   */
  static ParticipantStatus status(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    ParticipantStatus st = ParticipantStatus.parse(raw.strip().replace(' ', '_'));
    if (st == null) {
      throw new BadInputException("status", "is not a participant status (one of "
          + Arrays.stream(ParticipantStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT).replace('_', ' '))
              .collect(Collectors.joining(", ")) + ")");
    }
    return st;
  }

  /**
   * The filters of a page link, each followed by {@code &}, URL-encoded, those not in use left out: the pager's links
   * are {@code /participants?} + this + {@code page=n}.
   */
  static String filters(String q, String site, ParticipantStatus status) {
    StringBuilder b = new StringBuilder();
    if (q != null) {
      b.append("q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8)).append('&');
    }
    if (site != null) {
      b.append("site=").append(URLEncoder.encode(site, StandardCharsets.UTF_8)).append('&');
    }
    if (status != null) {
      b.append("status=").append(status.name()).append('&');
    }
    return b.toString();
  }

  /**
   * The pager of a page.
   *
   * @param pages the zero-based page numbers to link, in order, {@code null} where pages are left out
   * @param last the last page (zero-based; 0 when nothing matches)
   * @param pastEnd whether the page asked for lies after the last page
   */
  record Pager(List<Integer> pages, int last, boolean pastEnd) {}

  static Pager pager(ParticipantPage p) {
    int last = p.total() == 0 ? 0 : (int) ((p.total() - 1) / p.size());
    int cur = Math.min(p.page(), last);
    List<Integer> pages = new ArrayList<>();
    pages.add(0);
    int from = Math.max(1, cur - AROUND);
    int to = Math.min(last - 1, cur + AROUND);
    if (from > 1) {
      pages.add(null);
    }
    for (int i = from; i <= to; i++) {
      pages.add(i);
    }
    if (to < last - 1) {
      pages.add(null);
    }
    if (last > 0) {
      pages.add(last);
    }
    return new Pager(pages, last, p.page() > last);
  }
}
