package org.oligotrial.cli.randomization;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.oligotrial.input.UserInputException;
import org.oligotrial.randomization.AllocationListExport;
import org.oligotrial.randomization.RandomizationScheme;
import org.oligotrial.randomization.SecretSeed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oligotrial randomization export-list --seed-file FILE}: the statistician's export of every stratum's sealed
 * permuted-block list as CSV, regenerated from the secret seed exactly as the randomizer uses it.
 */
@Command(
    name = "export-list",
    mixinStandardHelpOptions = true,
    description = "Statistician only: regenerate the sealed permuted-block lists of every stratum of the protocol from the seed, as CSV.")
public final class ExportListCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin MethodOptions methodOptions;

  @Option(names = "--seed-file", paramLabel = "FILE", required = true, description = "The secret seed (see new-seed).")
  Path seedFile;

  @Option(names = "--blocks-per-stratum", paramLabel = "B", defaultValue = "20",
      description = "Blocks to list per stratum (default: ${DEFAULT-VALUE}).")
  int blocks;

  @Override
  public Integer call() throws IOException {
    SecretSeed seed = NewSeedCommand.read(seedFile);
    RandomizationScheme scheme = methodOptions.scheme("blocks");
    String csv;
    try {
      csv = AllocationListExport.toCsv(AllocationListExport.forStatistician(scheme, seed, blocks));
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    spec.commandLine().getOut().print(csv);
    spec.commandLine().getOut().flush();
    spec.commandLine().getErr().println("list of seed " + seed.fingerprint() + ", " + scheme.method());
    spec.commandLine().getErr().flush();
    return 0;
  }
}
