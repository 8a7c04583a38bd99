package org.oligotrial.server.datacapture.endpoints;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oligotrial.endpoints.AnalysisCsv;
import org.oligotrial.endpoints.AnalysisRow;
import org.oligotrial.endpoints.ParticipantEndpoints;
import org.oligotrial.endpoints.TimeToEvent;
import org.oligotrial.protocol.Endpoint;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.randomization.StratificationFactor;

/**
 * One participant's derived endpoints as named text values, the unit of the endpoint audit: every column of the
 * protocol's analysis dataset ({@link AnalysisCsv#columns(Protocol, List)}, less the participant id and the
 * {@code *_months} that only restate the days), plus for each time-to-event endpoint of the protocol, under its
 * column prefix, the date and the reason in words ({@code <prefix>_date}, {@code <prefix>_reason}) and, for an
 * endpoint whose dataset has no source column (overall survival), {@code <prefix>_source}. The names follow the
 * protocol's endpoints in its order, so a trial's audit names its own endpoints. Stateless.
 */
public final class EndpointValues {
  private EndpointValues() {}

  /** The values, in dataset column order, then the details endpoint by endpoint. */
  public static Map<String, String> of(Protocol protocol, ParticipantEndpoints e, List<StratificationFactor> factors) {
    AnalysisRow row = AnalysisRow.of(e, factors);
    String csv = AnalysisCsv.toCsv(protocol, factors, List.of(row));
    String[] lines = csv.split("\n");
    List<String> cols = AnalysisCsv.columns(protocol, factors);
    List<String> cells = split(lines[1]);
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < cols.size() && i < cells.size(); i++) {
      if (!cols.get(i).equals("participant_id") && !cols.get(i).endsWith("_months")) {
        out.put(cols.get(i), cells.get(i));
      }
    }
    for (Endpoint ep : AnalysisCsv.timeToEvent(protocol)) {
      TimeToEvent t = e.endpoint(ep.id());
      String name = ep.columnPrefix();
      out.put(name + "_date", t == null ? "NA" : t.date().toString());
      out.put(name + "_reason", t == null ? "NA" : t.reason());
      if (ep.event().deathOnly()) {
        out.put(name + "_source", t == null ? "NA" : t.source().name());
      }
    }
    return out;
  }

  /** Splits one CSV line (RFC 4180 quoting). */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
