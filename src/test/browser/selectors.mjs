// Every selector of the dashboard's DOM (src/main/resources/webroot) that the scenarios use, in one place: when the
// page changes, update them here. Only ids and data-* attributes, never classes or layout.

export const userName = '#user-name';
export const banner = '#link-banner';
export const linkState = '#link-state';
export const linkOpen = '#link-state[data-state="open"]';

/** The link is open and the server has confirmed the page's registrations on `ward` (the sync reply came back). */
export function subscribed(ward) {
  return `#link-state[data-state="open"][data-subscribed="${ward}"]`;
}
export const transport = '#link-transport';
/** What the page says when the ward in its address is one no device has reported from. */
export const unknownWard = (ward) => `#empty[data-unknown-ward="${ward}"]`;

/**
 * A patient's tile (an article.tile under #wards: the alarm list's lines and the open trend view, in the same column,
 * also carry data-patient); with `alarmPriority`, only while the tile shows that highest alarm priority.
 */
export function tile(patient, alarmPriority) {
  const showing = alarmPriority ? `[data-alarm-priority="${alarmPriority}"]` : '';
  return `#wards article.tile[data-patient="${patient}"]${showing}`;
}

/**
 * The value of one vital sign (PULSE, SPO2, RESP_RATE, BP_SYSTOLIC, BP_DIASTOLIC, BP_MEAN, TEMPERATURE, ART_SYSTOLIC,
 * ART_DIASTOLIC, ART_MEAN) on a tile.
 */
export function vital(patient, param) {
  return `${tile(patient)} [data-param="${param}"]`;
}

/** One cell of a tile (PULSE, SPO2, RESP_RATE, BP, TEMPERATURE, ABP); with `alarmPriority`, only while it shows it. */
export function vitalCell(patient, cell, alarmPriority) {
  return `${tile(patient)} [data-cell="${cell}"]${alarmPriority ? `[data-alarm="${alarmPriority}"]` : ''}`;
}

/** A patient's tile while it warns that another patient of its ward is in the same bed. */
export function sharedBed(patient) {
  return `${tile(patient)}[data-shared-bed]`;
}

/** A patient's tile while it shows every vital sign as stale (STALE), or, `stale` false, as live. */
export function staleTile(patient, stale = true) {
  return `${tile(patient)}${stale ? '[data-stale]' : ':not([data-stale])'}`;
}

/**
 * One vital sign's value while shown as stale (greyed: past 15 s, or its report interval), or, `stale` false, as live.
 */
export function staleVital(patient, param, stale = true) {
  return `${vital(patient, param)}${stale ? '[data-stale]' : ':not([data-stale])'}`;
}

/** A patient's alarm lines of `priority`, with `state` (e.g. ACTIVE_ACKNOWLEDGED) when given. */
export function alarmLine(patient, priority, state) {
  return `${tile(patient)} li[data-alarm-id][data-priority="${priority}"]${state ? `[data-state="${state}"]` : ''}`;
}

/** A patient's line of `priority` in the ward's alarm list beside the tiles. */
export function wardAlarmLine(patient, priority) {
  return `#alarm-list li[data-patient="${patient}"][data-priority="${priority}"]`;
}

/** The Acknowledge button of a patient's alarm line of `priority`. */
export function acknowledge(patient, priority) {
  return `${alarmLine(patient, priority)} button[data-action="acknowledge"]`;
}

/** The "Discharge" control of a patient's tile (shown once its monitor is gone) and the button that confirms it. */
export function dischargeControl(patient) {
  return `${tile(patient)} details[data-control="discharge"] > summary`;
}
export function dischargeConfirm(patient) {
  return `${tile(patient)} form[data-patient-action="discharge"] button[type="submit"]`;
}

/** A patient's tile while it shows a technical alarm, or, `technical` false, none. */
export function technicalTile(patient, technical = true) {
  return `${tile(patient)}${technical ? '[data-technical]' : ':not([data-technical])'}`;
}

/** A patient's "Assess" control; the form's `select` named `name` (consciousness, oxygen, scale, news2); its Save. */
export function assessControl(patient) {
  return `${tile(patient)} details[data-control="assess"] > summary`;
}
export function assessChoice(patient, name) {
  return `${tile(patient)} form[data-patient-action="assess"] select[name="${name}"]`;
}
export function assessSave(patient) {
  return `${tile(patient)} form[data-patient-action="assess"] button[type="submit"]`;
}

/** A patient's NEWS2 badge while NEWS2 is used (`on`) or stopped by a clinician (`off`). */
export function news2(patient, state) {
  return `${tile(patient)} [data-news2="${state}"]`;
}

/**
 * The "Stop measuring" control of a patient's tile (offered while a technical alarm of its data stands and a value is
 * grey), the box of one of its measurements (PULSE, SPO2, RESP_RATE, BP_SYSTOLIC,BP_DIASTOLIC, TEMPERATURE) and the
 * button that sends it.
 */
export function stopMeasureControl(patient) {
  return `${tile(patient)} details[data-control="stop-measurement"] > summary`;
}
export function stopMeasureChoice(patient, params) {
  return `${tile(patient)} form[data-patient-action="stop-measurement"] input[value="${params}"]`;
}
export function stopMeasureConfirm(patient) {
  return `${tile(patient)} form[data-patient-action="stop-measurement"] button[type="submit"]`;
}

/** The page's patient list has loaded since the page opened (or last failed). */
export const synced = '#sync-state[data-ok="true"]';

/** The header's transient notices (escalations, discharges). */
export const notices = '#notices';

export const wardPicker = '#ward-picker';
export const soundToggle = '#sound-toggle';
export const soundWarning = '#sound-warning';

/** The "Trends" button of a patient's tile. */
export function trendsButton(patient) {
  return `${tile(patient)} button[data-trends]`;
}

export const patientView = '#patient-view';
/** The patient view while it says its charts are live (`live` true) or stopped with the page's feed. */
export const patientViewLive = (live) => `#patient-view[data-live="${live}"]`;
export const patientViewStatus = '#patient-view [data-role="status"]';
export const patientViewClose = '#patient-view [data-role="close"]';

/** A chart of the patient view (PULSE, SPO2, BP, RESP_RATE, TEMPERATURE, ABP) once drawn from the history. */
export function trendChart(group) {
  return `#patient-view[data-loaded] figure[data-group="${group}"]`;
}
