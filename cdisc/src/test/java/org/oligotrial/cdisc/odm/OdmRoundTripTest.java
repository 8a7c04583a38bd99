package org.oligotrial.cdisc.odm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oligotrial.cdisc.SampleTrial;
import org.oligotrial.cdisc.model.FieldRef;
import org.oligotrial.cdisc.model.FormLayout;
import org.oligotrial.cdisc.model.SignatureRecord;
import org.oligotrial.cdisc.model.SubjectRecord;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;

/** ODM written by {@link OdmWriter} and read by {@link OdmReader} gives back what was written. */
class OdmRoundTripTest {
  static final OdmStudy STUDY = OdmSchemaValidationTest.STUDY;
  final SampleTrial trial = new SampleTrial();

  static List<SubjectRecord> read(byte[] xml, OdmReader reader) {
    List<SubjectRecord> out = new ArrayList<>();
    reader.read(new ByteArrayInputStream(xml), out::add);
    return out;
  }

  @Test
  void transactionalFileRestoresValuesAuditTrailSignaturesAndQueries() {
    OdmReader reader = new OdmReader(STUDY);
    List<SubjectRecord> back = read(OdmSchemaValidationTest.write(true, true, null), reader);
    assertThat(reader.problems()).isEmpty();
    assertThat(back).hasSize(2);
    for (int i = 0; i < 2; i++) {
      SubjectRecord a = trial.subjects().get(i);
      SubjectRecord b = back.get(i);
      assertThat(b.subjectKey()).isEqualTo(a.subjectKey());
      assertThat(b.siteCode()).isEqualTo(a.siteCode());
      assertThat(b.arm()).isEqualTo(a.arm());
      assertThat(b.strata()).isEqualTo(a.strata());
      assertThat(b.randomizationDate()).isEqualTo(a.randomizationDate());
      assertThat(OdmImport.values(b)).isEqualTo(OdmImport.values(a));
      // every audit entry, field by field, in time order (the sample's entries are already in time order except
      // the grade's Update, written an hour after the inserts)
      assertThat(b.audit()).containsExactlyInAnyOrderElementsOf(a.audit());
      assertThat(b.audit()).hasSameSizeAs(a.audit());
      assertThat(b.signatures()).containsExactlyInAnyOrderElementsOf(a.signatures());
      assertThat(b.queries()).containsExactlyInAnyOrderElementsOf(a.queries());
    }
    // subject 1: the grade went 2 -> 3 with a reason; the file says so and the current value is 3
    SubjectRecord s1 = back.get(0);
    FieldRef grade = new FieldRef("adverse-event", null, 1, "105", FormLayout.MAIN, 1, "grade");
    assertThat(OdmImport.values(s1)).containsEntry(grade, "3");
    assertThat(s1.audit().stream().filter(e -> e.ref().equals(grade)).map(e -> e.transactionType() + " "
        + e.value() + " " + e.reason()).toList())
        .containsExactly("Insert 2 null", "Update 3 grade corrected after review of the CT");
  }

  @Test
  void snapshotRestoresValuesAndTheLatestSignatureOfEachForm() {
    OdmReader reader = new OdmReader(STUDY);
    List<SubjectRecord> back = read(OdmSchemaValidationTest.write(false, true, null), reader);
    assertThat(reader.problems()).isEmpty();
    SubjectRecord a = trial.subjects().get(0);
    SubjectRecord b = back.get(0);
    assertThat(OdmImport.values(b)).isEqualTo(OdmImport.values(a));
    assertThat(b.queries()).containsExactlyInAnyOrderElementsOf(a.queries());
    // ODM allows one Signature per FormData and SubjectData: the later of the two form signatures, and the casebook
    assertThat(b.signatures()).extracting(SignatureRecord::time)
        .containsExactlyInAnyOrder(SampleTrial.T0.plusSeconds(7300), SampleTrial.T0.plusSeconds(9000));
    // one audit record per value: the latest change
    assertThat(b.audit()).hasSize(OdmImport.values(a).size());
  }

