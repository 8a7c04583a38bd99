package org.oligotrial.cdisc.odm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.oligotrial.cdisc.model.AuditEntry;
import org.oligotrial.cdisc.model.FieldRef;
import org.oligotrial.cdisc.model.FormLayout;
import org.oligotrial.cdisc.model.SignatureRecord;
import org.oligotrial.cdisc.model.SubjectRecord;
import org.oligotrial.cdisc.schema.CdiscSchemas;
import org.oligotrial.protocol.ProtocolLoader;

/**
 * ODM 1.3.2 files written by hand in the manner of other EDC systems (src/test/resources/.../other-edc: a prefixed
 * snapshot, an OpenClinica-like transactional file with vendor extensions, a file with OIDs the protocol does not
 * know) are read: every expected value below is the one written in the file, normalised as the reader's class
 * comment says.
 */
class OtherEdcFilesTest {
  static final OdmStudy STUDY = OdmStudy.of(ProtocolLoader.bundled());

  static byte[] file(String name) {
    try (InputStream in = OtherEdcFilesTest.class.getResourceAsStream("other-edc/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<SubjectRecord> read(OdmReader reader, byte[] xml) {
    List<SubjectRecord> out = new ArrayList<>();
    reader.read(new ByteArrayInputStream(xml), out::add);
    return out;
  }

  static FieldRef log(String form, String key, String field) {
    return new FieldRef(form, null, 1, key, FormLayout.MAIN, 1, field);
  }

  @Test
  void theHandWrittenFilesFollowTheCurrentFormsVersion() {
    // the files name the forms version of the bundled protocol; a change of the forms makes this fail first
    assertThat(new String(file("prefixed-snapshot.xml"), StandardCharsets.UTF_8))
        .contains("MetaDataVersionOID=\"" + STUDY.metaDataVersionOid() + "\"");
  }

  @Test
  void prefixedSnapshotIsValidAndReadWithItsValuesNormalised() {
    byte[] xml = file("prefixed-snapshot.xml");
    assertThat(CdiscSchemas.validate(CdiscSchemas.odm(), new StreamSource(new ByteArrayInputStream(xml))))
        .isEmpty();
    OdmReader reader = new OdmReader(STUDY);
    List<SubjectRecord> subjects = read(reader, xml);
    assertThat(reader.problems()).isEmpty();
    SubjectRecord s = subjects.get(0);
    assertThat(subjects).hasSize(1);
    assertThat(s.subjectKey()).isEqualTo("GZ01-101");
    assertThat(s.siteCode()).isEqualTo("GZ01");
    assertThat(s.audit()).isEmpty(); // the file has no AuditRecords
    assertThat(OdmImport.values(s)).containsExactlyInAnyOrderEntriesOf(Map.of(
        log("adverse-event", "1", "term"), "Pneumonitis",
        log("adverse-event", "1", "grade"), "2", // " 2 " trimmed
        log("adverse-event", "1", "startDate"), "2024-04-01", // "2024-04-01+08:00": the calendar date
        log("adverse-event", "1", "serious"), "true", // xs:boolean 1
        log("adverse-event", "1", "outcome"), "recovering",
        log("sae-report", "1", "reportType"), "initial",
        log("sae-report", "1", "awarenessAt"), "2024-04-03T10:15:00", // the clock time as written at the site
        log("sae-report", "1", "reportedAt"), "2024-04-03T18:40:12", // fractional seconds dropped
        log("sae-report", "1", "hospitalisation"), "false", // xs:boolean 0
        log("last-known-alive", OdmReader.DEFAULT_FORM_KEY, "date"), "2024-04-06")); // no FormRepeatKey
    // endDate IsNull="Yes": no value
    assertThat(OdmImport.values(s)).doesNotContainKey(log("adverse-event", "1", "endDate"));
    // 2024-04-05T16:30:00+08:00 is 08:30 UTC
    assertThat(s.signatures()).containsExactly(new SignatureRecord("adverse-event", null, 1, "1", "zhang.min",
        "GZ01", "investigator-approval", Instant.parse("2024-04-05T08:30:00Z")));
  }

  @Test
  void vendorExtensionsAreLeftOutOfTheSchemaValidationAndTheRestIsValidated() {
    byte[] xml = file("openclinica-like-transactional.xml");
    // the plain schema refuses the OpenClinica attributes and elements (they belong to the vendor's schema) ...
    assertThat(CdiscSchemas.validate(CdiscSchemas.odm(), new StreamSource(new ByteArrayInputStream(xml))))
        .isNotEmpty();
    // ... without them the file is valid ODM 1.3.2
    assertThat(CdiscSchemas.validateOdmWithoutExtensions(new ByteArrayInputStream(xml))).isEmpty();
    // and an ODM mistake is still found, with its line: an AuditRecord without its DateTimeStamp (the end tag of
    // that AuditRecord, line 22, is where the validator finds it incomplete)
    String broken = new String(xml, StandardCharsets.UTF_8)
        .replaceFirst("<DateTimeStamp>2024-04-02T10:00:00\\+01:00</DateTimeStamp>", "");
    assertThat(CdiscSchemas.validateOdmWithoutExtensions(new ByteArrayInputStream(
        broken.getBytes(StandardCharsets.UTF_8)))).singleElement().asString().startsWith("line 22,")
        .contains("DateTimeStamp");
  }

  @Test
  void openClinicaLikeTransactionalFileIsReadSkippingTheVendorExtensions() {
    OdmReader reader = new OdmReader(STUDY);
    List<SubjectRecord> subjects = read(reader, file("openclinica-like-transactional.xml"));
    assertThat(reader.problems()).isEmpty();
    SubjectRecord s = subjects.get(0);
    assertThat(s.subjectKey()).isEqualTo("GZ01-102");
    assertThat(s.arm()).isNull(); // OpenClinica:SubjectGroupData is the vendor's, not this protocol's randomization
    // grade 1 then 2; endDate inserted then removed; outcome a Context item: nothing
    assertThat(OdmImport.values(s)).containsExactlyInAnyOrderEntriesOf(Map.of(
        log("adverse-event", "7", "term"), "Nausea",
        log("adverse-event", "7", "grade"), "2",
        log("adverse-event", "7", "startDate"), "2024-04-02"));
    // one audit entry per AuditRecord (5; startDate has none), times in UTC: +01:00 subtracted, no zone taken as UTC
    assertThat(s.audit()).extracting(a -> a.ref().fieldId() + " " + a.transactionType() + " " + a.value() + " "
        + a.time() + " " + a.reason()).containsExactly(
        "term Insert Nausea 2024-04-02T09:00:00Z null",
        "grade Insert 1 2024-04-02T10:00:05Z null",
        "grade Update 2 2024-04-03T07:30:00Z source document: vomiting twice",
        "endDate Insert 2024-04-03 2024-04-03T07:31:00Z null",
        "endDate Remove null 2024-04-04T08:00:00Z event ongoing");
    assertThat(s.audit()).extracting(AuditEntry::user).containsOnly("lin.y");
  }

  @Test
  void unknownOidsAndBadValuesAreLeftOutNamingTheirLineAndTheRestIsKept() {
    OdmReader reader = new OdmReader(STUDY);
    List<SubjectRecord> subjects = read(reader, file("unknown-oids.xml"));
    // the lines are those of the ItemData elements in unknown-oids.xml
    assertThat(reader.problems()).extracting(OdmReader.Problem::toString).containsExactly(
        "line 12: GZ01-103 F.adverse-event[1]/I.adverse-event.main.severity: no ItemDef"
            + " I.adverse-event.main.severity in item group IG.adverse-event.main",
        "line 13: GZ01-103 F.adverse-event[1]/I.adverse-event.main.outcome: value 'resolved' is not in code list"
            + " CL.adverse-event.outcome (recovered, recovering, not-recovered, recovered-with-sequelae, fatal,"
            + " unknown)",
        "line 14: GZ01-103 F.adverse-event[1]/I.adverse-event.main.startDate: value '04/05/2024' is not an ISO"
            + " 8601 date (YYYY-MM-DD)",
        "line 20: GZ01-103 F.concomitant-medication[1]/I.concomitant-medication.main.name: no FormDef"
            + " F.concomitant-medication in protocol NCT03119519",
        "line 27: GZ01-103 SE.week-6: no StudyEventDef SE.week-6 in protocol NCT03119519");
    assertThat(OdmImport.values(subjects.get(0))).containsExactlyInAnyOrderEntriesOf(Map.of(
        log("adverse-event", "1", "term"), "Fatigue",
        log("adverse-event", "1", "grade"), "2"));
  }

  @Test
  void theSameFilesForAnotherStudyOrWithoutSubjectKeyAreRefused() {
    String xml = new String(file("openclinica-like-transactional.xml"), StandardCharsets.UTF_8);
    byte[] other = xml.replace("StudyOID=\"ST.NCT03119519\"", "StudyOID=\"S_ONCO_22\"")
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> read(new OdmReader(STUDY), other)).isInstanceOf(OdmRefusedException.class)
        .hasMessageContaining("study S_ONCO_22, not for ST.NCT03119519");
    // the line is where the SubjectData start tag ends (it spans lines 10 and 11)
    byte[] noKey = xml.replace("SubjectKey=\"GZ01-102\"", "").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> read(new OdmReader(STUDY), noKey)).isInstanceOf(OdmRefusedException.class)
        .hasMessage("line 11: SubjectData without a SubjectKey; nothing was imported");
    byte[] broken = xml.replace("</SubjectData>", "</Subject>").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> read(new OdmReader(STUDY), broken)).isInstanceOf(OdmRefusedException.class)
        .hasMessageStartingWith("malformed XML at line 62"); // the SubjectData end tag
  }
}
