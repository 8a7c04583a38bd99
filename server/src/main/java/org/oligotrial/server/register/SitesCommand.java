package org.oligotrial.server.register;

import java.util.concurrent.Callable;
import org.oligotrial.server.database.DatabaseOption;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.site.Site;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code oligotrial sites add|list}: manage trial sites from the shell, straight on the database. */
@Command(name = "sites", mixinStandardHelpOptions = true,
    description = "Add or list trial sites (opens the database directly).",
    subcommands = {SitesCommand.Add.class, SitesCommand.ListSites.class})
public final class SitesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** {@code sites add --code C --name N}. */
  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a site.")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption db;

    @Option(names = "--code", required = true, description = "Short unique code, e.g. GZ01.")
    String code;

    @Option(names = "--name", required = true, description = "Display name.")
    String name;

    @Override
    public Integer call() {
      try (OperatorSession s = OperatorSession.open(db.resolve())) {
        Site site = OperatorErrors.translate(() -> s.register().sites().add(Actor.operator(), code, name));
        spec.commandLine().getOut().println("added site " + site.code() + " (" + site.name() + ")");
      }
      return 0;
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
          spec.commandLine().getOut().println(site.code() + "\t" + site.name());
        }
      }
      return 0;
    }
  }
}
