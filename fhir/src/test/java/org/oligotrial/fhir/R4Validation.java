package org.oligotrial.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's validator against base R4 only, without network: the core structure definitions and value sets, in-memory
 * terminology, and the common code systems (UCUM, languages, ...). Profiles named in meta.profile (mCODE) are not
 * loaded, so the check is base R4; codes of external systems (SNOMED CT, LOINC, RxNorm) are not looked up. Shared
 * with the cli and server tests through this module's test-jar. Thread-safe (one validator, calls serialised).
 */
public final class R4Validation {
  private static final FhirValidator VALIDATOR = create();

  private R4Validation() {}

  private static FhirValidator create() {
    FhirContext ctx = FhirContext.forR4Cached();
    ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(ctx),
        new InMemoryTerminologyServerValidationSupport(ctx), new CommonCodeSystemsTerminologyService(ctx));
    FhirInstanceValidator instance = new FhirInstanceValidator(chain);
    // the mCODE profiles named in meta.profile are not loaded (no network, no package): base R4 is what is checked
    instance.setErrorForUnknownProfiles(false);
    return ctx.newValidator().registerValidatorModule(instance);
  }

  /** The ERROR and FATAL messages for the resource, as {@code location: message}. */
  public static synchronized List<String> errors(IBaseResource r) {
    return VALIDATOR.validateWithResult(r).getMessages().stream()
        .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
        .map(SingleValidationMessage::toString).toList();
  }

  /** All messages (for diagnosis). */
  public static synchronized List<SingleValidationMessage> all(IBaseResource r) {
    return VALIDATOR.validateWithResult(r).getMessages();
  }
}
