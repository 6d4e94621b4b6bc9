package org.wardwatch.model;

/** Alarm priority after IEC 60601-1-8, ordered from least to most urgent. */
public enum Priority {
  LOW,
  MEDIUM,
  HIGH
}
