package org.oligotrial.cdisc.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.cdisc.SampleTrial;

/** Form CSVs, dictionary and read-in scripts of the sample trial. */
class StatsExportTest {

  @Test
  void formsAreWrittenOneTablePerFormAndRepeatingGroup(@TempDir Path dir) throws Exception {
    Map<String, Integer> counts = StatsExport.writeForms(SampleTrial.PROTOCOL, new SampleTrial(), dir);
    // the sample: 3 baseline lesions + 1 of subject 2; two measured targets at the follow-up; 3 systemic forms
    assertThat(counts).containsEntry("tumour-baseline__lesions", 4).containsEntry("tumour-assessment__targets", 2)
        .containsEntry("systemic-therapy", 3).containsEntry("adverse-event", 1);
    List<String> ae = Files.readAllLines(dir.resolve("adverse-event.csv"));
    assertThat(ae.get(0)).isEqualTo("subject,site,visit,visit_repeat,form_key,term,grade,startDate,endDate,serious,"
        + "relatedToSystemicTherapy,relatedToRadiotherapy,actionTaken,outcome");
    assertThat(ae.get(1)).isEqualTo("GZ01-001,GZ01,,,105,Pneumonitis,3,2024-04-02,2024-05-01,true,possible,"
        + "probable,delayed,recovered");
    assertThat(Files.readString(dir.resolve("dictionary.csv")))
        .contains("radiotherapy.csv,totalDoseGy,total dose delivered,float,,Gy")
        .contains("radiotherapy.csv,technique,technique,text,3D-CRT|IMRT,");
    assertThat(Files.readString(dir.resolve("read.sas"))).contains("informat startDate yymmdd10.");
  }

  @Test
  void theRScriptReadsTheFilesWithTypesAndLabels(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/Rscript")), "R is not installed here");
    StatsExport.writeForms(SampleTrial.PROTOCOL, new SampleTrial(), dir);
    Process r = new ProcessBuilder("/usr/bin/Rscript", "-e", "source('read.R'); cat(nrow(adverse_event), "
        + "class(adverse_event$startDate), levels(radiotherapy$technique), attr(radiotherapy$totalDoseGy, 'label'),"
        + " class(tumour_baseline__lesions$mm), sep = '|')").directory(dir.toFile()).redirectErrorStream(true)
        .start();
    assertThat(r.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(r.getInputStream().readAllBytes());
    assertThat(out.strip()).endsWith("1|Date|3D-CRT|IMRT|total dose delivered (Gy)|numeric");
  }

  @Test
  void analysisScriptsNameEveryColumnOfTheAnalysisDataset(@TempDir Path dir) throws Exception {
    StatsExport.writeAnalysisScripts(dir);
    assertThat(Files.readString(dir.resolve("read-analysis.R")))
        .contains("\"pfs_time\" = \"integer\"", "\"pfs_months\" = \"numeric\"", "\"arm\" = \"character\"");
    assertThat(Files.readString(dir.resolve("read-analysis.sas"))).contains("infile \"&dir/analysis.csv\"");
  }
}
