package org.wardwatch.clinical;

import org.wardwatch.model.Priority;

/** An alarm condition that holds now: how urgent it is and what a clinician should read. */
public record AlarmCondition(Priority priority, String message) {
}
