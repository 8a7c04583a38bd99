package org.oligotrial.server.participant;

/**
 * Evaluates a screening record against the current protocol. Implementations are thread-safe.
 */
public interface ScreeningEvaluator {
  /**
   * Evaluates.
   *
   * @param screeningRecordJson the record as JSON text, as the user sent it
   * @return the evaluation
   * @throws org.oligotrial.server.kernel.InvalidFieldException when the record cannot be read; the field is named
   *     {@code screeningRecord} or {@code screeningRecord.<path>}
   */
  ScreeningEvaluation evaluate(String screeningRecordJson);
}
