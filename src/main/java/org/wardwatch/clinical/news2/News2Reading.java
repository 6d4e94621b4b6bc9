package org.wardwatch.clinical.news2;

import java.time.Instant;

/**
 * What the {@link News2Calculator} reads of one patient's inputs at one moment, in one pass over them.
 *
 * @param score       the score ({@link News2Calculator#score})
 * @param staleParts  whether a part that was measured or charted is too old, so scores as missing
 *                    ({@link News2Calculator#hasStaleParts})
 * @param holdsUntil  the last moment at which the inputs still score as they do
 *                    ({@link News2Calculator#scoreHoldsUntil})
 */
public record News2Reading(News2Score score, boolean staleParts, Instant holdsUntil) {
}
