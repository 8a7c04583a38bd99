package org.oligotrial.treatment;

/**
 * A participant cannot be randomized yet: the treatment or a stratification factor cannot be determined from the
 * facts given (for example the EGFR status is unknown). The message says what is missing, for the investigator.
 */
public class RandomizationBlockedException extends RuntimeException {
  public RandomizationBlockedException(String message) {
    super(message);
  }
}