  @Test
  void fileForAnotherStudyIsRefusedWithTheReason() {
    String xml = new String(OdmSchemaValidationTest.write(false, false, null), StandardCharsets.UTF_8)
        .replace("StudyOID=\"ST.NCT03119519\"", "StudyOID=\"ST.NCT00000001\"");
    assertThatThrownBy(() -> read(xml.getBytes(StandardCharsets.UTF_8), new OdmReader(STUDY)))
        .isInstanceOf(OdmRefusedException.class)
        .hasMessageContaining("for study ST.NCT00000001, not for ST.NCT03119519");
  }

  @Test
  void fileForAnotherVersionOfTheFormsIsRefused() throws Exception {
    // the same protocol with one more outcome code on the adverse-event form: a different forms version
    String yaml = Files.readString(Path.of("../protocols/nct03119519.yaml"))
        .replace("values: [recovered, recovering, not-recovered, recovered-with-sequelae, fatal, unknown]",
            "values: [recovered, recovering, not-recovered, recovered-with-sequelae, fatal, unknown, lost]");
    Protocol amended = ProtocolLoader.parse(yaml, "amended.yaml");
    OdmStudy amendedStudy = OdmStudy.of(amended);
    assertThat(amendedStudy.metaDataVersionOid()).isNotEqualTo(STUDY.metaDataVersionOid());
    byte[] xml = OdmSchemaValidationTest.write(false, false, null);
    assertThatThrownBy(() -> read(xml, new OdmReader(amendedStudy)))
        .isInstanceOf(OdmRefusedException.class)
        .hasMessageContaining("written for the forms version " + STUDY.metaDataVersionOid())
        .hasMessageContaining("nothing was imported");
  }

  @Test
  void notOdmAndMalformedXmlAreRefused() {
    assertThatThrownBy(() -> read("<define/>".getBytes(StandardCharsets.UTF_8), new OdmReader(STUDY)))
        .isInstanceOf(OdmRefusedException.class).hasMessageContaining("not an ODM 1.3 file");
    assertThatThrownBy(() -> read("<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\"><ClinicalData"
        .getBytes(StandardCharsets.UTF_8), new OdmReader(STUDY)))
        .isInstanceOf(OdmRefusedException.class).hasMessageContaining("malformed XML");
  }

  @Test
  void valuesOutsideTheirDefinitionAreLeftOutAndNamed() {
    String xml = new String(OdmSchemaValidationTest.write(false, false, null), StandardCharsets.UTF_8)
        .replace("ItemOID=\"I.adverse-event.main.grade\" Value=\"3\"", "ItemOID=\"I.adverse-event.main.grade\" Value=\"7\"")
        .replace("Value=\"IMRT\"", "Value=\"protons\"")
        .replace("ItemOID=\"I.radiotherapy.main.fractions\" Value=\"30\"",
            "ItemOID=\"I.radiotherapy.main.fractions\" Value=\"thirty\"");
    OdmReader reader = new OdmReader(STUDY);
    List<SubjectRecord> back = read(xml.getBytes(StandardCharsets.UTF_8), reader);
    // the three values come from the protocol file: grade min 1 max 5, technique [3D-CRT, IMRT], fractions integer
    assertThat(reader.problems()).extracting(p -> p.toString().replaceFirst("^line \\d+: ", ""))
        .containsExactlyInAnyOrder(
        "GZ01-001 F.radiotherapy[102]/I.radiotherapy.main.technique: value 'protons' is not in code list "
            + "CL.radiotherapy.technique (3D-CRT, IMRT)",
        "GZ01-001 F.radiotherapy[102]/I.radiotherapy.main.fractions: value 'thirty' is not an integer",
        "GZ01-001 F.adverse-event[105]/I.adverse-event.main.grade: value 7 outside the range 1-5");
    assertThat(OdmImport.values(back.get(0)))
        .doesNotContainKey(new FieldRef("adverse-event", null, 1, "105", FormLayout.MAIN, 1, "grade"));
  }

