package org.oligotrial.server.randomization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.randomization.Allocation;
import org.oligotrial.randomization.AllocationReplay;
import org.oligotrial.randomization.AllocationRatio;
import org.oligotrial.randomization.AllocationStep;
import org.oligotrial.randomization.MethodParameters;
import org.oligotrial.randomization.ParticipantFactors;
import org.oligotrial.randomization.ProtocolRandomization;
import org.oligotrial.randomization.RandomizationScheme;
import org.oligotrial.randomization.RandomizationState;
import org.oligotrial.randomization.Randomizer;
import org.oligotrial.randomization.Randomizers;
import org.oligotrial.randomization.SecretSeed;
import org.oligotrial.randomization.StratificationFactor;
import org.oligotrial.server.database.DatabaseUrl;
import org.oligotrial.server.database.Databases;
import org.oligotrial.server.testing.PostgresTestDatabase;
import org.oligotrial.server.testing.TestRegisters;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migration V75 on a database made at V58, on H2 and on PostgreSQL: randomizations stored under the protocol file's
 * former factor ids ({@code therapy, intracranial, thoracic-stage}) are re-keyed to the dataset column names, the
 * trial's state and scheme with them, so that the server configured from today's protocol accepts the trial, every
 * stored allocation replays from the seed, and the records are immutable again afterwards.
 */
class FactorIdMigrationTest {
  private static final String TRIAL = "NCT03119519";

  /** The scheme as the server built it before V75: the protocol file's former ids, the same levels and method. */
  static RandomizationScheme formerScheme() {
    List<StratificationFactor> today = ProtocolRandomization.factors(ProtocolLoader.bundled());
    List<String> former = List.of("histology", "therapy", "intracranial", "metastases", "thoracic-stage");
    List<StratificationFactor> factors = new ArrayList<>();
    for (int f = 0; f < today.size(); f++) {
      factors.add(new StratificationFactor(former.get(f), today.get(f).levels()));
    }
    return new RandomizationScheme(factors, AllocationRatio.equal("RT+", "RT-"),
        MethodParameters.Minimization.equalWeights(5, 0.8));
  }

  @Test
  void onH2() {
    migrateAndCheck(TestRegisters.freshH2Url());
  }

