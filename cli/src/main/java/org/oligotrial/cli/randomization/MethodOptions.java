package org.oligotrial.cli.randomization;

import java.nio.file.Path;
import java.util.List;
import org.oligotrial.cli.eligibility.Protocols;
import org.oligotrial.input.UserInputException;
import org.oligotrial.protocol.Arm;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.randomization.AllocationRatio;
import org.oligotrial.randomization.ImbalanceMeasure;
import org.oligotrial.randomization.MethodParameters;
import org.oligotrial.randomization.ProtocolRandomization;
import org.oligotrial.randomization.RandomizationScheme;
import picocli.CommandLine.Option;

/**
 * The method parameters shared by the randomization commands, turned into schemes on the protocol's factors and arms.
 * What is not given on the command line comes from the protocol's {@code randomization} section.
 */
final class MethodOptions {

  @Option(names = "--protocol", paramLabel = "FILE",
      description = "Protocol file whose arms, ratio, factors and method parameters are used (default: the bundled NCT03119519).")
  Path protocolFile;

  @Option(names = "--ratio", paramLabel = "R1:R2[:...]",
      description = "Allocation ratio, one whole number per arm in the protocol's arm order (default: the protocol's).")
  String ratio;

  @Option(names = "--block-sizes", paramLabel = "SIZES", split = ",",
      description = "Permuted block sizes, multiples of the ratio sum (default: the protocol's, else 1, 2 and 3 times the ratio sum).")
  List<Integer> blockSizes;

  @Option(names = "--p", paramLabel = "P",
      description = "Minimization: probability of the minimizing arm, 0.5 to 1 (default: the protocol's, else 0.8).")
  Double p;

  @Option(names = "--measure", paramLabel = "range|variance",
      description = "Minimization: imbalance measure (default: the protocol's, else range).")
  String measure;

  @Option(names = "--weights", paramLabel = "W", split = ",",
      description = "Minimization: one weight per factor in protocol order (default: the protocol's, else all 1).")
  List<Double> weights;

  private Protocol protocol;

  /** The protocol, loaded once. */
  Protocol protocol() {
    if (protocol == null) {
      protocol = Protocols.load(protocolFile);
      if (protocol.randomization() == null) {
        throw new UserInputException("--protocol: " + protocol.source() + " has no randomization section");
      }
    }
    return protocol;
  }

  AllocationRatio ratio() {
    List<String> arms = protocol().arms().stream().map(Arm::id).toList();
    try {
      return ratio == null ? new AllocationRatio(arms, protocol().randomization().ratio())
          : AllocationRatio.parse(ratio, arms);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--ratio: " + e.getMessage());
    }
  }

  /** The ratio as written, for example {@code SOC:SOC+SABR 1:2}. */
  String ratioText() {
    AllocationRatio r = ratio();
    return String.join(":", r.arms()) + " " + String.join(":", r.weights().stream().map(String::valueOf).toList());
  }

  RandomizationScheme scheme(String method) {
    AllocationRatio r = ratio();
    MethodParameters parameters;
    try {
      parameters = switch (method) {
        case "blocks" -> new MethodParameters.PermutedBlocks(blockSizes != null ? blockSizes : defaultBlocks(r));
        case "minimization" -> minimization();
        case "simple" -> new MethodParameters.Simple();
        default -> throw new UserInputException("--method: must be blocks, minimization, simple or all, was " + method);
      };
      return new RandomizationScheme(ProtocolRandomization.factors(protocol()), r, parameters);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
  }

  private List<Integer> defaultBlocks(AllocationRatio r) {
    List<Integer> stated = protocol().randomization().blockSizes();
    if (ratio == null && stated != null && !stated.isEmpty()) {
      return stated;
    }
    return List.of(r.sum(), 2 * r.sum(), 3 * r.sum());
  }

  private MethodParameters.Minimization minimization() {
    MethodParameters.Minimization stated = protocolMinimization();
    int factors = protocol().stratification().size();
    List<Double> w = weights != null ? weights
        : stated != null ? stated.factorWeights() : java.util.Collections.nCopies(factors, 1.0);
    ImbalanceMeasure m = measure != null ? measure() : stated != null ? stated.measure() : ImbalanceMeasure.RANGE;
    double prob = p != null ? p : stated != null ? stated.preferredArmProbability() : 0.8;
    return new MethodParameters.Minimization(w, m, prob);
  }

  /** The protocol's own minimization parameters, or null when it has no factors to minimize on. */
  private MethodParameters.Minimization protocolMinimization() {
    if (protocol().stratification().isEmpty()) {
      return null;
    }
    try {
      return (MethodParameters.Minimization) ProtocolRandomization.scheme(protocol(), "minimization").method();
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--protocol: " + e.getMessage());
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
