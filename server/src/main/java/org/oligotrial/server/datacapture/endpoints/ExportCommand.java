package org.oligotrial.server.datacapture.endpoints;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.oligotrial.endpoints.AnalysisCsv;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.database.DatabaseOption;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.register.OperatorSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oligotrial export analysis-dataset --out F.csv [--trial ID] [--db URL]}: the analysis dataset of a trial
 * (one row per randomized participant, the endpoints its protocol declares derived from the stored forms,
 * {@link AnalysisCsv#write(org.oligotrial.protocol.Protocol, java.util.List, java.util.List, Writer)}) as CSV for
 * {@code oligotrial analyze}; an operator command on the database like {@code audit verify}, audited as an export by
 * {@code cli:<os user>}. The blinding rule holds here too: until the trial's comparative results are released
 * ({@code trials release-results}) the file is pooled ({@link AnalysisCsv#writePooled}: no arm, no compliance
 * column). Exit 0 when written (participants whose forms contradict each other are named on stderr and left out), 2
 * when the file cannot be written.
 */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export data from the trial database.",
    subcommands = ExportCommand.AnalysisDataset.class)
public final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** {@code export analysis-dataset}. */
  @Command(name = "analysis-dataset", mixinStandardHelpOptions = true,
      description = {"Write the analysis dataset (one row per randomized participant: stratification factors,",
          "every time-to-event endpoint of the trial's protocol as time and event, worst CTCAE grade; the arm",
          "and compliance once the trial's results are released) as CSV, ready for 'oligotrial analyze'.",
          "Audited as an export."})
  static final class AnalysisDataset implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption db;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path out;

    @Option(names = "--trial", paramLabel = "ID", description = "The trial (default: the default trial).")
    String trial;

    @Override
    public Integer call() {
      try (OperatorSession s = OperatorSession.open(db.resolve())) {
        org.oligotrial.server.trial.Trial t;
        try {
          t = trial == null ? s.register().trials().defaultTrial() : s.register().trials().get(trial);
        } catch (org.oligotrial.server.kernel.RecordNotFoundException e) {
          throw new org.oligotrial.input.UserInputException("--trial: the server holds no trial " + trial);
        }
        DataCapture dc = DataCapture.on(s.register(), t.protocol(), t.current().version(), Clock.systemUTC());
        EndpointService.Dataset d = dc.endpoints().dataset();
        boolean byArm = s.register().results().released(t.id());
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
          if (byArm) {
            AnalysisCsv.write(t.protocol(), d.factors(), d.rows(), w);
          } else {
            AnalysisCsv.writePooled(t.protocol(), d.factors(), d.rows(), w);
          }
        } catch (IOException e) {
          spec.commandLine().getErr().println("cannot write " + out + ": " + e.getMessage());
          return 2;
        }
        Actor operator = Actor.operator();
        s.register().audit().recordNow(new AuditEntry(operator.username(), AuditAction.EXPORT, "export",
            "analysis-dataset", null, null, d.rows().size() + " participants to " + out.getFileName()
                + (d.excluded().isEmpty() ? "" : ", " + d.excluded().size() + " excluded")
                + (byArm ? ", by arm" : ", pooled"), null, null, t.id()));
        PrintWriter o = spec.commandLine().getOut();
        o.println("analysis dataset of " + t.id() + ": " + d.rows().size() + " participants written to " + out
            + (byArm ? " (by arm: results released)" : " (pooled: no arm column until the results are released)"));
        d.excluded().forEach(x -> spec.commandLine().getErr().println("left out (forms contradict each other): " + x));
        return 0;
      }
    }
  }
}
