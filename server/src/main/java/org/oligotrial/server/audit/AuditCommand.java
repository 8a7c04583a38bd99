package org.oligotrial.server.audit;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.oligotrial.server.database.DatabaseOption;
import org.oligotrial.server.register.OperatorSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code oligotrial audit verify}: checks the hash chain; exit 0 when intact, 1 when broken. */
@Command(name = "audit", description = "Check the audit trail.", subcommands = AuditCommand.Verify.class)
public final class AuditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** {@code audit verify [--db URL]}. */
  @Command(name = "verify",
      description = "Recompute the hash chain; name every edited, deleted or reordered row. Exit 0 intact, 1 broken.")
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption db;

    @Override
    public Integer call() {
      try (OperatorSession s = OperatorSession.open(db.resolve())) {
        AuditVerifier.Verification v = s.register().verifier().verify();
        PrintWriter out = spec.commandLine().getOut();
        if (v.intact()) {
          out.println("audit trail intact: " + v.rowsChecked() + " rows, chain verified");
          return 0;
        }
        out.println("audit trail BROKEN: " + v.problemCount() + " problem(s) in " + v.rowsChecked() + " rows");
        v.problems().forEach(p -> out.println("  " + p));
        if (v.problemCount() > v.problems().size()) {
          out.println("  ... and " + (v.problemCount() - v.problems().size()) + " more");
        }
        return 1;
      }
    }
  }
}
