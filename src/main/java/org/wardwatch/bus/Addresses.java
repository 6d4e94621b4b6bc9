package org.wardwatch.bus;

import java.util.regex.Pattern;

/**
 * Every event-bus address WardWatch uses, with its contract. Nothing else names an address.
 *
 * <p>Node-local addresses ({@code wardwatch.local.*}) carry per-frame traffic between the verticles of one node and are
 * consumed with {@code localConsumer}. Browser-facing addresses share {@link #BROWSER_PREFIX}, are published
 * cluster-wide and are scoped per ward (the "rooms"), so the SockJS bridge permits them with one rule and a ward screen
 * receives only its own ward.
 */
public final class Addresses {

  /**
   * Request-reply through {@link BusRequests}, node-local. Body: a {@code FrameBatch} (JSON) of the frames one device
   * connection delivered in one read, with the session's identity. Reply: a {@code BatchVerdict} (JSON), one verdict
   * per frame, in order, sent once accepted observations are recorded by their owners (a failure otherwise). Owner: the
   * frame parsing verticle.
   */
  public static final String FRAMES = "wardwatch.local.frames";

  /**
   * Request-reply, node-local. Body: an action a ward's screen sent to {@link #wardActions} through this node's
   * bridge, which addresses it here with header {@link #WARD_HEADER}, the ward of the address it was sent to. Owner:
   * the patient router verticle, which forwards it to the owner's {@link #engineActions}. Node-local, so that no other
   * node (a member killed a moment ago, which the cluster lists until Hazelcast drops it) is ever picked for it.
   */
  public static final String WARD_ACTIONS = "wardwatch.local.ward.actions";

  /** The header of a {@link #WARD_ACTIONS} request naming the ward whose screen sent it. */
  public static final String WARD_HEADER = "ward";

  /**
   * The {@link #wardActions} action that changes nothing and needs no user: a dashboard sends it after registering its
   * handlers, and the reply of the node serving it, coming after everything the page sent before it, says the
   * registrations are in place. That node answers it itself.
   */
  public static final String SYNC_ACTION = "sync";

  /**
   * Publish, node-local. Body: a {@link org.wardwatch.model.DeviceEvent} from the device side, for technical alarms: a
   * device a connection's {@code HELLO} named, or that connection moved on before a frame of it (the connection, when
   * the {@code HELLO} was read, and for a {@code HELLO} how soon the connection is closed should it send nothing more),
   * a device that went away (the connection that ended, and when it was found closed), or one that sends values the
   * gateway cannot accept (a line frame or an HL7 message), published through {@link DeviceEvents}. Owner: the patient
   * router verticle, which hands the body on whole to the patient's owner.
   */
  public static final String DEVICE_EVENTS = "wardwatch.local.devices";

  /**
   * Request-reply, node-local. Body: a patient action from the REST API, in the form of {@link #wardActions}
   * ({@code assess}, {@code override-limits}, {@code stop-measurement} or {@code discharge}); reply
   * {@code {"ok": true}} or a failure with code 400, 404, 409 or 503 (no owner could be reached, or it could not act
   * now: try again). Owner: the patient router verticle, which forwards it to the owner's {@link #engineActions}.
   */
  public static final String PATIENT_ACTIONS = "wardwatch.local.patients.actions";

  /**
   * Request-reply through {@link BusRequests}, node-local. Body:
   * {@code {"text": <one HL7 message>, "receivedAt": ISO, "deadline": epoch ms, "problem": text?}} from the MLLP
   * server, {@code problem} set when framing already found the message unusable (oversized, truncated),
   * {@code deadline} the time its sender stops waiting for the answer. Reply:
   * {@code {"acks": [<each HL7 ACK to send back, in order>]}} (none, one or two, as the message asks), sent once
   * accepted observations are recorded by their owners; else a failure with code 503 (not recorded, so the sender
   * retransmits), or 408 when the parser came to it after its {@code deadline} (skipped unparsed). Owner: the HL7
   * parsing verticle of messages up to {@value #HL7_LARGE_CHARS} characters.
   */
  public static final String HL7_MESSAGES = "wardwatch.local.hl7";

