package org.oligotrial.cli.randomization;

import java.util.List;
import org.oligotrial.input.UserInputException;
import org.oligotrial.randomization.AllocationRatio;
import org.oligotrial.randomization.ImbalanceMeasure;
import org.oligotrial.randomization.MethodParameters;
import org.oligotrial.randomization.RandomizationScheme;
import org.oligotrial.randomization.TrialFactors;
import picocli.CommandLine.Option;

/** The method parameters shared by the randomization commands, turned into schemes on the trial's factors. */
final class MethodOptions {

  @Option(names = "--ratio", paramLabel = "RT+:RT-", defaultValue = "1:1",
      description = "Allocation ratio RT+:RT- (default: ${DEFAULT-VALUE}).")
  String ratio;

  @Option(names = "--block-sizes", paramLabel = "SIZES", split = ",",
      description = "Permuted block sizes, multiples of the ratio sum (default: 1, 2 and 3 times the ratio sum, 2,4,6 for 1:1).")
  List<Integer> blockSizes;

  @Option(names = "--p", paramLabel = "P", defaultValue = "0.8",
      description = "Minimization: probability of the minimizing arm, 0.5 to 1 (default: ${DEFAULT-VALUE}).")
  double p;

  @Option(names = "--measure", paramLabel = "range|variance", defaultValue = "range",
      description = "Minimization: imbalance measure (default: ${DEFAULT-VALUE}).")
  String measure;

  @Option(names = "--weights", paramLabel = "W", split = ",",
      description = "Minimization: one weight per factor in protocol order (default: all 1).")
  List<Double> weights;

  AllocationRatio ratio() {
    try {
      return AllocationRatio.parse(ratio, List.of(TrialFactors.RT_PLUS, TrialFactors.RT_MINUS));
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--ratio: " + e.getMessage());
    }
  }

  RandomizationScheme scheme(String method) {
    AllocationRatio r = ratio();
    MethodParameters parameters;
    try {
      parameters = switch (method) {
        case "blocks" -> new MethodParameters.PermutedBlocks(
            blockSizes != null ? blockSizes : List.of(r.sum(), 2 * r.sum(), 3 * r.sum()));
        case "minimization" -> new MethodParameters.Minimization(
            weights != null ? weights : java.util.Collections.nCopies(TrialFactors.ALL.size(), 1.0), measure(), p);
        case "simple" -> new MethodParameters.Simple();
        default -> throw new UserInputException("--method: must be blocks, minimization, simple or all, was " + method);
      };
      return new RandomizationScheme(TrialFactors.ALL, r, parameters);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
  }

  private ImbalanceMeasure measure() {
    return switch (measure) {
      case "range" -> ImbalanceMeasure.RANGE;
      case "variance" -> ImbalanceMeasure.VARIANCE;
      default -> throw new UserInputException("--measure: must be range or variance, was " + measure);
    };
  }
}