  @Test
  void dryRunListsWhatWouldChangeWithTheFileAsReason() {
    SubjectRecord s1 = trial.subjects().get(0);
    Map<FieldRef, String> db = new HashMap<>(OdmImport.values(s1));
    FieldRef grade = new FieldRef("adverse-event", null, 1, "105", FormLayout.MAIN, 1, "grade");
    db.put(grade, "2");
    FieldRef removedLesion = new FieldRef("tumour-baseline", "baseline", 1, "101", "lesions", 3, "site");
    db.remove(removedLesion);
    OdmImport.Plan plan = OdmImport.plan(STUDY, new ByteArrayInputStream(OdmSchemaValidationTest.write(false, true,
        null)), "export.xml", key -> key.equals("GZ01-001") ? db : null, null);
    assertThat(plan.reasonForChange()).isEqualTo("ODM import of export.xml (FileOID F.TEST)");
    assertThat(plan.subjects()).isEqualTo(2);
    List<String> s1Changes = plan.changes().stream().filter(c -> c.subjectKey().equals("GZ01-001"))
        .map(OdmImport.Change::toString).toList();
    assertThat(s1Changes).containsExactly(
        "GZ01-001 tumour-baseline[101].lesions[3].site: INSERT - -> bone",
        "GZ01-001 adverse-event[105].main[1].grade: UPDATE 2 -> 3");
    assertThat(plan.unchanged()).isEqualTo(OdmImport.values(s1).size() - 2);
    // subject 2 is new: every one of its values is an insert
    assertThat(plan.changes().stream().filter(c -> c.subjectKey().equals("GZ02-001")))
        .hasSize(OdmImport.values(trial.subjects().get(1)).size())
        .allMatch(c -> c.newSubject() && c.action() == OdmImport.Action.INSERT);
  }

  @Test
  void aFileFromAnotherSystemWithTypedItemsAndPrefixesIsRead() {
    // written by hand as another EDC might: odm: prefix, typed ItemDataInteger/ItemDataString, no audit records
    String xml = """
        <odm:ODM xmlns:odm="http://www.cdisc.org/ns/odm/v1.3" FileType="Snapshot" FileOID="OTHER.1"
            CreationDateTime="2024-06-01T00:00:00">
          <odm:ClinicalData StudyOID="ST.NCT03119519" MetaDataVersionOID="%s">
            <odm:SubjectData SubjectKey="X-7">
              <odm:StudyEventData StudyEventOID="SE.LOG">
                <odm:FormData FormOID="F.adverse-event" FormRepeatKey="1">
                  <odm:ItemGroupData ItemGroupOID="IG.adverse-event.main">
                    <odm:ItemDataString ItemOID="I.adverse-event.main.term">Nausea</odm:ItemDataString>
                    <odm:ItemDataInteger ItemOID="I.adverse-event.main.grade">2</odm:ItemDataInteger>
                    <odm:ItemDataInteger ItemOID="I.adverse-event.main.nonsense">2</odm:ItemDataInteger>
                  </odm:ItemGroupData>
                </odm:FormData>
              </odm:StudyEventData>
            </odm:SubjectData>
          </odm:ClinicalData>
        </odm:ODM>""".formatted(STUDY.metaDataVersionOid());
    OdmReader reader = new OdmReader(STUDY);
    List<SubjectRecord> back = read(xml.getBytes(StandardCharsets.UTF_8), reader);
    assertThat(OdmImport.values(back.get(0))).containsOnly(
        Map.entry(new FieldRef("adverse-event", null, 1, "1", FormLayout.MAIN, 1, "term"), "Nausea"),
        Map.entry(new FieldRef("adverse-event", null, 1, "1", FormLayout.MAIN, 1, "grade"), "2"));
    assertThat(reader.problems()).extracting(OdmReader.Problem::toString).containsExactly(
        "line 10: X-7 F.adverse-event[1]/I.adverse-event.main.nonsense: no ItemDef I.adverse-event.main.nonsense in item "
            + "group IG.adverse-event.main");
  }
}
