package org.oligotrial.server.fhir;

import java.util.LinkedHashMap;
import java.util.Map;
import org.oligotrial.fhir.FieldSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The table {@code screening_provenance} (V87): where each field of a screening version came from. */
final class ProvenanceStore {
  private final JdbcClient jdbc;

  ProvenanceStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String trialId, String participantId, int version, Map<String, FieldSource> provenance) {
    for (Map.Entry<String, FieldSource> e : provenance.entrySet()) {
      FieldSource s = e.getValue();
      jdbc.sql("INSERT INTO screening_provenance (participant_id, version, trial_id, field, resource_type,"
              + " resource_id, element, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(participantId, version, trialId, cut(e.getKey(), 200), cut(s.resourceType(), 64),
              cut(s.id(), 64), cut(s.element(), 200), cut(s.code() == null ? "" : s.code(), 300))
          .update();
    }
  }

  /** The provenance of one screening version, by record field in the order mapped; empty for a typed screening. */
  Map<String, FieldSource> find(String trialId, String participantId, int version) {
    Map<String, FieldSource> out = new LinkedHashMap<>();
    jdbc.sql("SELECT field, resource_type, resource_id, element, code FROM screening_provenance"
            + " WHERE trial_id = ? AND participant_id = ? AND version = ? ORDER BY field")
        .params(trialId, participantId, version)
        .query((rs, n) -> out.put(rs.getString(1), new FieldSource(rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5))))
        .list();
    return out;
  }

  private static String cut(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }
}
