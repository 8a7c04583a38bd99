package org.oligotrial.server.fhir;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.oligotrial.fhir.BundleMappingException;
import org.oligotrial.fhir.BundleToRecord;
import org.oligotrial.fhir.FieldSource;
import org.oligotrial.fhir.MappedRecord;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.participant.ParticipantHistory;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.register.Register;
import org.springframework.stereotype.Service;

/**
 * Screenings from FHIR bundles: maps a bundle, registers the record through the trial's {@link ParticipantService}
 * (the same checks, evaluation and audit rows as a typed record) and stores each mapped field's provenance with
 * screening version 1, all in one transaction.
 */
@Service
public class FhirScreenings {
  private static final BundleToRecord MAPPER = new BundleToRecord();
  private final Register register;
  private final Clock clock;
  private final ProvenanceStore store;

  FhirScreenings(Register register, Clock clock) {
    this.register = register;
    this.clock = clock;
    this.store = new ProvenanceStore(register.jdbc());
  }

  /** A registration with the provenance stored beside its screening version. */
  public record Registered(ParticipantHistory history, Map<String, FieldSource> provenance) {}

  /**
   * Maps a bundle to a screening record, checked by the engine's reader. The screening date is the bundle's
   * timestamp, else today.
   *
   * @throws InvalidFieldException (422) naming the resource and element (field {@code Observation/x valueInteger})
   */
  public MappedRecord map(String bundleJson) {
    if (bundleJson == null || bundleJson.isBlank()) {
      throw new InvalidFieldException("Bundle", "Bundle: the request holds no FHIR bundle");
    }
    if (bundleJson.length() > ParticipantService.MAX_RECORD) {
      throw new InvalidFieldException("Bundle", "Bundle: longer than " + ParticipantService.MAX_RECORD
          + " characters");
    }
    try {
      Bundle b = BundleToRecord.parseBundle(bundleJson);
      MappedRecord m = MAPPER.map(b, LocalDate.now(clock));
      m.toScreeningRecord(); // the engine's reader: a refused field names the resource it came from
      return m;
    } catch (BundleMappingException e) {
      String msg = e.getMessage();
      int colon = msg.indexOf(": ");
      throw new InvalidFieldException(colon < 0 ? "Bundle" : msg.substring(0, colon), msg);
    } catch (RuntimeException e) {
      // HAPI's parser refusing what is not a resource at all (an array, a number): never a 500
      throw new InvalidFieldException("Bundle", "Bundle: not FHIR R4 JSON (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * Registers a participant screened from the bundle, with the trial's participant service.
   *
   * @throws InvalidFieldException for a bundle that cannot be mapped, and as {@link ParticipantService#register}
   */
  public Registered register(ParticipantService participants, Actor actor, String siteCode, String screeningNumber,
      String bundleJson) {
    MappedRecord m = map(bundleJson);
    return register.tx().execute(s -> {
      ParticipantHistory h = participants.register(actor, siteCode, screeningNumber, m.json());
      store.insert(participants.trialId(), h.participant().id(), 1, m.provenance());
      return new Registered(h, m.provenance());
    });
  }

  /** The provenance of a participant's screening version; empty when it was typed. */
  public Map<String, FieldSource> provenance(String trialId, String participantId, int version) {
    return store.find(trialId, participantId, version);
  }
}