  /**
   * {@link #HL7_MESSAGES} for messages of more than {@value #HL7_LARGE_CHARS} characters, which HAPI takes up to
   * seconds over. Owner: an HL7 parsing verticle of their own, so that a monitor's usual message (a few kilobytes)
   * never waits behind them.
   */
  public static final String HL7_LARGE_MESSAGES = "wardwatch.local.hl7.large";

  /** Above this many characters, an HL7 message goes to {@link #HL7_LARGE_MESSAGES}. */
  public static final int HL7_LARGE_CHARS = 64 * 1024;

  /**
   * Request-reply, node-local. Body: a ward id (string) for that ward's patients only, or empty for every patient;
   * reply: JSON array of patient snapshots. Owner: the clinical engine verticle.
   */
  public static final String PATIENTS_LIST = "wardwatch.local.patients.list";

  /**
   * Request-reply, node-local. Body: the patient key (string); reply: the patient snapshot (JSON), or a failure with
   * code 404 when no such patient is known. Owner: the clinical engine verticle.
   */
  public static final String PATIENTS_GET = "wardwatch.local.patients.get";

  /**
   * Request-reply, node-local. Body: ignored; reply: {@code {"held", "max", "admitting"}}, the patients this member's
   * clinical engine holds (and is taking over), the most it admits a new one beside, and whether it admits one now.
   * Owner: the clinical engine verticle.
   */
  public static final String PATIENTS_ADMISSION = "wardwatch.local.patients.admission";

  /**
   * Request-reply, node-local. Body: {@code {"patient": key, "minutes": 1 to 60}}; reply: the patient's trend over the
   * last {@code minutes}: {@code {"patient", "ward", "from", "to", "bucketSeconds", "series", "events", "limits"}} (see
   * {@link org.wardwatch.clinical.WardView#history}), or a failure with code 404 when no such patient is known. Owner:
   * the patient router verticle, which forwards it to the owner's {@link #engineHistory}.
   */
  public static final String PATIENTS_HISTORY = "wardwatch.local.patients.history";

  /**
   * Request-reply, node-local. Empty body; reply: JSON array, sorted by ward, of {@code {"ward", "patients", "alarms":
   * {"HIGH", "MEDIUM", "LOW"}}}: each ward's patient count and its alarms that are active or await acknowledgement.
   * Owner: the clinical engine verticle.
   */
  public static final String WARDS_LIST = "wardwatch.local.wards.list";

  /**
   * Request-reply through {@link BusRequests}, cluster-wide, point-to-point to one member. Body: a {@code ReportBatch},
   * reports of patients this member owns in the order received; reply a {@code ReportsApplied} once applied, which
   * names the {@code FrameStamp} key of each report applied already (a resend, not applied again). Sent by the parsing
   * stages of every node ({@code ReportHandOff}). Owner: the clinical engine verticle of {@code member}.
   */
  public static String engineReports(String member) {
    return "wardwatch.engine." + member + ".reports";
  }

  /**
   * Request-reply, cluster-wide, to one member. Body: a device event (as {@link #DEVICE_EVENTS}) about a patient this
   * member owns; reply {@code {"ok": true}}, or a failure with code 400 when the body is not one. Owner: the clinical
   * engine verticle of {@code member}.
   */
  public static String engineDeviceEvents(String member) {
    return "wardwatch.engine." + member + ".devices";
  }

  /**
   * Request-reply, cluster-wide, to one member. Body: a clinician's action (as {@link #wardActions}) on a patient or
   * alarm this member owns; reply as {@link #wardActions}. Owner: the clinical engine verticle of {@code member}.
   */
  public static String engineActions(String member) {
    return "wardwatch.engine." + member + ".actions";
  }

  /**
   * Request-reply, cluster-wide, to one member. Body: {@code {"patient", "minutes"}}; reply as
   * {@link #PATIENTS_HISTORY}. Owner: the clinical engine verticle of {@code member}, which keeps the trends of the
   * patients it owns.
   */
  public static String engineHistory(String member) {
    return "wardwatch.engine." + member + ".history";
  }

