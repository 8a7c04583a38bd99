package org.oligotrial.server.register;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.oligotrial.input.UserInputException;
import org.oligotrial.server.database.DatabaseOption;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.trial.Trial;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oligotrial trials add|list|amend|enrol-site|release-results}: the trials a server holds, straight on the
 * database. Each change is audited with the operator ({@code cli:<os user>}) as the actor.
 */
@Command(name = "trials", description = "Add, list or amend the trials the server holds (opens the database"
    + " directly).",
    subcommands = {TrialsCommand.Add.class, TrialsCommand.ListTrials.class, TrialsCommand.Amend.class,
        TrialsCommand.EnrolSite.class, TrialsCommand.ReleaseResults.class},
    mixinStandardHelpOptions = true)
public final class TrialsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** {@code trials add --protocol FILE [--default]}. */
  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Add a trial from its protocol file (checked first); the trial's id is the protocol's id and"
          + " the file becomes its protocol version 1, effective today.")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption db;

    @Option(names = "--protocol", required = true, description = "The protocol file (YAML).")
    Path protocol;

    @Option(names = "--default", description = "Make it the default trial (the one the single-trial paths and"
        + " pages address).")
    boolean makeDefault;

    @Override
    public Integer call() {
      String yaml = read(protocol);
      return OperatorErrors.change(db, spec,
          r -> r.trials().add(Actor.operator(), yaml, protocol.toString(), makeDefault),
          (r, t) -> "added trial " + t.id() + " (" + t.title() + "), protocol " + t.current().label() + " sha256:"
              + t.current().sha256().substring(0, 16) + (t.isDefault() ? ", default" : ""));
    }
  }

  /** {@code trials list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List the trials: id, current protocol version and its effective date, default mark, title.")
  static final class ListTrials implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption db;

    @Override
    public Integer call() {
      try (OperatorSession s = OperatorSession.open(db.resolve())) {
        for (Trial t : s.register().trials().list()) {
          int versions = s.register().trials().versions(t.id()).size();
          spec.commandLine().getOut().println(t.id() + "\t" + t.current().label() + " of " + versions
              + " (effective " + t.current().effectiveDate() + ")\t" + (t.isDefault() ? "default" : "") + "\t"
              + t.title());
        }
      }
      return 0;
    }
  }

  /** {@code trials amend --trial ID --protocol FILE --effective DATE --reason TEXT}. */
  @Command(name = "amend", mixinStandardHelpOptions = true,
      description = "Amend a trial: its protocol's next version (same trial id), effective from a date; screenings"
          + " and forms keep the version they were made under.")
  static final class Amend implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption db;

    @Option(names = "--trial", required = true, description = "The trial's id, e.g. NCT03119519.")
    String trial;

    @Option(names = "--protocol", required = true, description = "The amended protocol file (YAML), same id.")
    Path protocol;

    @Option(names = "--effective", required = true, description = "The date it applies from (YYYY-MM-DD).")
    String effective;

    @Option(names = "--reason", required = true, description = "Why the protocol was amended (audited).")
    String reason;

    @Override
    public Integer call() {
      LocalDate from;
      try {
        from = LocalDate.parse(effective.strip());
      } catch (DateTimeParseException e) {
        throw new UserInputException("--effective must be a date YYYY-MM-DD; got " + effective);
      }
      String yaml = read(protocol);
      return OperatorErrors.change(db, spec,
          r -> r.trials().amend(Actor.operator(), trial, yaml, protocol.toString(), from, reason),
          (r, v) -> "amended trial " + v.trialId() + ": protocol " + v.label() + " sha256:"
              + v.sha256().substring(0, 16) + ", effective " + v.effectiveDate());
    }
  }

  /** {@code trials enrol-site --trial ID --site CODE [--time-zone ZONE]}. */
  @Command(name = "enrol-site", mixinStandardHelpOptions = true,
      description = "Let a site (added with 'sites add') take part in a trial; a site added is enrolled in the"
          + " default trial.")
  static final class EnrolSite implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption db;

    @Option(names = "--trial", required = true, description = "The trial's id.")
    String trial;

    @Option(names = "--site", required = true, description = "The site's code.")
    String site;

    @Option(names = "--time-zone", paramLabel = "ZONE", description = "Also set the site's IANA time zone, e.g."
        + " Asia/Shanghai (as 'sites set-time-zone' does, audited); the zone is the site's, in every trial.")
    String timeZone;

    @Override
    public Integer call() {
      if (timeZone != null) {
        SitesCommand.zone(timeZone);
      }
      return OperatorErrors.change(db, spec, r -> {
        r.trials().enrolSite(Actor.operator(), trial, site);
        return timeZone == null ? null : r.sites().setTimeZone(Actor.operator(), site, timeZone,
            "given on enrolment in trial " + trial).timeZone().getId();
      }, (r, zone) -> "site " + site + " takes part in trial " + trial + " (sites: "
          + String.join(",", r.trials().sites(trial)) + ")" + (zone == null ? "" : "; time zone " + zone));
    }
  }

  /** {@code trials release-results --trial ID --reason TEXT}. */
  @Command(name = "release-results", mixinStandardHelpOptions = true,
      description = {"Release a trial's comparative (by-arm) efficacy and safety results: until then only the"
          + " DSMB sees them by arm and the statistician's reports and analysis dataset are pooled.",
          "Irreversible and audited: a trial's results are released once; the release cannot be undone."})
  static final class ReleaseResults implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption db;

    @Option(names = "--trial", required = true, description = "The trial's id, e.g. NCT03119519.")
    String trial;

    @Option(names = "--reason", required = true, description = "Why the results are released, e.g. the DSMB's"
        + " recommendation or the final analysis (audited).")
    String reason;

    @Override
    public Integer call() {
      try (OperatorSession s = OperatorSession.open(db.resolve())) {
        var r = OperatorErrors.translate(() -> s.register().results().release(Actor.operator(), trial, reason));
        spec.commandLine().getOut().println("released the comparative results of trial " + r.trialId() + " at "
            + r.releasedAt() + " by " + r.releasedBy() + ": the statistician now sees them by arm");
      }
      return 0;
    }
  }

  /** The file's text, or a one-line refusal naming the option. */
  static String read(Path file) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (NoSuchFileException e) {
      throw new UserInputException("--protocol: no such file " + file);
    } catch (CharacterCodingException e) {
      throw new UserInputException("--protocol: " + file + " is not UTF-8 text; save the protocol as UTF-8");
    } catch (IOException e) {
      throw new UserInputException("--protocol: cannot read " + file + " (" + e.getMessage() + ")");
    }
  }
}
