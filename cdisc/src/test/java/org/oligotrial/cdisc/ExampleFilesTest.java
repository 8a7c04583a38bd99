package org.oligotrial.cdisc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.oligotrial.cdisc.odm.OdmStudy;
import org.oligotrial.cdisc.odm.OdmWriter;

/**
 * The example ODM file in examples/cdisc (used by the CLI's tests and docs/cdisc.md) is what the writer produces
 * for the sample trial; run with -Doligotrial.regenerate=true to write it again after a deliberate change.
 */
class ExampleFilesTest {
  static final Path EXAMPLE = Path.of("../examples/cdisc/sample-transactional.xml");

  @Test
  void exampleOdmFileIsCurrent() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OdmWriter.write(OdmStudy.of(SampleTrial.PROTOCOL), new SampleTrial(), new OdmWriter.Options(
        "F.NCT03119519.SAMPLE", SampleTrial.T0, true, null, true, true), out);
    if (Boolean.getBoolean("oligotrial.regenerate")) {
      Files.write(EXAMPLE, out.toByteArray());
    }
    assertThat(Files.readString(EXAMPLE)).isEqualTo(out.toString(java.nio.charset.StandardCharsets.UTF_8));
  }
}
