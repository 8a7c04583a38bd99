package org.oligotrial.survival.cox;

/**
 * The generalised Cholesky decomposition {@code A = F D F'} ({@code F} unit lower triangular, {@code D} diagonal) used
 * by R's survival package, which tolerates singular matrices: a pivot below {@code toler} times the largest diagonal
 * marks its column as redundant (its {@code D} entry becomes 0), and the solve and inverse then give that column 0.
 * This is how {@code coxph} detects collinear covariates (a coefficient reported as {@code NA}).
 *
 * <p>Matrices are square {@code double[n][n]}; the methods work in place. Not thread-safe on a shared matrix.
 */
final class Cholesky {

  private Cholesky() {}

  /**
   * Factors the symmetric matrix whose upper triangle (with diagonal) is in {@code m}; the factor replaces the lower
   * triangle and diagonal, the upper triangle is left as it was.
   *
   * @return the rank, negated when the matrix is not non-negative definite
   */
  static int decompose(double[][] m, double toler) {
    int n = m.length;
    boolean nonNegative = true;
    double largest = 0;
    for (int i = 0; i < n; i++) {
      if (m[i][i] > largest) {
        largest = m[i][i];
      }
      for (int j = i + 1; j < n; j++) {
        m[j][i] = m[i][j];
      }
    }
    if (largest == 0) {
      return 0;
    }
    double eps = largest * toler;
    int rank = 0;
    for (int i = 0; i < n; i++) {
      double pivot = m[i][i];
      if (!Double.isFinite(pivot) || pivot < eps) {
        m[i][i] = 0;
        if (pivot < -8 * eps) {
          nonNegative = false;
        }
      } else {
        rank++;
        for (int j = i + 1; j < n; j++) {
          double f = m[j][i] / pivot;
          m[j][i] = f;
          m[j][j] -= f * f * pivot;
          for (int k = j + 1; k < n; k++) {
            m[k][j] -= f * m[k][i];
          }
        }
      }
    }
    return nonNegative ? rank : -rank;
  }

  /** Solves {@code A x = y} in place from the factor made by {@link #decompose}; redundant columns get 0. */
  static void solve(double[][] m, double[] y) {
    int n = m.length;
    // forward substitution: F b = y
    for (int i = 0; i < n; i++) {
      double t = y[i];
      for (int j = 0; j < i; j++) {
        t -= y[j] * m[i][j];
      }
      y[i] = t;
    }
    // back substitution: D F' x = b
    for (int i = n - 1; i >= 0; i--) {
      if (m[i][i] == 0) {
        y[i] = 0;
      } else {
        double t = y[i] / m[i][i];
        for (int j = i + 1; j < n; j++) {
          t -= y[j] * m[j][i];
        }
        y[i] = t;
      }
    }
  }

  /**
   * Replaces the factor made by {@link #decompose} with the inverse of the original matrix, written to the full
   * matrix (both triangles); rows and columns of redundant columns are 0, as a generalised inverse.
   */
  static void invert(double[][] m) {
    int n = m.length;
    // invert F (lower triangle) and D (diagonal)
    for (int i = 0; i < n; i++) {
      if (m[i][i] > 0) {
        m[i][i] = 1 / m[i][i];
        for (int j = i + 1; j < n; j++) {
          m[j][i] = -m[j][i];
          for (int k = 0; k < i; k++) {
            m[j][k] += m[j][i] * m[i][k];
          }
        }
      }
    }
    // F'^{-1} D^{-1} F^{-1} into the upper triangle
    for (int i = 0; i < n; i++) {
      if (m[i][i] == 0) {
        for (int j = 0; j < i; j++) {
          m[j][i] = 0;
        }
        for (int j = i; j < n; j++) {
          m[i][j] = 0;
        }
      } else {
        for (int j = i + 1; j < n; j++) {
          double t = m[j][i] * m[j][j];
          m[i][j] = t;
          for (int k = i; k < j; k++) {
            m[i][k] += t * m[j][k];
          }
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        m[i][j] = m[j][i];
      }
    }
  }
}