  /**
   * Request-reply, cluster-wide, to one member. Empty body; reply {@code {"ok": true}}: proof that the event-bus path
   * to {@code member} works. Owner: the bus path verticle of {@code member}.
   */
  public static String busProbe(String member) {
    return "wardwatch.probe." + member;
  }

  /**
   * The failure code of a request to an engine ({@link #engineReports}, {@link #engineDeviceEvents},
   * {@link #engineActions}, {@link #engineHistory}) about a patient another member owns now: not carried out, to be
   * sent to the owner (HTTP's 421, Misdirected Request).
   */
  public static final int NOT_OWNED_HERE = 421;

  /** Prefix shared by every address a browser may receive from. */
  public static final String BROWSER_PREFIX = "wardwatch.ward.";

  /** Ward identifiers are restricted to this pattern so they are safe inside an address and a URL. */
  public static final String WARD_PATTERN = "[A-Za-z0-9_-]{1,32}";

  /** Regex matching every address a browser may receive from; the bridge's outbound permission. */
  public static final String BROWSER_ADDRESS_REGEX =
      "wardwatch\\.ward\\." + WARD_PATTERN + "\\.(vitals|alarms|escalations)";

  /**
   * Request-reply, node-local, from a browser over the bridge. Body: anything; reply {@code {"ok": true}}. A page's
   * probe of its live feed: answered by the node that serves the page, so it measures the browser's link to that node
   * and nothing beyond. Owner: the HTTP bridge verticle.
   */
  public static final String LINK_PROBE = "wardwatch.local.link";

  /** Regex of the ward addresses a page sends its actions to ({@link #wardActions}). */
  public static final String BROWSER_ACTION_REGEX = "wardwatch\\.ward\\." + WARD_PATTERN + "\\.actions";
  /** {@link #BROWSER_ACTION_REGEX} compiled once: the bridge asks it of every message a page sends (its probes too). */
  private static final Pattern BROWSER_ACTION = Pattern.compile(BROWSER_ACTION_REGEX);

  private Addresses() {
  }

  /**
   * Publish, cluster-wide, browser-facing. Body: the {@link PatientSnapshot} (its JSON, encoded once; another member
   * gets it through its codec) after the accepted frames of a batch for a patient of {@code ward} (one snapshot, which
   * shows them all), and after its other changes.
   */
  public static String wardVitals(String ward) {
    return BROWSER_PREFIX + ward + ".vitals";
  }

  /** Publish, cluster-wide, browser-facing. Body: an alarm transition (JSON) for a patient of {@code ward}. */
  public static String wardAlarms(String ward) {
    return BROWSER_PREFIX + ward + ".alarms";
  }

  /**
   * Publish, cluster-wide, browser-facing. Body: an {@code ESCALATED} alarm transition (JSON): an alarm of
   * {@code ward} left unacknowledged too long. Also published on {@link #wardAlarms}.
   */
  public static String wardEscalations(String ward) {
    return BROWSER_PREFIX + ward + ".escalations";
  }

  /**
   * Request-reply, browser-facing inbound, through the bridge only. Body: an action on an alarm or patient of
   * {@code ward}: {@code {"action", "user", ...}}, the action one of {@code acknowledge}, {@code pause-audio},
   * {@code assess}, {@code override-limits}, {@code stop-measurement}, {@code discharge} or {@link #SYNC_ACTION}; reply
   * {@code {"ok": true}} or a failure with code 400, 404, 409 or 503 and a message. No consumer listens here: the
   * bridge addresses each such action to its node's {@link #WARD_ACTIONS} ({@link #wardOfActions}).
   */
  public static String wardActions(String ward) {
    return BROWSER_PREFIX + ward + ".actions";
  }

  /** The ward of {@code address} when it is a {@link #wardActions} address, else {@code null}. */
  public static String wardOfActions(String address) {
    return address != null && BROWSER_ACTION.matcher(address).matches()
        ? address.substring(BROWSER_PREFIX.length(), address.length() - ".actions".length()) : null;
  }
}
