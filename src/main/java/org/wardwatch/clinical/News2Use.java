package org.wardwatch.clinical;

/**
 * Whether NEWS2 applies to a patient, as a clinician charted it: used, or stopped for a reason the audit trail records
 * (it is not validated for under-16s or in pregnancy, which have scores of their own; a ward may not score a patient at
 * the end of life).
 *
 * @param applies whether the patient is scored and alarmed on NEWS2
 * @param reason  why NEWS2 was stopped, as the clinician gave it; {@code null} when it is used
 */
public record News2Use(boolean applies, String reason) {

  /** NEWS2 scored and alarmed, as for every patient until a clinician stops it. */
  public static final News2Use USED = new News2Use(true, null);

  /** @throws IllegalArgumentException for a stop without its reason, or a reason without a stop */
  public News2Use {
    if (applies != (reason == null)) {
      throw new IllegalArgumentException(applies ? "'news2Reason' goes only with 'news2Applies': false"
          : "stopping NEWS2 needs 'news2Reason', why it does not apply (e.g. \"under 16\", \"pregnant\")");
    }
  }

  /** NEWS2 stopped for {@code reason}. */
  public static News2Use stopped(String reason) {
    return new News2Use(false, reason);
  }

  /** As the audit trail's detail says it: "NEWS2 used" or "NEWS2 not used: pregnant". */
  String describe() {
    return applies ? "NEWS2 used" : "NEWS2 not used: " + reason;
  }
}
