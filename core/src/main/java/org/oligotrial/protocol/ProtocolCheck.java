package org.oligotrial.protocol;

import java.util.List;

/**
 * The outcome of checking a protocol file: the protocol when it loaded, the structural errors and the plausibility
 * warnings (e.g. a laboratory threshold outside the physiological range), each with file, line and field.
 *
 * @param protocol the loaded protocol, or null when there are errors
 * @param errors structural errors; empty when the file is valid
 * @param warnings plausibility warnings; a valid file may have some
 */
public record ProtocolCheck(Protocol protocol, List<ProtocolException.Problem> errors,
    List<ProtocolException.Problem> warnings) {

  /** Whether the file is valid (warnings allowed). */
  public boolean valid() {
    return errors.isEmpty();
  }
}
