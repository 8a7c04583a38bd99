package org.oligotrial.cli.randomization;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.oligotrial.input.UserInputException;
import org.oligotrial.randomization.SecretSeed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code oligotrial randomization new-seed FILE}: writes a new 32-byte secret seed (hexadecimal) from a {@link
 * SecureRandom} to a file that must not exist yet, and prints only its fingerprint.
 */
@Command(
    name = "new-seed",
    mixinStandardHelpOptions = true,
    description = "Create a secret randomization seed in a new file (keep it with the statistician; prints its fingerprint).")
public final class NewSeedCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "File to create; refused when it exists.")
  Path file;

  @Override
  public Integer call() throws IOException {
    SecretSeed seed = SecretSeed.generate(new SecureRandom());
    try {
      Files.writeString(file, seed.toHex() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new UserInputException(file + ": exists already; a seed is never overwritten");
    }
    spec.commandLine().getOut().println("seed written to " + file + ", fingerprint " + seed.fingerprint());
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** Reads a seed file written by this command. */
  static SecretSeed read(Path file) throws IOException {
    try {
      return SecretSeed.fromHex(Files.readString(file, StandardCharsets.UTF_8).trim());
    } catch (IllegalArgumentException e) {
      throw new UserInputException(file + ": " + e.getMessage());
    }
  }
}
