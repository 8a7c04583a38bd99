package org.oligotrial.cli.analyze;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every {@code analyze} command shares, as a picocli mixin ({@code @Mixin DatasetOptions data;}): the
 * CSV file, its time and event columns, and {@code --json}.
 */
public final class DatasetOptions {

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV file with a header line.")
  Path file;

  @Option(names = "--time", required = true, paramLabel = "COL",
      description = "Column with the follow-up time (non-negative, in the unit of the data).")
  String time;

  @Option(names = "--event", required = true, paramLabel = "COL",
      description = "Column with the event indicator: 0/1, true/false, or 1/2 (2 = event) as R's Surv.")
  String event;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Option(names = "--decimal-comma",
      description = "Numbers are written with a decimal comma (1,5): quoted in a comma-separated file, or in a"
          + " ;-separated one.")
  boolean decimalComma;

  public Path file() {
    return file;
  }

  public String time() {
    return time;
  }

  public String event() {
    return event;
  }

  public boolean json() {
    return json;
  }

  /**
   * Reads the file and selects the survival data.
   *
   * @param group the group column or null
   * @param strata the strata column or null
   * @param alsoRequired further columns that must be present and complete (covariates)
   */
  public SurvivalSelection load(String group, String strata, String... alsoRequired) {
    return load(group, strata, java.util.Set.of(), alsoRequired);
  }

  /**
   * Reads the file and selects the survival data, reading the group, the strata and {@code labelColumns} as labels.
   *
   * @param labelColumns further columns to read as labels (categorical covariates, strata of a Cox model)
   */
  public SurvivalSelection load(String group, String strata, java.util.Set<String> labelColumns,
      String... alsoRequired) {
    java.util.List<String> wanted = new java.util.ArrayList<>(java.util.List.of(time, event));
    java.util.Set<String> labels = new java.util.HashSet<>(labelColumns);
    if (group != null) {
      wanted.add(group);
      labels.add(group);
    }
    if (strata != null) {
      wanted.add(strata);
      labels.add(strata);
    }
    wanted.addAll(java.util.List.of(alsoRequired));
    return CsvDataset.read(file, wanted, labels, decimalComma).survival(time, event, group, strata, alsoRequired);
  }
}
