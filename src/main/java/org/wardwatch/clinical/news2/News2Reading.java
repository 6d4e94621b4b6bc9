package org.wardwatch.clinical.news2;

import java.time.Instant;

/**
 * What the {@link News2Calculator} reads of one patient's inputs at one moment, in one pass over them.
 *
 * @param score       the score; partial, with the missing components listed, when any input is absent or stale
 * @param staleParts  whether a part that was measured or charted is too old, so scores as missing (a part never given
 *                    is absent, not stale)
 * @param holdsUntil  the last moment at which the inputs still score as they do: when the first of their parts fresh
 *                    at that moment goes stale (its time plus its kind's freshness, a vital sign's or a charting's;
 *                    stale parts stay stale as time goes on), or {@link Instant#MAX} when none is fresh
 */
public record News2Reading(News2Score score, boolean staleParts, Instant holdsUntil) {
}
