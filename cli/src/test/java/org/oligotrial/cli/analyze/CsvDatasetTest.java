package org.oligotrial.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.input.UserInputException;

class CsvDatasetTest {

  @TempDir Path dir;

  private CsvDataset csv(String text) throws IOException {
    Path f = dir.resolve("d.csv");
    Files.writeString(f, text);
    return CsvDataset.read(f);
  }

  @Test
  void readsZeroOneEventsAndDropsRowsWithMissingValues() throws IOException {
    CsvDataset d = csv("time,status,arm,age\n5,1,A,60\n,1,A,61\n7,NA,B,62\n8,0,B,\n9,0,\"B\",63\n");
    SurvivalSelection s = d.survival("time", "status", "arm", null);
    assertThat(s.nDropped()).isEqualTo(2);
    assertThat(s.data().times()).containsExactly(5, 8, 9);
    assertThat(s.data().events()).containsExactly(true, false, false);
    assertThat(s.data().groupLabels()).containsExactly("A", "B");
    // a covariate that is used drops its missing rows too
    SurvivalSelection withAge = d.survival("time", "status", "arm", null, "age");
    assertThat(withAge.nDropped()).isEqualTo(3);
    assertThat(withAge.numeric("age")).containsExactly(60, 63);
  }

  @Test
  void readsTrueFalseAndRsOneTwoCoding() throws IOException {
    assertThat(csv("t,e\n1,TRUE\n2,false\n").survival("t", "e", null, null).data().events())
        .containsExactly(true, false);
    // lung's status: 1 = censored, 2 = dead, as Surv() reads it
    assertThat(csv("t,e\n1,2\n2,1\n").survival("t", "e", null, null).data().events())
        .containsExactly(true, false);
  }

  @Test
  void readsRWriteCsvOutputWithRowNamesAndQuotes() throws IOException {
    CsvDataset d = csv("\"\",\"time\",\"status\",\"sex\"\n\"1\",306,2,\"m, f\"\n\"2\",455,2,NA\n");
    assertThat(d.header()).containsExactly("", "time", "status", "sex");
    assertThat(d.column("sex")).containsExactly("m, f", "NA");
  }

  @Test
  void missingColumnNamesTheColumnsThatExist() throws IOException {
    CsvDataset d = csv("time,status\n1,1\n");
    assertThatThrownBy(() -> d.survival("time", "dead", null, null))
        .isInstanceOf(UserInputException.class)
        .hasMessageContaining("no column 'dead'")
        .hasMessageContaining("time, status");
  }

  @Test
  void nonNumericTimeNamesTheLine() throws IOException {
    CsvDataset d = csv("time,status\n1,1\nsoon,1\n");
    assertThatThrownBy(() -> d.survival("time", "status", null, null))
        .isInstanceOf(UserInputException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("'soon'");
  }

  @Test
  void negativeTimeIsRejected() throws IOException {
    CsvDataset d = csv("time,status\n1,1\n\n-2,1\n");
    assertThatThrownBy(() -> d.survival("time", "status", null, null))
        .isInstanceOf(UserInputException.class)
        .hasMessageContaining("line 4")
        .hasMessageContaining("negative");
  }

  @Test
  void noEventsIsReadButRefusedWhereAnalysesCompareHazards() throws IOException {
    CsvDataset d = csv("time,status\n1,0\n2,0\n");
    SurvivalSelection sel = d.survival("time", "status", null, null);
    assertThat(sel.data().size()).isEqualTo(2);
    assertThatThrownBy(() -> sel.requireEvents("status"))
        .isInstanceOf(UserInputException.class)
        .hasMessageContaining("no events");
  }

  @Test
  void badEventValueAndRaggedLinesAndEmptyFilesAreRejected() throws IOException {
    assertThatThrownBy(() -> csv("t,e\n1,3\n").survival("t", "e", null, null))
        .isInstanceOf(UserInputException.class).hasMessageContaining("event '3'");
    assertThatThrownBy(() -> csv("t,e\n1,1,1\n"))
        .isInstanceOf(UserInputException.class).hasMessageContaining("3 fields");
    assertThatThrownBy(() -> csv(""))
        .isInstanceOf(UserInputException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> csv("t,e\n").survival("t", "e", null, null))
        .isInstanceOf(UserInputException.class).hasMessageContaining("no data rows");
    Path binary = dir.resolve("b.csv");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, ',', 'x', '\n'});
    assertThatThrownBy(() -> CsvDataset.read(binary))
        .isInstanceOf(UserInputException.class).hasMessageContaining("not UTF-8");
    assertThatThrownBy(() -> CsvDataset.read(dir.resolve("none.csv")))
        .isInstanceOf(UserInputException.class).hasMessageContaining("no such file");
  }
}