  @Test
  void onPostgres() {
    try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
      migrateAndCheck(db.url());
    }
  }

  private void migrateAndCheck(String url) {
    try (HikariDataSource ds = Databases.open(url, 2)) {
      Flyway.configure().dataSource(ds)
          .locations(Databases.COMMON_LOCATION, "classpath:db/migration/" + DatabaseUrl.vendor(url))
          .target("58").load().migrate();
      JdbcClient jdbc = JdbcClient.create(ds);
      SecretSeed seed = SecretSeed.derivedFrom("V75 migration test");
      RandomizationScheme before = formerScheme();
      List<Allocation> allocations = storeThreeRandomizations(jdbc, before, seed);
      assertThat(allocations.get(0).stratumKey()).startsWith("histology=non-squamous;therapy=targeted;intracranial=");

      Databases.migrate(ds, url);

      RandomizationScheme today = ProtocolRandomization.scheme(ProtocolLoader.bundled());
      RandomizationRepository repo = new RandomizationRepository(jdbc);
      RandomizationRepository.TrialRow trial = repo.trial(TRIAL).orElseThrow();
      // the server compares the stored scheme with its own on every allocation
      assertThat(trial.scheme()).isEqualTo(today.toString());
      assertThat(trial.state().byLevel()).containsKey("first_line=targeted").doesNotContainKey("therapy=targeted");
      assertThat(trial.state().byStratum().keySet()).allMatch(k -> k.contains(";first_line=")
          && k.contains(";brain_metastasis=") && k.contains(";thoracic_stage="));
      List<RandomizationRecord> records = repo.all(TRIAL);
      assertThat(records).hasSize(3);
      assertThat(records.get(0).factors().levels()).containsOnlyKeys("histology", "first_line", "brain_metastasis",
          "metastases", "thoracic_stage");
      for (RandomizationRecord r : records) {
        assertThat(r.stratum()).isEqualTo(today.stratumKey(r.factors()));
      }
      // the same arms from the same seed, on today's ids; and the state is the one the history gives
      Randomizer randomizer = Randomizers.create(today, seed);
      assertThat(AllocationReplay.withSeed(randomizer, records.stream().map(RandomizationRecord::allocation).toList())
          .reproduced()).isTrue();
      assertThat(RandomizationState.fromHistory(today, records.stream().map(RandomizationRecord::allocation).toList()))
          .isEqualTo(trial.state());
      // a plan stored before the protocol held the regimens is read, its category from the former flag
      assertThat(records.get(0).plan().summary()).startsWith("RT");
      List<Randomized> facts = new JdbcRandomizationFacts(jdbc, "NCT03119519").all();
      assertThat(facts).extracting(Randomized::regimenCategory).containsOnly("targeted");
      // the guard is back
      assertThatThrownBy(() -> jdbc.sql("UPDATE randomization SET arm = 'RT-'").update())
          .rootCause().hasMessageContaining("immutable");
    }
  }

  /** Three participants randomized and stored as the server stored them at V58 (former ids, former plan JSON). */
  private static List<Allocation> storeThreeRandomizations(JdbcClient jdbc, RandomizationScheme scheme,
      SecretSeed seed) {
    OffsetDateTime at = OffsetDateTime.of(2026, 1, 5, 10, 0, 0, 0, ZoneOffset.UTC);
    jdbc.sql("INSERT INTO site (code, name, created_at) VALUES ('A', 'site A', :at)").param("at", at).update();
    Randomizer randomizer = Randomizers.create(scheme, seed);
    RandomizationState state = RandomizationState.empty(2);
    jdbc.sql("INSERT INTO randomization_trial (trial_id, method, scheme, allocated, state_json, created_at,"
            + " updated_at) VALUES (:t, 'minimization', :s, 0, :state, :at, :at)")
        .param("t", TRIAL).param("s", scheme.toString()).param("state", AllocationCodec.state(state)).param("at", at)
        .update();
    jdbc.sql("INSERT INTO randomization_seed (trial_id, seed_hex, fingerprint, created_at) VALUES (:t, :h, :f, :at)")
        .param("t", TRIAL).param("h", seed.toHex()).param("f", seed.fingerprint()).param("at", at).update();
    List<Map<String, String>> levels = List.of(
        Map.of("histology", "non-squamous", "therapy", "targeted", "intracranial", "yes", "metastases", "2-5",
            "thoracic-stage", "III"),
        Map.of("histology", "squamous", "therapy", "targeted", "intracranial", "no", "metastases", "1",
            "thoracic-stage", "I-II"),
        Map.of("histology", "non-squamous", "therapy", "targeted", "intracranial", "no", "metastases", "2-5",
            "thoracic-stage", "III"));
    List<Allocation> out = new ArrayList<>();
    for (int i = 0; i < levels.size(); i++) {
      String id = "00000000-0000-0000-0000-00000000000" + i;
      jdbc.sql("INSERT INTO participant (id, site_code, screening_number, screening_number_key, status,"
              + " screening_version, created_at, created_by, row_version) VALUES (:id, 'A', :n, :n, 'RANDOMIZED', 1,"
              + " :at, 'coord.a', 1)")
          .param("id", id).param("n", "V75-" + i).param("at", at).update();
      // factor order as the scheme lists them
      java.util.LinkedHashMap<String, String> ordered = new java.util.LinkedHashMap<>();
      Map<String, String> given = levels.get(i);
      scheme.factors().forEach(f -> ordered.put(f.name(), given.get(f.name())));
      AllocationStep step = randomizer.allocate(state, new ParticipantFactors(ordered));
      state = step.state();
      Allocation a = step.allocation();
      out.add(a);
      // the plan JSON of that time: a radiotherapy object on RT+, a targeted flag
      String plan = "{\"arm\":\"" + a.arm() + "\",\"systemicRegimen\":\"EGFR_TKI\",\"systemicTherapy\":\"EGFR"
          + " tyrosine-kinase inhibitor: gefitinib or erlotinib\",\"targeted\":true,\"radiotherapy\":"
          + (a.arm().equals("RT+") ? "{\"techniques\":[\"3D-CRT\",\"IMRT\"],\"targets\":[],\"timing\":\"t\"}" : "null")
          + ",\"reason\":\"EGFR-sensitising mutation\",\"summary\":\"" + a.arm() + ": EGFR tyrosine-kinase"
          + " inhibitor\"}";
      jdbc.sql("INSERT INTO randomization (participant_id, trial_id, sequence_number, site_code, randomized_at,"
              + " randomized_by, screening_version, factors_json, stratum, method, basis_json, draw, arm_index, arm,"
              + " plan_json) VALUES (:p, :t, :seq, 'A', :at, 'inv.a', 1, :f, :stratum, :m, :basis, :draw, :ai, :arm,"
              + " :plan)")
          .param("p", id).param("t", TRIAL).param("seq", a.sequence()).param("at", at.plusMinutes(i))
          .param("f", AllocationCodec.factors(a.factors())).param("stratum", a.stratumKey()).param("m", a.method())
          .param("basis", AllocationCodec.basis(a.basis()))
          .param("draw", AllocationCodec.draw(a.basis()), java.sql.Types.DOUBLE)
          .param("ai", a.armIndex()).param("arm", a.arm()).param("plan", plan).update();
    }
    jdbc.sql("UPDATE randomization_trial SET allocated = 3, state_json = :s WHERE trial_id = :t")
        .param("s", AllocationCodec.state(state)).param("t", TRIAL).update();
    return out;
  }
}
