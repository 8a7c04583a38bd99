package org.oligotrial.protocol;

/**
 * What signing and locking do when a form is not clean: open (or answered) queries, or required data missing. The
 * protocol file's optional {@code signature} section; without it the system refuses.
 *
 * <pre>
 * signature:
 *   blockers: refuse     # or: override - sign or lock anyway, with an explicit reason that is audited
 * </pre>
 *
 * @param overrideWithReason whether an investigator (signing) or a data manager (locking) may go ahead despite the
 *     blockers by giving a reason; false refuses, listing what blocks
 */
public record SignatureSettings(boolean overrideWithReason) {
  /** The default: refuse, listing the blockers. */
  public static final SignatureSettings REFUSE = new SignatureSettings(false);
}
