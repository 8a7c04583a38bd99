package org.oligotrial.cli.analyze;

import org.oligotrial.input.UserInputException;
import org.oligotrial.survival.SurvivalData;

/**
 * The survival data taken from a {@link CsvDataset}, with how many rows were dropped for a missing value and which
 * rows were kept, so that covariates can be read from the same rows ({@code dataset.numeric("age", rows())}).
 *
 * @param data the survival data of the kept rows, in file order
 * @param nDropped the number of rows dropped because a used column was empty or {@code NA}
 * @param rows the 0-based indices of the kept rows in the dataset
 * @param dataset the dataset the rows come from
 */
public record SurvivalSelection(SurvivalData data, int nDropped, int[] rows, CsvDataset dataset) {

  /** The numbers of a further column (a covariate) at the kept rows. */
  public double[] numeric(String column) {
    return dataset.numeric(column, rows);
  }

  /**
   * Refuses data without a single event, for the analyses that compare hazards (log-rank, Cox): they have nothing to
   * compare. Kaplan-Meier and the restricted mean take such data (every curve stays at 1, as survfit's).
   */
  public SurvivalSelection requireEvents(String eventColumn) {
    if (data.eventCount() > 0) {
      return this;
    }
    throw new UserInputException(dataset.name() + ": no events in column '" + eventColumn
        + "' (every subject is censored); the test has nothing to compare");
  }

  /** The levels of a further column (a categorical covariate, a stratum) at the kept rows. */
  public CsvDataset.Levels levels(String column) {
    return dataset.levels(column, rows);
  }

  /** The labels of a further column at the kept rows. */
  public String[] text(String column) {
    return dataset.text(column, rows);
  }
}
