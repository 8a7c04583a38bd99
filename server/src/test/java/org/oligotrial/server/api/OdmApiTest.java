package org.oligotrial.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
 * {@code POST}: the import for data managers, dry run and real run, the file's problems answered with 4xx naming
 * the line or the reason.
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

  private String randomizedAtA() throws Exception {
    String id = register.participants().register(actor("coord.a"), "A", "ODM-" + java.util.UUID.randomUUID()
        .toString().substring(0, 13), RandomizationApiTest.record("wild-type")).participant().id();
    register.participants().recordConsent(actor("coord.a"), id,
        new org.oligotrial.server.participant.Consent("v1", java.time.LocalDate.of(2026, 1, 5), "Dr Li"), null);
    mvc.perform(post("/api/v1/participants/" + id + "/randomization").with(as("inv.a"))
        .contentType("application/json").content("{" + RandomizationApiTest.SIGNED + "}"))
        .andExpect(status().isCreated());
    return id;
  }

  private org.springframework.test.web.servlet.ResultActions importAs(String user, String xml, boolean dryRun,
      String fileName) throws Exception {
    return mvc.perform(post("/api/v1/trials/" + trialId() + "/odm").param("dryRun", String.valueOf(dryRun))
        .param("fileName", fileName).contentType("application/xml").content(xml).with(as(user)));
  }

  @Test
  void dataManagerImportsOverHttpTheDryRunFirstThenTheFileApplied() throws Exception {
    String id = randomizedAtA();
    String xml = mvc.perform(get("/api/v1/odm").param("site", "A").with(as("dm.a"))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    String fileOid = xml.replaceAll("(?s).*FileOID=\"([^\"]+)\".*", "$1");
    // the file as exported changes nothing
    importAs("dm.a", xml, true, "site-a.xml").andExpect(status().isOk())
        .andExpect(jsonPath("$.fileOid").value(fileOid))
        .andExpect(jsonPath("$.changes").isEmpty())
        .andExpect(jsonPath("$.problems").isEmpty())
        .andExpect(jsonPath("$.applied").doesNotExist()); // a dry run applies nothing
    // another system adds the participant's last-known-alive form
    String day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    int at = xml.indexOf("</SubjectData>", xml.indexOf("SubjectKey=\"" + id + "\""));
    String added = xml.substring(0, at) + "<StudyEventData StudyEventOID=\"SE.LOG\"><FormData"
        + " FormOID=\"F.last-known-alive\" FormRepeatKey=\"1\"><ItemGroupData ItemGroupOID=\"IG.last-known-alive.main\">"
        + "<ItemData ItemOID=\"I.last-known-alive.main.date\" Value=\"" + day + "\"/></ItemGroupData></FormData>"
        + "</StudyEventData>" + xml.substring(at);
    importAs("dm.a", added, true, "lka.xml").andExpect(status().isOk())
        .andExpect(jsonPath("$.changes.length()").value(1))
        .andExpect(jsonPath("$.changes[0].subject").value(id))
        .andExpect(jsonPath("$.changes[0].field").value("date"))
        .andExpect(jsonPath("$.changes[0].action").value("INSERT"))
        .andExpect(jsonPath("$.changes[0].after").value(day));
    importAs("dm.a", added, false, "lka.xml").andExpect(status().isOk())
        .andExpect(jsonPath("$.applied.formsEntered").value(1))
        .andExpect(jsonPath("$.applied.formsUpdated").value(0))
        .andExpect(jsonPath("$.applied.notApplied").isEmpty());
    AuditEvent last = register.audit().latest(1).get(0);
    assertThat(last.entry().entityType()).isEqualTo("import");
    assertThat(last.entry().actor()).isEqualTo("dm.a");
    assertThat(last.entry().reason()).isEqualTo("ODM import of lka.xml (FileOID " + fileOid + ")");
    assertThat(last.entry().newValue()).isEqualTo("0 forms updated, 1 entered, 0 not applied");
    // applied once: the same file again changes nothing
    importAs("dm.a", added, true, "lka.xml").andExpect(jsonPath("$.changes").isEmpty());
  }

  @Test
  void aParticipantOfAnotherSiteIsLeftOutOfADataManagersImport() throws Exception {
    String b = eligibleAt("B");
    String xml = mvc.perform(get("/api/v1/odm").with(as("stat"))).andReturn().getResponse().getContentAsString();
    assertThat(xml).contains("SubjectKey=\"" + b + "\"");
    importAs("dm.a", xml, true, "all.xml").andExpect(status().isOk())
        .andExpect(jsonPath("$.problems[?(@ =~ /.*" + b + " SubjectData: a participant of a site that is not yours.*/)]")
            .exists());
  }

  @Test
  void badFilesAreAnswered4xxNamingTheLineOrTheReasonAndNothingIsImported() throws Exception {
    eligibleAt("A");
    String xml = mvc.perform(get("/api/v1/odm").with(as("stat"))).andReturn().getResponse().getContentAsString();
    long before = register.audit().latest(1).get(0).seq();
    // not XML
    importAs("dm.a", "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\">\n<Clinical", true, "x.xml")
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("file"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("line 2")));
    // XML, but not ODM 1.3.2: a SubjectData without its SubjectKey, on the line after the ClinicalData
    String[] lines = xml.split("\n");
    int n = 0;
    while (!lines[n].contains("<SubjectData")) {
      n++;
    }
    String noKey = xml.replaceFirst("<SubjectData SubjectKey=\"[^\"]*\"", "<SubjectData");
    importAs("dm.a", noKey, false, "x.xml").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.allOf(
            org.hamcrest.Matchers.startsWith("file: not a valid ODM 1.3.2 file: line " + (n + 1) + ","),
            org.hamcrest.Matchers.containsString("SubjectKey"))));
    // valid ODM of another study: refused with the reason
    String other = xml.replace("StudyOID=\"ST." + trialId() + "\"", "StudyOID=\"ST.NCT00000000\"");
    importAs("dm.a", other, false, "x.xml").andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("ST.NCT00000000")));
    importAs("dm.a", "", true, "x.xml").andExpect(status().isBadRequest());
    importAs("dm.a", xml, true, "../etc/passwd").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("fileName"));
    // nothing imported: no form or import row since (the sign-ins of the requests are audited rows of their own)
    assertThat(register.audit().latest(50)).filteredOn(e -> e.seq() > before)
        .extracting(e -> e.entry().entityType() + " " + e.entry().action())
        .noneMatch(t -> t.startsWith("form ") || t.startsWith("import ") || t.startsWith("participant "));
  }

  @Test
  void everyRoleButTheDataManagerIsRefusedTheImportAndTheRefusalAudited() throws Exception {
    for (String user : List.of("stat", "inv.a", "coord.a", "mon.a", "admin")) {
      importAs(user, "<ODM/>", true, "x.xml").andExpect(status().isForbidden());
      AuditEvent last = register.audit().latest(1).get(0);
      assertThat(last.entry().actor()).isEqualTo(user);
      assertThat(last.entry().action()).isEqualTo(AuditAction.ACCESS_DENIED);
      assertThat(last.entry().entityType()).isEqualTo("import");
    }
    mvc.perform(post("/api/v1/odm").contentType("application/xml").content("<ODM/>"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void theTrialPathExportsThatTrialsDataNotTheDefaultTrials() throws Exception {
    String b = "NCT01446744";
    synchronized (TrialAuthorizationMatrixTest.class) {
      if (register.trials().find(b).isEmpty()) {
        var admin = org.oligotrial.server.testing.TestRegisters.admin();
        register.trials().add(admin, java.nio.file.Files.readString(java.nio.file.Path.of("..", "protocols",
            "nct01446744.yaml")), "nct01446744.yaml", false);
        register.trials().enrolSite(admin, b, "A");
      }
      if (register.users().find("stat.sabr").isEmpty()) {
        register.users().add(org.oligotrial.server.testing.TestRegisters.admin(), "stat.sabr",
            org.oligotrial.server.kernel.Role.STATISTICIAN, java.util.Set.of(), PASSWORD, null, b);
      }
    }
    String xml = mvc.perform(get("/api/v1/trials/" + b + "/odm").with(as("stat.sabr"))).andExpect(status().isOk())
        .andExpect(header().string("Content-Disposition", "attachment; filename=\"" + b + ".odm.xml\""))
        .andReturn().getResponse().getContentAsString();
    assertThat(xml).contains("StudyOID=\"ST." + b + "\"").doesNotContain("ST." + trialId());
    assertThat(CdiscSchemas.validate(CdiscSchemas.odm(), new StreamSource(new StringReader(xml)))).isEmpty();
    // trial B's import refuses the default trial's file with the reason
    String a = mvc.perform(get("/api/v1/odm").with(as("stat"))).andReturn().getResponse().getContentAsString();
    register.users().find("dm.sabr").ifPresentOrElse(u -> { }, () -> register.users().add(
        org.oligotrial.server.testing.TestRegisters.admin(), "dm.sabr", org.oligotrial.server.kernel.Role.DATA_MANAGER,
        java.util.Set.of("A"), PASSWORD, null, b));
    mvc.perform(post("/api/v1/trials/" + b + "/odm").param("dryRun", "true").contentType("application/xml")
        .content(a).with(as("dm.sabr"))).andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not for ST." + b)));
  }
}
