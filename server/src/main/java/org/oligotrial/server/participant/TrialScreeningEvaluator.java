package org.oligotrial.server.participant;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.oligotrial.server.trial.ProtocolVersion;
import org.oligotrial.server.trial.TrialRegistry;

/**
 * Evaluates screening records of one trial under the protocol version current at the time of the screening
 * ({@link TrialRegistry#current}): a first screening and a re-screening after an amendment use the amended version,
 * and each result stores that version's tag ({@link ProtocolVersion#screeningTag}), so that a screening keeps the
 * version it was made under. One engine per version, kept. Thread-safe.
 */
public final class TrialScreeningEvaluator implements ScreeningEvaluator {
  private final TrialRegistry trials;
  private final String trialId;
  private final ConcurrentMap<String, ProtocolScreeningEvaluator> bySha = new ConcurrentHashMap<>();

  public TrialScreeningEvaluator(TrialRegistry trials, String trialId) {
    this.trials = trials;
    this.trialId = trialId;
  }

  @Override
  public ScreeningEvaluation evaluate(String screeningRecordJson) {
    ProtocolVersion v = trials.current(trialId);
    return bySha.computeIfAbsent(v.sha256(),
            sha -> new ProtocolScreeningEvaluator(trials.protocol(v), v.screeningTag()))
        .evaluate(screeningRecordJson);
  }
}
