package org.oligotrial.server.randomization;

import java.util.List;
import org.oligotrial.randomization.AllocationListExport;
import org.oligotrial.randomization.MethodParameters;
import org.oligotrial.randomization.SecretSeed;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.SiteAccessDeniedException;

/**
 * The statistician's exports: the full allocation log (every record with its list position or draw) and, for the
 * permuted-blocks method, the sealed block list regenerated from the stored seed. Every export, and every refused
 * attempt, is audited. Nobody else reaches the log, the list or the seed. Thread-safe.
 */
public final class AllocationExports {
  /** Most blocks per stratum the list export regenerates. */
  public static final int MAX_BLOCKS = 1000;

  private final RandomizationService service;

  public AllocationExports(RandomizationService service) {
    this.service = service;
  }

  /** The arms' ids, in the protocol's order. */
  public List<String> arms() {
    return service.arms().stream().map(org.oligotrial.protocol.Arm::id).toList();
  }

  /**
   * The two arms a hazard ratio compares, experimental first: the protocol's arm of type {@code experimental} and the
   * other arm; empty when the trial does not have exactly two arms, one of them experimental.
   */
  public List<String> comparison() {
    List<org.oligotrial.protocol.Arm> arms = service.arms();
    List<org.oligotrial.protocol.Arm> experimental =
        arms.stream().filter(a -> "experimental".equals(a.type())).toList();
    if (arms.size() != 2 || experimental.size() != 1) {
      return List.of();
    }
    String e = experimental.get(0).id();
    return List.of(e, arms.stream().map(org.oligotrial.protocol.Arm::id).filter(id -> !id.equals(e)).findFirst()
        .orElseThrow());
  }

  /**
   * Every allocation of the trial in sequence order.
   *
   * @throws SiteAccessDeniedException unless the actor is the statistician (audited)
   */
  public List<RandomizationRecord> allocationLog(Actor actor) {
    requireStatistician(actor, "export the allocation log");
    List<RandomizationRecord> all = service.repository().all(service.trialId());
    exported(actor, "allocations", all.size() + " allocations");
    return all;
  }

  /**
   * The first {@code blocksPerStratum} blocks of every stratum's sealed list.
   *
   * @throws SiteAccessDeniedException unless the actor is the statistician (audited)
   * @throws InvalidFieldException when {@code blocksPerStratum} is not 1 to {@value #MAX_BLOCKS}
   * @throws ConflictException when the trial does not randomize with permuted blocks
   */
  public List<AllocationListExport.Entry> sealedList(Actor actor, int blocksPerStratum) {
    requireStatistician(actor, "export the sealed allocation list");
    if (blocksPerStratum < 1 || blocksPerStratum > MAX_BLOCKS) {
      throw new InvalidFieldException("blocksPerStratum", "must be 1 to " + MAX_BLOCKS);
    }
    if (!(service.scheme().method() instanceof MethodParameters.PermutedBlocks)) {
      throw new ConflictException("method", "the trial randomizes with " + service.scheme().method().methodName()
          + ", which has no sealed list; the allocation log holds every draw");
    }
    service.ensureTrial();
    service.repository().trial(service.trialId()).ifPresent(service::requireSameScheme);
    SecretSeed seed = SecretSeed.fromHex(service.repository().seedHex(service.trialId()));
    List<AllocationListExport.Entry> entries =
        AllocationListExport.forStatistician(service.scheme(), seed, blocksPerStratum);
    exported(actor, "list", entries.size() + " list entries, " + blocksPerStratum + " blocks per stratum");
    return entries;
  }

  private void requireStatistician(Actor actor, String what) {
    if (!RandomizationAccess.canExportAllocations(actor)) {
      service.deny(actor, RandomizationService.ENTITY, service.trialId(), null, what);
    }
  }

  private void exported(Actor actor, String field, String what) {
    service.audit().recordNow(new AuditEntry(actor.username(), AuditAction.EXPORT, RandomizationService.ENTITY,
        service.trialId(), field, null, what, null, null));
  }
}
