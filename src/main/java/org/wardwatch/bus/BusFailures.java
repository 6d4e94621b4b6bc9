package org.wardwatch.bus;

/**
 * The failure codes of the node's event-bus requests between verticles, each the HTTP status of the same meaning, which
 * the REST API passes on as it is: the one list of them, for the verticles that fail requests and those that read the
 * failures. {@link Addresses#NOT_OWNED_HERE} is the cluster's own, for a patient another member owns.
 */
public final class BusFailures {

  /** A malformed request; what is wrong is the failure's message. */
  public static final int BAD_REQUEST = 400;
  /** No such patient or alarm (on the ward the request is about). */
  public static final int NOT_FOUND = 404;
  /** A request that waited past its {@code deadline}: nobody waits for its answer any more. */
  public static final int EXPIRED = 408;
  /** Refused as things stand: a patient still monitored, an alarm awaiting acknowledgement. */
  public static final int CONFLICT = 409;
  /** The answer could not be made (a query of the store failed). */
  public static final int FAILED = 500;
  /** Not carried out or recorded now (no quorum, no owner reached, the store failing): to be tried again. */
  public static final int UNAVAILABLE = 503;

  private BusFailures() {
  }
}
