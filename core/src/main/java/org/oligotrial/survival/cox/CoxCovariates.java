package org.oligotrial.survival.cox;

import java.util.List;

/**
 * The numeric covariate columns of a Cox model (the model matrix without intercept), one array per column, all of
 * the same length. Made by {@link CovariateCoding} from raw columns, or directly. The arrays are not copied: do not
 * change them while a fit runs.
 *
 * @param names the coefficient name of each column
 * @param columns {@code columns[j][i]} is covariate {@code j} of subject {@code i}; finite numbers
 */
public record CoxCovariates(List<String> names, double[][] columns) {

  public CoxCovariates {
    names = List.copyOf(names);
    if (columns == null || names.size() != columns.length) {
      throw new IllegalArgumentException("one name per covariate column is needed");
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("a Cox model needs at least one covariate");
    }
    for (int j = 1; j < columns.length; j++) {
      if (columns[j].length != columns[0].length) {
        throw new IllegalArgumentException("covariate columns must have the same length");
      }
    }
  }

  /** The number of subjects (rows). */
  public int rows() {
    return columns[0].length;
  }

  /** The number of columns. */
  public int size() {
    return columns.length;
  }
}
