package org.oligotrial.server.randomization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.randomization.AllocationBasis;
import org.oligotrial.randomization.AllocationListExport;
import org.oligotrial.randomization.AllocationReplay;
import org.oligotrial.randomization.ProtocolRandomization;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.TestRegisters;

/**
 * The protocol's alternative method, stratified permuted blocks (2, 4, 6), on a fresh H2 database: 64 concurrent
 * randomizations in four strata take the sealed list's entries in order, exactly as the statistician's list export
 * regenerates them; and a server configured with another method refuses to continue the trial.
 */
class RandomizationWithBlocksOnH2Test {
  static final Protocol PROTOCOL = ProtocolLoader.bundled();
  final Actor coord = new Actor("coord.a", Role.COORDINATOR, Set.of("A"));
  final Actor statistician = new Actor("stat", Role.STATISTICIAN, Set.of());
  HikariDataSource ds;

  @AfterEach
  void close() {
    ds.close();
  }

  @Test
  void concurrentAllocationsFollowTheSealedListEntryByEntry() throws Exception {
    ds = TestRegisters.migrated(TestRegisters.freshH2Url(), 16);
    Register reg = TestRegisters.on(ds);
    reg.sites().add(TestRegisters.admin(), "A", "Site A");
    RandomizationService blocks = RandomizationService.on(reg, PROTOCOL,
        ProtocolRandomization.scheme(PROTOCOL, "permuted-blocks"), Clock.systemUTC());
    AllocationExports exports = new AllocationExports(blocks);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      String record = RandomizationContract.record(i % 2 == 0 ? "squamous" : "adenocarcinoma",
          i % 4 < 2 ? "mutant" : "wild-type", "T1a", "N0", "{\"site\":\"bone\",\"lesions\":1}");
      String id = reg.participants().register(coord, "A", "BL-" + i, record).participant().id();
      reg.participants().recordConsent(coord, id, new Consent("v1", LocalDate.of(2026, 1, 5), "Dr Li"), null);
      ids.add(id);
    }
    ExecutorService pool = Executors.newFixedThreadPool(64);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<RandomizationRecord>> futures = new ArrayList<>();
    for (String id : ids) {
      futures.add(pool.submit(() -> {
        go.await();
        return blocks.randomize(coord, id, null);
      }));
    }
    go.countDown();
    for (Future<RandomizationRecord> f : futures) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();

    List<RandomizationRecord> log = exports.allocationLog(statistician);
    assertThat(log).extracting(RandomizationRecord::sequence)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 64).boxed().toList());
    Map<String, AllocationListExport.Entry> list = new HashMap<>();
    for (AllocationListExport.Entry e : exports.sealedList(statistician, 20)) {
      list.put(e.stratumKey() + "#" + e.position().stratumSequence(), e);
    }
    Map<String, Integer> perStratum = new HashMap<>();
    for (RandomizationRecord r : log) {
      int n = perStratum.merge(r.stratum(), 1, Integer::sum);
      AllocationBasis.ListPosition p = (AllocationBasis.ListPosition) r.basis();
      assertThat(p.stratumSequence()).as("#%d takes the next entry of its stratum", r.sequence()).isEqualTo(n);
      AllocationListExport.Entry sealed = list.get(r.stratum() + "#" + n);
      assertThat(r.arm()).as("#%d", r.sequence()).isEqualTo(sealed.arm());
      assertThat(p).isEqualTo(sealed.position());
    }
    assertThat(perStratum).hasSize(4).allSatisfy((k, v) -> assertThat(v).isEqualTo(16));
    assertThat(AllocationReplay.withSeed(blocks.randomizer(),
        log.stream().map(RandomizationRecord::allocation).toList()).mismatches()).isEmpty();

    RandomizationService minimization = RandomizationService.on(reg, PROTOCOL,
        ProtocolRandomization.scheme(PROTOCOL), Clock.systemUTC());
    String late = reg.participants().register(coord, "A", "BL-late", RandomizationContract.typical())
        .participant().id();
    reg.participants().recordConsent(coord, late, new Consent("v1", LocalDate.of(2026, 1, 5), "Dr Li"), null);
    assertThatThrownBy(() -> minimization.randomize(coord, late, null)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("randomizes with blocks");
  }
}
