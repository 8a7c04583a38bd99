package org.oligotrial.server.register;

import java.util.concurrent.Callable;
import org.oligotrial.server.database.DatabaseOption;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.input.UserInputException;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.site.Site;
import org.oligotrial.server.site.SiteService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oligotrial sites add|list|set-time-zone}: manage trial sites from the shell, straight on the database. Each
 * change is audited with the operator ({@code cli:<os user>}) as the actor.
 */
@Command(name = "sites", mixinStandardHelpOptions = true,
    description = "Add or list trial sites, or set a site's time zone (opens the database directly).",
    subcommands = {SitesCommand.Add.class, SitesCommand.ListSites.class, SitesCommand.SetTimeZone.class})
public final class SitesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** {@code sites add --code C --name N [--time-zone ZONE]}. */
  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a site.")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption db;

    @Option(names = "--code", required = true, description = "Short unique code, e.g. GZ01.")
    String code;

    @Option(names = "--name", required = true, description = "Display name.")
    String name;

    @Option(names = "--time-zone", paramLabel = "ZONE", description = "The site's IANA time zone, e.g."
        + " Asia/Shanghai: the zone of the local times its staff enter (the serious adverse event clock reads them"
        + " in it). Default: UTC.")
    String timeZone;

    @Override
    public Integer call() {
      if (timeZone != null) {
        zone(timeZone);
      }
      return OperatorErrors.change(db, spec, r -> r.sites().add(Actor.operator(), code, name, timeZone),
          (r, site) -> "added site " + site.code() + " (" + site.name() + ", time zone " + site.timeZone().getId()
              + ")");
    }
  }

  /** {@code sites set-time-zone --code C --time-zone ZONE --reason TEXT}. */
  @Command(name = "set-time-zone", mixinStandardHelpOptions = true,
      description = "Set a site's IANA time zone (audited with the reason). The serious adverse event clocks of the"
          + " site read its local awareness and report times in this zone.")
  static final class SetTimeZone implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption db;

    @Option(names = "--code", required = true, description = "The site's code.")
    String code;

    @Option(names = "--time-zone", required = true, paramLabel = "ZONE",
        description = "The IANA time zone, e.g. Asia/Shanghai or Europe/Berlin (not a fixed offset).")
    String timeZone;

    @Option(names = "--reason", required = true, description = "Why the zone changes (kept in the audit trail).")
    String reason;

    @Override
    public Integer call() {
      zone(timeZone);
      return OperatorErrors.change(db, spec,
          r -> r.sites().setTimeZone(Actor.operator(), code, timeZone, reason),
          (r, site) -> "site " + site.code() + " is in time zone " + site.timeZone().getId());
    }
  }

  /** Checks the zone before the database is opened; a bad one is "error: --time-zone: ..." (exit code 2). */
  static void zone(String timeZone) {
    try {
      SiteService.zone(timeZone);
    } catch (InvalidFieldException e) {
      throw new UserInputException("--time-zone (timeZone): " + e.detail(), e);
    }
  }

  /** {@code sites list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List sites.")
  static final class ListSites implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption db;

    @Override
    public Integer call() {
      try (OperatorSession s = OperatorSession.open(db.resolve())) {
        for (Site site : s.register().sites().list()) {
          spec.commandLine().getOut().println(site.code() + "\t" + site.name() + "\t" + site.timeZone().getId());
        }
      }
      return 0;
    }
  }
}
