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
    subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Grant.class,
        UsersCommand.Revoke.class, UsersCommand.ResetSecondFactor.class},
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

    @Option(names = "--trial", description = "The trial the role and sites are held on (default: the default"
        + " trial); an administrator is one on every trial.")
    String trial;

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
        UserAccount u = OperatorErrors.translate(() -> {
          if (trial != null) {
            s.register().trials().get(trial);
          }
          return s.register().users().add(Actor.operator(), username, r, new LinkedHashSet<>(sites), password,
              name, trial);
        });
        String on = r == Role.ADMINISTRATOR ? " on every trial"
            : " on trial " + (trial == null ? s.register().trials().defaultId() : trial);
        spec.commandLine().getOut().println("added user " + u.username() + " (" + u.role().name().toLowerCase()
            + (u.sites().isEmpty() ? "" : ", sites " + String.join(",", new java.util.TreeSet<>(u.sites()))) + ")"
            + on);
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
      return OperatorErrors.change(db, spec, r -> r.secondFactor().remove(Actor.operator(), username, reason),
          (r, removed) -> removed ? "removed the second factor of " + username : username + " has no second factor");
    }
  }

  /** {@code users grant --username U --trial T --role R [--site S]...}. */
  @Command(name = "grant", mixinStandardHelpOptions = true,
      description = "Give a user a role and sites on a trial, replacing what they held there (audited).")
  static final class Grant implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption db;

    @Option(names = "--username", required = true, description = "Login name.")
    String username;

    @Option(names = "--trial", required = true, description = "The trial's id, e.g. NCT01446744.")
    String trial;

    @Option(names = "--role", required = true,
        description = "investigator, coordinator, data-manager, monitor or statistician.")
    String role;

    @Option(names = "--site", description = "A site code the user belongs to on that trial (repeatable; site staff"
        + " and monitors).")
    List<String> sites = List.of();

    @Override
    public Integer call() {
      Role r = Role.parse(role);
      if (r == null) {
        throw new UserInputException("--role must be one of investigator, coordinator, data-manager, monitor,"
            + " statistician; got " + role);
      }
      return OperatorErrors.change(db, spec, reg -> {
        reg.trials().get(trial);
        return reg.users().grant(Actor.operator(), username, trial, r, new LinkedHashSet<>(sites));
      }, (reg, m) -> username + " is " + m.role().name().toLowerCase() + " on " + trial
          + (m.sites().isEmpty() ? "" : ", sites " + String.join(",", new java.util.TreeSet<>(m.sites()))));
    }
  }

  /** {@code users revoke --username U --trial T}. */
  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Take a user's role on a trial away (audited).")
  static final class Revoke implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption db;

    @Option(names = "--username", required = true, description = "Login name.")
    String username;

    @Option(names = "--trial", required = true, description = "The trial's id.")
    String trial;

    @Override
    public Integer call() {
      return OperatorErrors.change(db, spec, r -> {
        r.users().revoke(Actor.operator(), username, trial);
        return null;
      }, (r, none) -> username + " holds no role on " + trial);
    }
  }

  /** {@code users list}. */
  @Command(name = "list", description = "List users: name, role and sites on the default trial, then every trial"
      + " role (trial:role:sites).", mixinStandardHelpOptions = true)
  static final class ListUsers implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption db;

    @Override
    public Integer call() {
      try (OperatorSession s = OperatorSession.open(db.resolve())) {
        for (UserAccount u : s.register().users().list()) {
          String trials = String.join(" ", s.register().users().memberships(u.username()).stream()
              .map(m -> m.trialId() + ":" + m.role().name().toLowerCase() + ":"
                  + String.join(",", new java.util.TreeSet<>(m.sites())))
              .toList());
          spec.commandLine().getOut().println(u.username() + "\t" + u.role().name().toLowerCase() + "\t"
              + String.join(",", new java.util.TreeSet<>(u.sites())) + (trials.isEmpty() ? "" : "\t" + trials));
        }
      }
      return 0;
    }
  }
}
