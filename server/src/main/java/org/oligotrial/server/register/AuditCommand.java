package org.oligotrial.server.register;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.randomization.FactorIds;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.oligotrial.input.UserInputException;
import org.oligotrial.merkle.MerkleRange;
import org.oligotrial.server.audit.AuditEvent;
import org.oligotrial.server.audit.AuditHash;
import org.oligotrial.server.audit.AuditKeys;
import org.oligotrial.server.audit.AuditProofs;
import org.oligotrial.server.audit.AuditStore;
import org.oligotrial.server.audit.AuditTrail;
import org.oligotrial.server.audit.AuditVerifier;
import org.oligotrial.server.audit.Checkpoint;
import org.oligotrial.server.audit.CheckpointLog;
import org.oligotrial.server.audit.StateReplay;
import org.oligotrial.server.database.DatabaseOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code oligotrial audit verify | prove | check-proof}: checks the audit trail against its signed checkpoints, and
 * makes and checks proofs that a monitor can hold the server to without the database.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Check the audit trail; make and check proofs of its history.",
    subcommands = {AuditCommand.Verify.class, AuditCommand.Prove.class, AuditCommand.CheckProof.class})
public final class AuditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  private final BiFunction<JdbcClient, FactorIds, StateReplay> replay;

  /**
   * @param replay the state replay of a database (each feature compares its own tables; the wiring above every
   *     feature composes it)
   */
  public AuditCommand(BiFunction<JdbcClient, FactorIds, StateReplay> replay) {
    this.replay = replay;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** {@code --public-key FILE}, defaulting to the key directory's public key. */
  static PublicKey publicKey(Path file, AuditStore store) {
    Path p = file != null ? file : store.keyDirectory().resolve(AuditKeys.PUBLIC_FILE);
    if (!Files.isRegularFile(p)) {
      throw new UserInputException("--public-key: " + p + " does not exist (give the server's audit-signing.pub)");
    }
    return AuditKeys.readPublicKey(p);
  }

  /** {@code audit verify [--db URL] [--audit-keys DIR] [--checkpoint-log DIR] [--state]}. */
  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = {"Check the hash chain, and the rows against the newest signed checkpoint in the checkpoint log:"
          + " names every row rewritten, inserted, deleted, reordered or cut off, by sequence number. Rows after"
          + " the newest checkpoint are reported as not yet witnessed. With --state, also replay the audit history"
          + " and compare it with the participant, screening, consent, randomization and form tables.",
        "Exit 0 intact, 1 problems found, 2 bad input."})
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption db;
    @Mixin AuditStore store;

    @Option(names = "--public-key", paramLabel = "FILE",
        description = "The server's public key (default: audit-signing.pub in the key directory)")
    Path publicKeyFile;

    @ParentCommand AuditCommand parent;

    @Option(names = "--state", description = "Also compare the current trial tables with the audit history.")
    boolean state;

    @Override
    public Integer call() {
      PublicKey key = publicKey(publicKeyFile, store);
      try (OperatorSession s = OperatorSession.open(db.resolve(), store)) {
        AuditTrail trail = s.register().audit();
        AuditVerifier.Verification v = s.register().verifier().verify(
            new AuditVerifier.Witness(new CheckpointLog(store.logDirectory()), key, trail.keys()));
        PrintWriter out = spec.commandLine().getOut();
        List<String> problems = new ArrayList<>(v.problems());
        long problemCount = v.problemCount();
        if (state) {
          StateReplay.Result r = parent.replay.apply(s.register().jdbc(),
              FactorIds.of(ProtocolLoader.bundled())).compare(trail);
          problems.addAll(r.differences());
          problemCount += r.differences().size();
          out.println("state: " + r.recordsCompared() + " records compared with the audit history, "
              + r.differences().size() + " difference(s)");
        }
        if (problemCount == 0) {
          out.println("audit trail intact: " + v.rowsChecked() + " rows, chain verified; " + (v.checkpoint() == 0
              ? "no signed checkpoint yet" : v.witnessedRows() + " rows verified against signed checkpoint "
              + v.checkpoint()) + ", " + v.notYetWitnessed() + " not yet witnessed");
        } else {
          out.println("audit trail BROKEN: " + problemCount + " problem(s) in " + v.rowsChecked() + " rows");
          problems.forEach(p -> out.println("  " + p));
          if (v.problemCount() > v.problems().size()) {
            out.println("  ... and " + (v.problemCount() - v.problems().size()) + " more");
          }
        }
        v.notes().forEach(n -> out.println("note: " + n));
        return problemCount == 0 ? 0 : 1;
      }
    }
  }

  /** {@code audit prove --row SEQ [--checkpoint N] | --from N [--to M]} writes a proof file. */
  @Command(name = "prove", mixinStandardHelpOptions = true,
      description = {"Write a proof as JSON: with --row, that the row is in a checkpoint (inclusion); with --from,"
          + " that a later checkpoint extends an earlier one (consistency). Check it with 'audit check-proof'"
          + " and the public key alone.", "Exit 0 written, 1 the trail no longer matches the checkpoint, 2 bad input."})
  static final class Prove implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption db;
    @Mixin AuditStore store;

    @Option(names = "--row", paramLabel = "SEQ", description = "Prove this row's inclusion.")
    Long row;

    @Option(names = "--checkpoint", paramLabel = "N",
        description = "The checkpoint to prove inclusion in (default: the newest).")
    Long checkpoint;

    @Option(names = "--from", paramLabel = "N", description = "Prove that checkpoint --to extends checkpoint N.")
    Long from;

    @Option(names = "--to", paramLabel = "M", description = "The later checkpoint (default: the newest).")
    Long to;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
        description = "Where to write the proof (JSON); an existing file is not overwritten.")
    Path output;

    @Override
    public Integer call() {
      if ((row == null) == (from == null)) {
        throw new UserInputException("give either --row SEQ (inclusion) or --from N (consistency)");
      }
      if (row != null && (from != null || to != null)) {
        throw new UserInputException("--to goes with --from, not with --row");
      }
      if (from != null && checkpoint != null) {
        throw new UserInputException("--checkpoint goes with --row; use --to with --from");
      }
      if (Files.exists(output)) {
        throw new UserInputException("--output: " + output + " exists already");
      }
      PrintWriter out = spec.commandLine().getOut();
      try (OperatorSession s = OperatorSession.open(db.resolve(), store)) {
        AuditTrail trail = s.register().audit();
        CheckpointLog log = new CheckpointLog(store.logDirectory());
        PublicKey key = trail.keys().publicKey();
        List<CheckpointLog.Entry> entries = log.read(trail.chainId()).entries();
        if (entries.isEmpty()) {
          throw new UserInputException("the checkpoint log " + log.directory() + " holds no checkpoint of this"
              + " database's chain yet");
        }
        Checkpoint target = pick(entries, row != null ? checkpoint : to, row != null ? "--checkpoint" : "--to", key);
        List<byte[]> digests = new ArrayList<>();
        List<AuditEvent> wanted = new ArrayList<>();
        MerkleRange range = new MerkleRange();
        trail.forEach(ev -> {
          if (digests.size() < target.size()) {
            byte[] d = AuditHash.contentDigest(ev.occurredAt(), ev.entry());
            digests.add(d);
            range.appendEntry(d);
            if (row != null && ev.seq() == row) {
              wanted.add(ev);
            }
          }
        });
        if (digests.size() < target.size() || !Arrays.equals(range.root(), target.rootBytes())) {
          out.println("the trail no longer matches checkpoint " + target.number() + ": no proof made; run 'audit"
              + " verify'");
          return 1;
        }
        String json;
        if (row != null) {
          if (row < 1 || row > target.size()) {
            throw new UserInputException("--row: row " + row + " is not in checkpoint " + target.number()
                + " (rows 1.." + target.size() + ")");
          }
          json = AuditProofs.inclusion(wanted.get(0), target, digests);
          out.println("wrote " + output + ": row " + row + " is in checkpoint " + target.number());
        } else {
          Checkpoint first = pick(entries, from, "--from", key);
          if (first.number() > target.number()) {
            throw new UserInputException("--from " + from + " must not come after --to " + target.number());
          }
          json = AuditProofs.consistency(first, target, digests);
          out.println("wrote " + output + ": checkpoint " + target.number() + " extends checkpoint "
              + first.number());
        }
        write(output, json);
        return 0;
      }
    }

    private static Checkpoint pick(List<CheckpointLog.Entry> entries, Long number, String option, PublicKey key) {
      CheckpointLog.Entry e = number == null ? entries.get(entries.size() - 1)
          : entries.stream().filter(x -> x.checkpoint().number() == number).findFirst()
              .orElseThrow(() -> new UserInputException(option + ": no checkpoint " + number + " in the log (1.."
                  + entries.get(entries.size() - 1).checkpoint().number() + ")"));
      if (!e.checkpoint().signedBy(key)) {
        throw new UserInputException(option + ": checkpoint " + e.checkpoint().number()
            + " in the log is not signed by this server's key");
      }
      return e.checkpoint();
    }

    private static void write(Path file, String json) {
      try {
        Files.writeString(file, json, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      } catch (IOException e) {
        throw new UserInputException("--output: cannot write " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /** {@code audit check-proof FILE --public-key PEM}: checks a proof without the database. */
  @Command(name = "check-proof", mixinStandardHelpOptions = true,
      description = {"Check a proof written by 'audit prove' with the server's public key only (no database).",
        "Exit 0 valid, 1 not valid, 2 bad input."})
  static final class CheckProof implements Callable<Integer> {
    @Spec CommandSpec spec;

    @picocli.CommandLine.Parameters(index = "0", paramLabel = "PROOF", description = "The proof file (JSON).")
    Path proof;

    @Option(names = "--public-key", paramLabel = "FILE", required = true,
        description = "The server's public key (audit-signing.pub, PEM).")
    Path publicKey;

    @Override
    public Integer call() {
      if (!Files.isRegularFile(publicKey)) {
        throw new UserInputException("--public-key: " + publicKey + " does not exist");
      }
      PublicKey key = AuditKeys.readPublicKey(publicKey);
      String json;
      try {
        json = Files.readString(proof, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UserInputException("PROOF: cannot read " + proof + ": " + e.getMessage(), e);
      }
      AuditProofs.Outcome o = AuditProofs.check(json, key);
      spec.commandLine().getOut().println((o.valid() ? "proof valid: " : "proof NOT valid: ") + o.message());
      return o.valid() ? 0 : 1;
    }
  }
}
