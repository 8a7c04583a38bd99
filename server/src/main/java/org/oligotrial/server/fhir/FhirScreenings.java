package org.oligotrial.server.fhir;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.oligotrial.fhir.BundleMappingException;
import org.oligotrial.fhir.BundleToRecord;
import org.oligotrial.fhir.FieldSource;
import org.oligotrial.fhir.MappedRecord;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.protocol.RecordDeclaration;
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
  /** The record the mapping's output has the shape of: the bundled protocol's. */
  private static final RecordDeclaration BUNDLED_RECORD = ProtocolLoader.bundled().record();
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
    return map(bundleJson, null);
  }

  /**
   * Maps a bundle as {@link #map(String)} for a trial whose protocol is {@code protocol}. The mapping (docs/fhir.md)
   * gives a record in the shape of the bundled protocol's record: it is checked by that reader only when the trial
   * declares the same record; for another trial's record, the fields it declares are taken from the mapped record
   * and checked there (the screening form's check), the others left out.
   */
  public MappedRecord map(String bundleJson, Protocol protocol) {
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
      // the engine's reader: a refused field names the resource it came from
      if (protocol == null || protocol.record().equals(BUNDLED_RECORD)) {
        m.toScreeningRecord();
      }
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

  /**
   * Registers a screening completed in the web form after it was filled from a bundle, storing with its version 1,
   * in the same transaction, the provenance of the fields the form still holds as the bundle gave them: {@code
   * provenance} is the mapping's, {@code asFilled} the record the form held when filled from the bundle, and a field
   * whose value in {@code recordJson} differs from {@code asFilled} (the coordinator changed it) keeps no source.
   */
  public ParticipantHistory registerCompleted(ParticipantService participants, Actor actor, String siteCode,
      String screeningNumber, String recordJson, String asFilled, Map<String, FieldSource> provenance) {
    Map<String, FieldSource> kept = FormProvenance.unchanged(provenance, asFilled, recordJson);
    return register.tx().execute(s -> {
      ParticipantHistory h = participants.register(actor, siteCode, screeningNumber, recordJson);
      store.insert(participants.trialId(), h.participant().id(), 1, kept);
      return h;
    });
  }

  /** The part of a mapping's provenance whose fields {@code recordJson} (a trial's form as filled) holds. */
  public Map<String, FieldSource> heldBy(Map<String, FieldSource> provenance, String recordJson) {
    return FormProvenance.unchanged(provenance, recordJson, recordJson);
  }

  /** The provenance of a participant's screening version; empty when it was typed. */
  public Map<String, FieldSource> provenance(String trialId, String participantId, int version) {
    return store.find(trialId, participantId, version);
  }
}
