package org.wardwatch.clinical;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The versioned state of one patient, what a node writes after every change of a patient it owns and what the node
 * that takes the patient over rebuilds it from: {@code {"v": 1, ...}} followed by {@link PatientRecord#toState()}.
 * Plain JSON: instants and durations as ISO-8601 strings, decimals as strings, enums by name; it survives
 * {@code encode()} and {@code new JsonObject(String)} unchanged.
 *
 * <p>Stateless and thread-safe.
 */
final class PatientStateCodec {

  /** The format version this node writes and the only one it reads. */
  static final int VERSION = 1;

  private PatientStateCodec() {
  }

  /** The patient's complete state, format version first. */
  static JsonObject encode(PatientRecord patient) {
    return new JsonObject().put("v", VERSION).mergeIn(patient.toState());
  }

  /**
   * The patient {@link #encode} wrote.
   *
   * @throws IllegalArgumentException when {@code state} is not of format version {@value #VERSION} or is malformed
   *                                  (a part missing, of the wrong type or unreadable), with a message that says which
   */
  static PatientRecord decode(JsonObject state) {
    if (state == null) {
      throw new IllegalArgumentException("no patient state");
    }
    Object version = state.getValue("v");
    if (version == null) {
      throw new IllegalArgumentException("patient state without a format version 'v' refused");
    }
    if (!(version instanceof Integer number) || number != VERSION) {
      throw new IllegalArgumentException("patient state of format version " + version + " refused: this node reads "
          + "version " + VERSION + " only");
    }
    try {
      return PatientRecord.fromState(state);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("malformed patient state (version " + VERSION + ", patient "
          + state.getValue("patient") + "): " + e.getMessage(), e);
    }
  }

  /**
   * The audit records {@code state} holds as maybe not recorded ({@link AuditOutbox}), read without adopting its
   * patient (one taken over afresh, whose stored state is written over); none when it holds none or cannot be read.
   */
  static List<AuditRecord> unrecordedIn(JsonObject state) {
    if (!Integer.valueOf(VERSION).equals(state.getValue("v"))) {
      return List.of();
    }
    try {
      return AuditOutbox.fromState(state.getJsonObject("auditOutbox")).pending();
    } catch (IllegalArgumentException | ClassCastException unreadable) {
      return List.of();
    }
  }
}
