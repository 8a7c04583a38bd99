package org.oligotrial.cdisc.odm;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oligotrial.cdisc.model.FieldRef;
import org.oligotrial.cdisc.model.QueryRecord;

/**
 * The text of a query's annotation comment: {@code query {id} raised by {user} at {ISO instant}: {text}}. ODM 1.3.2
 * has no query element; the annotation's {@code Flag} carries the status (code list {@code CL.QUERYSTATUS}) and
 * this fixed form of the comment carries the rest, so that a round trip restores the query.
 */
final class QueryText {
  private static final Pattern FORM =
      Pattern.compile("query (\\S+) raised by (\\S+) at (\\S+): (.*)", Pattern.DOTALL);

  private QueryText() {}

  static String format(QueryRecord q) {
    return "query " + q.id() + " raised by " + q.raisedBy() + " at " + q.raisedAt() + ": " + q.text();
  }

  /** The query of a comment, or null when the comment is not in that form. */
  static QueryRecord parse(String comment, String status, FieldRef ref) {
    Matcher m = FORM.matcher(comment);
    if (!m.matches()) {
      return null;
    }
    return new QueryRecord(ref, m.group(1), status, m.group(4), m.group(2), Instant.parse(m.group(3)));
  }
}
