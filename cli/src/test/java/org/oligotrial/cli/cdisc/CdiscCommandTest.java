package org.oligotrial.cli.cdisc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.cli.OligoTrialCommand;
import picocli.CommandLine;

/** {@code oligotrial cdisc ...} on the example ODM file (examples/cdisc, written for the bundled protocol). */
class CdiscCommandTest {
  static final String EXAMPLE = "../examples/cdisc/sample-transactional.xml";

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = OligoTrialCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void odmMetadataIsWrittenAndValid(@TempDir Path dir) {
    Path f = dir.resolve("metadata.xml");
    Run r = run("cdisc", "odm-metadata", "--out", f.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("ODM metadata of NCT03119519, MetaDataVersion MDV.NCT03119519.");
    Run v = run("cdisc", "validate", f.toString());
    assertThat(v.exit()).isZero();
    assertThat(v.out()).contains("valid against ODM 1.3.2");
  }

  @Test
  void odmCheckListsWhatAnImportWouldInsert() {
    Run r = run("cdisc", "odm-check", EXAMPLE);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Transactional file F.NCT03119519.SAMPLE", "2 subjects")
        .contains("reason for change on import: ODM import of sample-transactional.xml (FileOID F.NCT03119519.SAMPLE)");
  }

  @Test
  void odmFileForAnotherStudyIsRefusedWithExit2(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("other.xml");
    Files.writeString(f, Files.readString(Path.of(EXAMPLE)).replace("StudyOID=\"ST.NCT03119519\"",
        "StudyOID=\"ST.OTHER\""));
    Run r = run("cdisc", "odm-check", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: refused: the file's ClinicalData is for study ST.OTHER");
    assertThat(r.err()).doesNotContain("Exception");
  }

  @Test
  void sdtmFromOdmWritesDatasetsDefineAndConformance(@TempDir Path dir) throws Exception {
    Run r = run("cdisc", "sdtm", "--odm", EXAMPLE, "--format", "xpt", "--out", dir.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    // the example file holds three adverse events (forms 105, 205, 206) and one SAE report, linked to 105
    assertThat(r.out()).contains("AE=3", "DM=2", "conformance.txt: 0 finding(s)");
    assertThat(dir.resolve("ae.xpt")).exists();
    Run v = run("cdisc", "validate", dir.resolve("define.xml").toString());
    assertThat(v.exit()).as(v.out()).isZero();
    assertThat(v.out()).contains("valid against Define-XML 2.1");
  }

  @Test
  void badInputIsOneLineNamingTheOption(@TempDir Path dir) {
    Run r = run("cdisc", "sdtm", "--odm", EXAMPLE, "--format", "csv", "--out", dir.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("error: --format: json or xpt, not csv");
    Run missing = run("cdisc", "validate", dir.resolve("none.xml").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file");
  }

  @Test
  void everyCdiscCommandAnswersHelp() {
    for (String[] c : new String[][] {{"cdisc"}, {"cdisc", "odm-metadata"}, {"cdisc", "odm-check"},
        {"cdisc", "sdtm"}, {"cdisc", "stats"}, {"cdisc", "validate"}}) {
      String[] args = java.util.Arrays.copyOf(c, c.length + 1);
      args[c.length] = "--help";
      Run r = run(args);
      assertThat(r.exit()).isZero();
      assertThat(r.out()).contains("Usage:");
    }
  }

  @Test
  void everyExampleInTheDocsRuns(@TempDir Path dir) throws Exception {
    List<String> lines = Files.readAllLines(Path.of("..", "docs", "cdisc.md"));
    boolean inBash = false;
    int ran = 0;
    for (String line : lines) {
      if (line.startsWith("```")) {
        inBash = !inBash && line.startsWith("```bash");
        continue;
      }
      if (!inBash || !line.startsWith("./oligotrial cdisc ")) {
        continue;
      }
      String[] args = line.substring("./oligotrial ".length()).split(" +");
      for (int i = 2; i < args.length; i++) { // after "cdisc" and the sub-command
        if (args[i].startsWith("examples/")) {
          args[i] = "../" + args[i];
        } else if (args[i].equals("forms.xml") || args[i].startsWith("sdtm") || args[i].equals("stats")) {
          args[i] = dir.resolve(args[i]).toString();
        }
      }
      Run r = run(args);
      assertThat(r.exit()).as(line + "\n" + r.out() + r.err()).isZero();
      ran++;
    }
    assertThat(ran).isEqualTo(6);
  }
}
