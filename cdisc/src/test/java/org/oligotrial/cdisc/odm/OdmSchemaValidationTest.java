package org.oligotrial.cdisc.odm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.oligotrial.cdisc.SampleTrial;
import org.oligotrial.cdisc.schema.CdiscSchemas;

/** Every ODM file the writer produces validates against the ODM 1.3.2 schema (ODM1-3-2.xsd, CDISC). */
class OdmSchemaValidationTest {
  static final OdmStudy STUDY = OdmStudy.of(SampleTrial.PROTOCOL);

  static byte[] write(boolean transactional, boolean metadata, String site) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OdmWriter.write(STUDY, new SampleTrial(), new OdmWriter.Options("F.TEST", SampleTrial.T0, transactional, site,
        metadata, true), out);
    return out.toByteArray();
  }

  static java.util.List<String> validate(byte[] xml) {
    return CdiscSchemas.validate(CdiscSchemas.odm(), new StreamSource(new ByteArrayInputStream(xml)));
  }

  @Test
  void snapshotWithMetadataIsValid() {
    byte[] xml = write(false, true, null);
    assertThat(validate(xml)).as(new String(xml, StandardCharsets.UTF_8).substring(0, 2000)).isEmpty();
  }

  @Test
  void transactionalFileIsValid() {
    assertThat(validate(write(true, true, null))).isEmpty();
  }

  @Test
  void oneSitesFileIsValidAndHoldsOnlyItsSubjects() {
    String xml = new String(write(false, false, "GZ02"), StandardCharsets.UTF_8);
    assertThat(validate(xml.getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(xml).contains("SubjectKey=\"GZ02-001\"").doesNotContain("GZ01-001");
  }

  /**
   * A protocol choice field's code list decodes each code by the protocol's label (protocols/nct03119519.yaml,
   * systemic-therapy regimen: {@code pemetrexed-cisplatin: pemetrexed plus cisplatin}), a code without one by the
   * default (hyphens as spaces: {@code dose-reduced} "dose reduced").
   */
  @Test
  void choiceCodesAreDecodedByTheirProtocolLabels() {
    String xml = new String(write(false, true, null), StandardCharsets.UTF_8);
    assertThat(xml).containsPattern("CodedValue=\"pemetrexed-cisplatin\">\\s*<Decode>\\s*<TranslatedText[^>]*>"
        + "pemetrexed plus cisplatin</TranslatedText>");
    assertThat(xml).containsPattern("CodedValue=\"dose-reduced\">\\s*<Decode>\\s*<TranslatedText[^>]*>"
        + "dose reduced</TranslatedText>");
  }

  @Test
  void theSchemaRejectsAMisplacedElement() {
    // the validation is not vacuous: an AuditRecord after the ItemData's Annotation breaks the sequence of
    // ODMcomplexTypeDefinition-ItemData (AuditRecord?, Signature?, MeasurementUnitRef?, Annotation*)
    String bad = """
        <ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" FileType="Snapshot" FileOID="X" CreationDateTime="2024-01-01T00:00:00Z">
          <ClinicalData StudyOID="S" MetaDataVersionOID="M"><SubjectData SubjectKey="1">
            <StudyEventData StudyEventOID="E"><FormData FormOID="F"><ItemGroupData ItemGroupOID="G">
              <ItemData ItemOID="I" Value="1"><Annotation SeqNum="1"/><AuditRecord><UserRef UserOID="U"/>
                <LocationRef LocationOID="L"/><DateTimeStamp>2024-01-01T00:00:00Z</DateTimeStamp></AuditRecord></ItemData>
            </ItemGroupData></FormData></StudyEventData></SubjectData></ClinicalData></ODM>""";
    assertThat(validate(bad.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
  }
}
