package org.oligotrial.cdisc.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.cdisc.SampleTrial;

/** Form CSVs, dictionary and read-in scripts of the sample trial. */
class StatsExportTest {

  @Test
  void formsAreWrittenOneTablePerFormAndRepeatingGroup(@TempDir Path dir) throws Exception {
    Map<String, Integer> counts = StatsExport.writeForms(SampleTrial.PROTOCOL, new SampleTrial(), dir);
    // the sample: 3 baseline lesions + 1 of subject 2; two measured targets at the follow-up; 3 systemic forms;
    // adverse events 105 (subject 1), 205 and 206 (subject 2); one SAE report
    assertThat(counts).containsEntry("tumour-baseline__lesions", 4).containsEntry("tumour-assessment__targets", 2)
        .containsEntry("systemic-therapy", 3).containsEntry("adverse-event", 3).containsEntry("sae-report", 1);
    List<String> ae = Files.readAllLines(dir.resolve("adverse-event.csv"));
    // the coded term is four columns: term, its MedDRA code, SOC and "Other, specify" text (FormLayout)
    assertThat(ae.get(0)).isEqualTo("subject,site,visit,visit_repeat,form_key,term,term.meddraCode,term.soc,"
        + "term.otherSpecify,grade,startDate,endDate,serious,relatedToSystemicTherapy,relatedToRadiotherapy,"
        + "actionTaken,outcome");
    assertThat(ae.get(1)).isEqualTo("GZ01-001,GZ01,,,105,Pneumonitis,10035742,\"Respiratory, thoracic and "
        + "mediastinal disorders\",,3,2024-04-02,2024-05-01,true,possible,probable,delayed,recovered");
    assertThat(Files.readString(dir.resolve("dictionary.csv")))
        .contains("radiotherapy.csv,totalDoseGy,total dose delivered,float,,Gy")
        .contains("radiotherapy.csv,technique,technique,text,3D-CRT|IMRT,");
    assertThat(Files.readString(dir.resolve("read.sas"))).contains("informat startDate yymmdd10.")
        .contains("length subject $200").contains("term_meddraCode $200")
        .contains("informat awarenessAt e8601dt19.; format awarenessAt e8601dt19.;");
    assertThat(Files.readString(dir.resolve("read.R"))).contains("sae_report$`awarenessAt` <- as.POSIXct("
        + "sae_report$`awarenessAt`, format = \"%Y-%m-%dT%H:%M:%S\", tz = \"UTC\")");
  }

  @Test
  void theRScriptGivesEachColumnItsTypeLevelsAndLabel(@TempDir Path dir) throws Exception {
    // The script as R reads it (checked once by hand with R 4.2.2: source('read.R') gives adverse_event$startDate of
    // class Date, radiotherapy$technique a factor with levels 3D-CRT and IMRT, and the label "total dose delivered
    // (Gy)"); the tests do not run R, so they hold the statements that produce that.
    StatsExport.writeForms(SampleTrial.PROTOCOL, new SampleTrial(), dir);
    String r = Files.readString(dir.resolve("read.R"));
    assertThat(r).contains("adverse_event <- read.csv(\"adverse-event.csv\", na.strings = \"\", colClasses = c(")
        .contains("adverse_event$`startDate` <- as.Date(adverse_event$`startDate`")
        .contains("radiotherapy$`technique` <- factor(radiotherapy$`technique`")
        .contains("\"3D-CRT\", \"IMRT\"")
        .contains("\"total dose delivered (Gy)\"");
  }

  @Test
  void analysisScriptsNameEveryColumnOfTheAnalysisDataset(@TempDir Path dir) throws Exception {
    StatsExport.writeAnalysisScripts(dir);
    assertThat(Files.readString(dir.resolve("read-analysis.R")))
        .contains("\"pfs_time\" = \"integer\"", "\"pfs_months\" = \"numeric\"", "\"arm\" = \"character\"");
    assertThat(Files.readString(dir.resolve("read-analysis.sas"))).contains("infile \"&dir/analysis.csv\"");
  }
}
