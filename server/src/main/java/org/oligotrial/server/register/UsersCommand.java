package org.oligotrial.server.register;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.oligotrial.input.UserInputException;
import org.oligotrial.server.database.DatabaseOption;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.user.UserAccount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code oligotrial users add|list}: manage users from the shell, straight on the database. */
@Command(name = "users", description = "Add or list users (opens the database directly).",
    subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.ResetSecondFactor.class},
    mixinStandardHelpOptions = true)
public final class UsersCommand implements Callable<Integer> {
  /** Where {@code --password-stdin} reads from; tests replace it. */
  static InputStream stdin = System.in;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** {@code users add --username U --role R [--site S]... --password-stdin}. */
  @Command(name = "add", description = "Add a user; the password is read from the first line of standard input.",
      mixinStandardHelpOptions = true)
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption db;

    @Option(names = "--username", required = true, description = "Login name.")
    String username;

    @Option(names = "--role", required = true,
        description = "administrator, investigator, coordinator, data-manager, monitor or statistician.")
    String role;

    @Option(names = "--site", description = "A site code the user belongs to (repeatable; site staff and monitors).")
    List<String> sites = List.of();

    @Option(names = "--name", description = "Full name, printed with the user's electronic signatures (default: the"
        + " username).")
    String name;

    @Option(names = "--password-stdin", required = true,
        description = "Read the password from standard input (at least 12 characters, at most 72 bytes in UTF-8).")
    boolean passwordStdin;

    @Override
    public Integer call() throws IOException {
      Role r = Role.parse(role);
      if (r == null) {
        throw new UserInputException("--role must be one of administrator, investigator, coordinator, data-manager,"
            + " monitor, statistician; got " + role);
      }
      String password = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
      if (password == null) {
        throw new UserInputException("--password-stdin: no password on standard input");
      }
      try (OperatorSession s = OperatorSession.open(db.resolve())) {
        UserAccount u = OperatorErrors.translate(() ->
            s.register().users().add(Actor.operator(), username, r, new LinkedHashSet<>(sites), password, name));
        spec.commandLine().getOut().println("added user " + u.username() + " (" + u.role().name().toLowerCase()
            + (u.sites().isEmpty() ? "" : ", sites " + String.join(",", u.sites())) + ")");
      }
      return 0;
    }
  }

  /** {@code users reset-second-factor --username U --reason R}. */
  @Command(name = "reset-second-factor", mixinStandardHelpOptions = true,
      description = "Remove a user's second sign-in factor (TOTP), for a lost device; audited with the reason.")
  static final class ResetSecondFactor implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption db;

    @Option(names = "--username", required = true, description = "Login name.")
    String username;

    @Option(names = "--reason", required = true, description = "Why (audited), e.g. \"phone lost\".")
    String reason;

    @Override
    public Integer call() {
      try (OperatorSession s = OperatorSession.open(db.resolve())) {
        boolean removed = OperatorErrors.translate(() ->
            s.register().secondFactor().remove(Actor.operator(), username, reason));
        spec.commandLine().getOut().println(removed ? "removed the second factor of " + username
            : username + " has no second factor");
      }
      return 0;
    }
  }

  /** {@code users list}. */
  @Command(name = "list", description = "List users with role and sites.", mixinStandardHelpOptions = true)
  static final class ListUsers implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption db;

    @Override
    public Integer call() {
      try (OperatorSession s = OperatorSession.open(db.resolve())) {
        for (UserAccount u : s.register().users().list()) {
          spec.commandLine().getOut().println(u.username() + "\t" + u.role().name().toLowerCase() + "\t"
              + String.join(",", u.sites()));
        }
      }
      return 0;
    }
  }
}
