package org.oligotrial.server.participant;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.oligotrial.eligibility.CriterionResult;
import org.oligotrial.eligibility.CriterionStatus;
import org.oligotrial.eligibility.EligibilityEngine;
import org.oligotrial.eligibility.EligibilityJson;
import org.oligotrial.eligibility.EligibilityResult;
import org.oligotrial.eligibility.ScreeningRecordException;
import org.oligotrial.eligibility.ScreeningRecordParser;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.server.kernel.InvalidFieldException;

/**
 * Evaluates screening records with the domain core's {@link EligibilityEngine} on one protocol (the bundled one, or a
 * trial's version), reading them as that protocol's record declares. The protocol version stored with each result is
 * {@code <protocol id> sha256:<first 16 hex digits>} of the protocol file, so a result always names the exact protocol
 * text it was computed against. Thread-safe.
 */
public final class ProtocolScreeningEvaluator implements ScreeningEvaluator {
  private final ScreeningRecordParser parser;
  private final EligibilityEngine engine;
  private final String protocolVersion;

  /** The evaluator on the protocol bundled in the jar. */
  public ProtocolScreeningEvaluator() {
    this.engine = new EligibilityEngine(ProtocolLoader.bundled());
    this.parser = new ScreeningRecordParser(engine.protocol());
    this.protocolVersion = engine.protocol().id() + " sha256:" + bundledDigest().substring(0, 16);
  }

  /**
   * The evaluator on a protocol, storing {@code protocolVersion} with each result (a trial's version: {@code
   * ProtocolVersion#screeningTag}).
   */
  public ProtocolScreeningEvaluator(org.oligotrial.protocol.Protocol protocol, String protocolVersion) {
    this.engine = new EligibilityEngine(protocol);
    this.parser = new ScreeningRecordParser(protocol);
    this.protocolVersion = protocolVersion;
  }

  /** The protocol version stored with each result. */
  public String protocolVersion() {
    return protocolVersion;
  }

  @Override
  public ScreeningEvaluation evaluate(String screeningRecordJson) {
    EligibilityResult r;
    try {
      r = engine.evaluate(parser.parse(screeningRecordJson));
    } catch (ScreeningRecordException e) {
      String field = e.field().isEmpty() ? "screeningRecord" : "screeningRecord." + e.field();
      throw new InvalidFieldException(field, e.problem());
    }
    List<String> failures = r.criteria().stream()
        .filter(c -> c.status() == CriterionStatus.FAIL)
        .map(ProtocolScreeningEvaluator::describe)
        .toList();
    return new ScreeningEvaluation(r.verdict().name(), EligibilityJson.toAsciiJson(r), protocolVersion, failures);
  }

  private static String describe(CriterionResult c) {
    return c.id() + ": " + c.reason();
  }

  private static String bundledDigest() {
    try (InputStream in = ProtocolLoader.class.getResourceAsStream(ProtocolLoader.BUNDLED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the bundled protocol is missing from the jar");
      }
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot read the bundled protocol", e);
    }
  }
}
