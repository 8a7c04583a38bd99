package org.oligotrial.randomization;

import java.util.List;
import org.oligotrial.protocol.ProtocolLoader;

/**
 * NCT03119519's factors and arms as test data, read from the bundled protocol file (protocols/nct03119519.yaml):
 * five factors of two levels each (32 strata), arms RT+ and RT- at 1:1.
 */
public final class Nct03119519 {
  private Nct03119519() {}

  /** The five factors in protocol order. */
  public static final List<StratificationFactor> FACTORS = ProtocolRandomization.factors(ProtocolLoader.bundled());

  /** The first factor, histology (squamous, non-squamous). */
  public static final StratificationFactor HISTOLOGY = FACTORS.get(0);

  /** RT+ : RT- = 1 : 1, as the protocol file states. */
  public static AllocationRatio ratio() {
    return ProtocolRandomization.scheme(ProtocolLoader.bundled()).ratio();
  }

  /** The factors and ratio with the given method. */
  public static RandomizationScheme scheme(MethodParameters method) {
    return new RandomizationScheme(FACTORS, ratio(), method);
  }
}
