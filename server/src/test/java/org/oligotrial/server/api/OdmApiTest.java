package org.oligotrial.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.oligotrial.cdisc.schema.CdiscSchemas;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEvent;

/**
 * {@code GET /api/v1/odm} and {@code /api/v1/trials/{id}/odm}: the ODM file for statisticians (every site) and data
 * managers (their sites), 403 for every other role with the refusal in the audit trail, the export audited.
 */
class OdmApiTest extends ApiTestBase {

  private String trialId() {
    return register.trials().defaultTrial().id();
  }

  @Test
  void statisticianGetsTheWholeTrialAsValidOdm() throws Exception {
    String a = eligibleAt("A");
    String b = eligibleAt("B");
    String xml = mvc.perform(get("/api/v1/odm").with(as("stat")))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("application/xml"))
        .andExpect(header().string("Content-Disposition", "attachment; filename=\"" + trialId() + ".odm.xml\""))
        .andReturn().getResponse().getContentAsString();
    assertThat(CdiscSchemas.validate(CdiscSchemas.odm(), new StreamSource(new StringReader(xml)))).isEmpty();
    assertThat(xml).contains("SubjectKey=\"" + a + "\"").contains("SubjectKey=\"" + b + "\"")
        .contains("StudyOID=\"ST." + trialId() + "\"");
    AuditEvent last = register.audit().latest(1).get(0);
    assertThat(last.entry().action()).isEqualTo(AuditAction.EXPORT);
    assertThat(last.entry().actor()).isEqualTo("stat");
    assertThat(last.entry().newValue()).startsWith("snapshot ODM OT." + trialId());
  }

  @Test
  void dataManagerGetsTheirSiteOnlyAndTheTrialPathAnswersToo() throws Exception {
    String a = eligibleAt("A");
    String b = eligibleAt("B");
    String xml = mvc.perform(get("/api/v1/trials/" + trialId() + "/odm").param("transactional", "true")
            .with(as("dm.a")))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("application/xml"))
        .andReturn().getResponse().getContentAsString();
    assertThat(xml).contains("SubjectKey=\"" + a + "\"").doesNotContain("SubjectKey=\"" + b + "\"")
        .contains("FileType=\"Transactional\"");
    mvc.perform(get("/api/v1/odm").param("site", "B").with(as("dm.a"))).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/odm").param("site", "Z9").with(as("stat"))).andExpect(status().is4xxClientError())
        .andExpect(jsonPath("$.field").value("site"));
  }

  @Test
  void everyOtherRoleIsRefusedAndTheRefusalAudited() throws Exception {
    for (String user : List.of("inv.a", "coord.a", "mon.a", "admin")) {
      mvc.perform(get("/api/v1/odm").with(as(user))).andExpect(status().isForbidden());
      AuditEvent last = register.audit().latest(1).get(0);
      assertThat(last.entry().actor()).isEqualTo(user);
      assertThat(last.entry().entityType()).isEqualTo("export");
      assertThat(last.entry().entityId()).isEqualTo("odm");
    }
    mvc.perform(get("/api/v1/odm")).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/trials/NCT00000000/odm").with(as("stat"))).andExpect(status().isNotFound());
  }
}
