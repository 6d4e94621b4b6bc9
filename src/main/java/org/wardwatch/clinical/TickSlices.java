package org.wardwatch.clinical;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The patients of a {@link WardState} dealt into the slices its tick takes in turn, each patient by its key's hash,
 * in the ward's order within a slice: so that ticking one slice touches only that slice's patients. Made again by the
 * ward when its patients change; not thread-safe, owned by the ward.
 */
final class TickSlices {

  private final List<List<PatientRecord>> slices;

  private TickSlices(List<List<PatientRecord>> slices) {
    this.slices = slices;
  }

  /** {@code patients} dealt into {@code count} slices. */
  static TickSlices of(Collection<PatientRecord> patients, int count) {
    List<List<PatientRecord>> slices = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      slices.add(new ArrayList<>());
    }
    for (PatientRecord patient : patients) {
      slices.get(Math.floorMod(patient.key().hashCode(), count)).add(patient);
    }
    return new TickSlices(slices);
  }

  /** How many slices there are. */
  int count() {
    return slices.size();
  }

  /** The patients of slice {@code slice}. */
  List<PatientRecord> slice(int slice) {
    return slices.get(slice);
  }
}
