package org.oligotrial.server.web.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oligotrial.eligibility.ScreeningRecordParser;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;

/** Table 1's rows are the record fields each protocol flags {@code baseline: true}, counted per arm. */
class Table1Test {
  @Test
  void theFirstTrialsBaselineRowsAreSexHistologyEcogAndEgfr() throws Exception {
    ScreeningRecordParser parser = new ScreeningRecordParser();
    Table1 t = new Table1(List.of("RT+", "RT-"));
    t.add("RT+", parser.parse(Files.readString(Path.of("..", "examples", "screening", "eligible.json"))), Map.of());
    t.add("RT-", parser.parse(Files.readString(Path.of("..", "examples", "screening", "ineligible.json"))), Map.of());
    // protocols/nct03119519.yaml flags sex, diagnosis.histology, ecog and egfr, in that record order
    assertThat(t.rows().stream().map(Table1.Row::characteristic).distinct().toList())
        .containsExactly("Age, years", "Sex", "Histology", "ECOG performance status", "EGFR status");
  }

  @Test
  void theSecondTrialsBaselineRowsComeFromItsOwnRecord() throws Exception {
    Protocol comet = ProtocolLoader.load(Path.of("..", "protocols", "nct01446744.yaml"));
    ScreeningRecordParser parser = new ScreeningRecordParser(comet);
    Table1 t = new Table1(List.of("SOC", "SOC+SABR"));
    Path dir = Path.of("..", "examples", "screening", "nct01446744");
    t.add("SOC", parser.parse(Files.readString(dir.resolve("eligible.json"))), Map.of("metastases", "1-3"));
    t.add("SOC+SABR", parser.parse(Files.readString(dir.resolve("ineligible.json"))), Map.of("metastases", "4-5"));
    // sex, primary.site and ecog are flagged; each arm has one participant: 1 (100%) or 0 (0%)
    assertThat(t.rows()).extracting(r -> r.characteristic() + "|" + r.level() + "|" + String.join("|", r.cells()))
        .contains("Sex|female|1 (100%)|0 (0%)", "Primary tumour site|colorectal|0 (0%)|1 (100%)",
            "ECOG performance status|2|0 (0%)|1 (100%)", "Stratification: metastases|4-5|0 (0%)|1 (100%)");
  }
}
