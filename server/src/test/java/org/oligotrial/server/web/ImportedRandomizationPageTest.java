package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.randomization.ProtocolRandomization;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.exchange.OdmExchange;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.participant.ProtocolScreeningEvaluator;
import org.oligotrial.server.randomization.RandomizationRecord;
import org.oligotrial.server.randomization.RandomizationService;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.TestRegisters;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The randomization page of a participant created by an ODM import (docs/cdisc.md, "Import"): a participant
 * randomized in another database of the trial, exported as transactional ODM and imported here, shows the arm and
 * stratum it was allocated there and that the allocation was imported, not drawn here.
 */
class ImportedRandomizationPageTest extends WebTestBase {
  static final Protocol PROTOCOL = ProtocolLoader.bundled();

  @Test
  void theRandomizationPageOfAnImportedParticipantShowsItsArmMarkedImported() throws Exception {
    RandomizationRecord there;
    byte[] odm;
    try (HikariDataSource source = TestRegisters.migrated(TestRegisters.freshH2Url(), 2)) {
      // the server's evaluator (the real eligibility engine), so that the import screens the record as the source did
      Register from = Register.on(source, new ProtocolScreeningEvaluator(), new BCryptPasswordEncoder(4),
          Clock.systemUTC(), TestRegisters.auditKeys());
      TestRegisters.twoSitesWithOneUserPerRole(from, PASSWORD);
      Actor coord = from.users().find("coord.a").orElseThrow().actor();
      String id = from.participants().register(coord, "A", "IMP-PAGE-1", eligibleRecord("IMP-PAGE-1"))
          .participant().id();
      from.participants().recordConsent(coord, id, new Consent("ICF v1", LocalDate.now().minusDays(1), "Dr Li"),
          null);
      there = RandomizationService.on(from, PROTOCOL, ProtocolRandomization.scheme(PROTOCOL), Clock.systemUTC())
          .randomize(coord, id, null);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      DataCapture dc = DataCapture.on(from, Clock.systemUTC());
      new OdmExchange(from, from.participants(), dc).export(TestRegisters.admin(), true, null, Instant.now(), out);
      odm = out.toByteArray();
    }
    OdmExchange.Applied applied = new OdmExchange(register, register.participants(),
        DataCapture.on(register, Clock.systemUTC()))
        .apply(() -> new ByteArrayInputStream(odm), "elsewhere.xml", "cli:importer");
    assertThat(applied.notApplied()).isEmpty();
    assertThat(applied.participantsCreated()).isOne();

    String id = there.participantId();
    var u = register.users().find("inv.a").orElseThrow();
    String page = mvc.perform(get("/participants/" + id + "/randomization")
        .with(user("inv.a").password(PASSWORD).roles(u.role().name()))).andReturn().getResponse()
        .getContentAsString();
    assertThat(page).contains("id=\"arm\">" + there.arm() + "<")
        .contains("Allocation method: imported").doesNotContain("Stratum " + there.stratum())
        .contains("Randomization imported, not drawn here: ODM import of elsewhere.xml (FileOID ")
        .doesNotContain("Sign and randomize");
    String participant = mvc.perform(get("/participants/" + id)
        .with(user("inv.a").password(PASSWORD).roles(u.role().name()))).andReturn().getResponse()
        .getContentAsString();
    assertThat(participant).contains(">Allocation</a>");
  }
}
