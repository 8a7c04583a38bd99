package org.oligotrial.server.randomization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.oligotrial.randomization.ParticipantFactors;
import org.oligotrial.randomization.RandomizationState;
import org.oligotrial.server.participant.JdbcParticipantReads;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SQL for the randomization tables. Every value is a bound parameter. Callers hold the transaction; {@link
 * #lockTrial} is the per-trial lock that serialises allocations.
 */
final class RandomizationRepository {
  private final JdbcClient jdbc;

  RandomizationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The trial's state row. */
  record TrialRow(String method, String scheme, int allocated, RandomizationState state) {}

  /** The participant's fields randomization checks. */
  record ParticipantRow(String id, String siteCode, String status, int screeningVersion) {}

  boolean trialExists(String trialId) {
    return jdbc.sql("SELECT COUNT(*) FROM randomization_trial WHERE trial_id = :t").param("t", trialId)
        .query(Long.class).single() > 0;
  }

  void insertTrial(String trialId, String method, String scheme, RandomizationState empty, String seedHex,
      String fingerprint, Instant now) {
    jdbc.sql("INSERT INTO randomization_trial (trial_id, method, scheme, allocated, state_json, created_at,"
            + " updated_at) VALUES (:t, :m, :s, 0, :state, :at, :at)")
        .param("t", trialId).param("m", method).param("s", scheme).param("state", AllocationCodec.state(empty))
        .param("at", utc(now)).update();
    jdbc.sql("INSERT INTO randomization_seed (trial_id, seed_hex, fingerprint, created_at) VALUES (:t, :h, :f, :at)")
        .param("t", trialId).param("h", seedHex).param("f", fingerprint).param("at", utc(now)).update();
  }

  /** The trial's row, locked until the transaction ends: the per-trial allocation lock. */
  Optional<TrialRow> lockTrial(String trialId) {
    return jdbc.sql("SELECT method, scheme, allocated, state_json FROM randomization_trial WHERE trial_id = :t"
            + " FOR UPDATE")
        .param("t", trialId)
        .query((rs, n) -> new TrialRow(rs.getString(1), rs.getString(2), rs.getInt(3),
            AllocationCodec.state(rs.getString(4))))
        .optional();
  }

  Optional<TrialRow> trial(String trialId) {
    return jdbc.sql("SELECT method, scheme, allocated, state_json FROM randomization_trial WHERE trial_id = :t")
        .param("t", trialId)
        .query((rs, n) -> new TrialRow(rs.getString(1), rs.getString(2), rs.getInt(3),
            AllocationCodec.state(rs.getString(4))))
        .optional();
  }

  void saveState(String trialId, RandomizationState state, Instant now) {
    int n = jdbc.sql("UPDATE randomization_trial SET allocated = :a, state_json = :s, updated_at = :at"
            + " WHERE trial_id = :t AND allocated = :before")
        .param("a", state.allocated()).param("s", AllocationCodec.state(state)).param("at", utc(now))
        .param("t", trialId).param("before", state.allocated() - 1).update();
    if (n != 1) {
      throw new IllegalStateException("the randomization state of " + trialId + " moved under the lock");
    }
  }

  /** The seed, hexadecimal. Read only to build the randomizer and for the statistician's list export. */
  String seedHex(String trialId) {
    return jdbc.sql("SELECT seed_hex FROM randomization_seed WHERE trial_id = :t").param("t", trialId)
        .query(String.class).single();
  }

  /** The participant, row-locked until the transaction ends. */
  Optional<ParticipantRow> lockParticipant(String trialId, String id) {
    return new JdbcParticipantReads(jdbc, trialId).lock(id)
        .map(p -> new ParticipantRow(p.id(), p.siteCode(), p.status(), p.screeningVersion()));
  }

  void insert(String trialId, RandomizationRecord r) {
    jdbc.sql("INSERT INTO randomization (participant_id, trial_id, sequence_number, site_code, randomized_at,"
            + " randomized_by, screening_version, factors_json, stratum, method, basis_json, draw, arm_index, arm,"
            + " plan_json) VALUES (:p, :t, :seq, :site, :at, :by, :sv, :f, :stratum, :m, :basis, :draw, :ai, :arm,"
            + " :plan)")
        .param("p", r.participantId()).param("t", trialId).param("seq", r.sequence()).param("site", r.siteCode())
        .param("at", utc(r.randomizedAt())).param("by", r.randomizedBy()).param("sv", r.screeningVersion())
        .param("f", AllocationCodec.factors(r.factors())).param("stratum", r.stratum()).param("m", r.method())
        .param("basis", AllocationCodec.basis(r.basis()))
        .param("draw", AllocationCodec.draw(r.basis()), Types.DOUBLE)
        .param("ai", r.armIndex()).param("arm", r.arm()).param("plan", AllocationCodec.plan(r.plan()))
        .update();
  }

  /** Whether the participant has a randomization row (typed or imported). */
  boolean exists(String participantId) {
    return jdbc.sql("SELECT COUNT(*) FROM randomization WHERE participant_id = :p").param("p", participantId)
        .query(Integer.class).single() > 0;
  }

  /** The next sequence number of an imported randomization: -1, -2, ... (never a position of the sealed list). */
  int nextImportedSequence(String trialId) {
    Integer min = jdbc.sql("SELECT MIN(sequence_number) FROM randomization WHERE trial_id = :t AND sequence_number < 0")
        .param("t", trialId).query(Integer.class).optional().orElse(null);
    return min == null ? -1 : min - 1;
  }

  /** Inserts an imported randomization: no draw, the basis naming the file. */
  void insertImported(String trialId, String participantId, int sequence, String site, Instant at, String by,
      int screeningVersion, ParticipantFactors factors, String stratum, String method, String source, int armIndex,
      String arm, PlanView plan) {
    String basis = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(
        java.util.Map.of("type", method, "source", source));
    jdbc.sql("INSERT INTO randomization (participant_id, trial_id, sequence_number, site_code, randomized_at,"
            + " randomized_by, screening_version, factors_json, stratum, method, basis_json, draw, arm_index, arm,"
            + " plan_json) VALUES (:p, :t, :seq, :site, :at, :by, :sv, :f, :stratum, :m, :basis, NULL, :ai, :arm,"
            + " :plan)")
        .param("p", participantId).param("t", trialId).param("seq", sequence).param("site", site)
        .param("at", utc(at)).param("by", by).param("sv", screeningVersion)
        .param("f", AllocationCodec.factors(factors)).param("stratum", stratum).param("m", method)
        .param("basis", basis.length() <= 4000 ? basis : basis.substring(0, 4000))
        .param("ai", armIndex).param("arm", arm).param("plan", AllocationCodec.plan(plan))
        .update();
  }

  /**
   * The participant's randomization, drawn here or imported (basis {@link
   * org.oligotrial.randomization.AllocationBasis.Imported}): a participant is randomized either way.
   */
  Optional<RandomizationRecord> find(String participantId) {
    return jdbc.sql("SELECT * FROM randomization WHERE participant_id = :p")
        .param("p", participantId)
        .query((rs, n) -> read(rs)).optional();
  }

  /**
   * Every record of the trial drawn here, in sequence order: the allocation log and its replay. Imported rows
   * (negative sequence numbers, no draw, allocation state untouched) are left out.
   */
  List<RandomizationRecord> all(String trialId) {
    return jdbc.sql("SELECT * FROM randomization WHERE trial_id = :t AND method <> 'imported'"
            + " ORDER BY sequence_number").param("t", trialId)
        .query((rs, n) -> read(rs)).list();
  }

  void insertDeviation(String participantId, Deviation d) {
    jdbc.sql("INSERT INTO randomization_deviation (participant_id, seq, note, recorded_at, recorded_by) VALUES (:p,"
            + " :seq, :note, :at, :by)")
        .param("p", participantId).param("seq", d.seq()).param("note", d.note()).param("at", utc(d.recordedAt()))
        .param("by", d.recordedBy()).update();
  }

  List<Deviation> deviations(String participantId) {
    return jdbc.sql("SELECT * FROM randomization_deviation WHERE participant_id = :p ORDER BY seq")
        .param("p", participantId)
        .query((rs, n) -> new Deviation(rs.getInt("seq"), rs.getString("note"), instant(rs, "recorded_at"),
            rs.getString("recorded_by")))
        .list();
  }

  private static RandomizationRecord read(ResultSet rs) throws SQLException {
    return new RandomizationRecord(rs.getString("participant_id"), rs.getInt("sequence_number"),
        rs.getString("site_code"), instant(rs, "randomized_at"), rs.getString("randomized_by"),
        rs.getInt("screening_version"), AllocationCodec.factors(rs.getString("factors_json")),
        rs.getString("stratum"), rs.getString("method"), AllocationCodec.basis(rs.getString("basis_json")),
        rs.getInt("arm_index"), rs.getString("arm"), AllocationCodec.plan(rs.getString("plan_json")));
  }

  private static Instant instant(ResultSet rs, String col) throws SQLException {
    return rs.getObject(col, OffsetDateTime.class).toInstant();
  }

  private static OffsetDateTime utc(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }
}
