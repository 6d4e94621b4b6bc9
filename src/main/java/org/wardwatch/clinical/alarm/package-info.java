/**
 * The clinical alarm lifecycle after IEC 60601-1-8 (alarm signals, acknowledgement, latching, audio pause) and the
 * alarm states of IHE PCD-04 (ACM), plus the ward's escalation, reminder and stale-data rules.
 *
 * <p>An {@link org.wardwatch.clinical.alarm.Alarm} is one alarm episode. Every operation takes the time it happens at
 * and returns the {@link org.wardwatch.clinical.alarm.AlarmTransition}s it caused, or none when it changed nothing.
 * Timers are never real: the owner calls {@code tick(now)} from a periodic timer, or at {@code nextDeadline()}, and
 * publishes what it returns. Everything here is pure (no event bus, no clock); alarms are mutable and not thread-safe,
 * owned by the verticle that tracks their patient and only touched on its event loop.
 *
 * <p>Rules where the clinical semantics leave room, as implemented:
 * <ul>
 *   <li><b>Idempotence.</b> Every operation is a no-op when it would not change anything: acknowledging an alarm that
 *       is acknowledged or cleared (the first acknowledger is kept), ending a condition that has ended, marking stale
 *       data stale, updating at the same priority, ticking twice at the same time. A pause request that would end less
 *       than a second after the running pause is a duplicate.</li>
 *   <li><b>Priority never falls</b> during an episode. An update at the current or a lower priority refreshes the
 *       message without a transition (the next transition's snapshot shows it), so it describes the current value.
 *       A lower priority held for a minute becomes the condition's: the condition rising again from there alarms
 *       again, also when the alarm was acknowledged at the higher one ("a new or escalated condition alarms again");
 *       a condition wavering at a boundary does not. Where nothing else damps a condition's end (NEWS2, whose total
 *       may waver at the edge of its alarm bands), the owner has it end only once it has been gone for that minute
 *       ({@code conditionEasing}), so the alarm is not cleared and raised anew at each waver.</li>
 *   <li><b>A new condition alarms again</b>, also under the same condition key: a condition with a part the alarm's
 *       condition did not have when last reported (the other direction of a threshold, one more parameter a technical
 *       alarm names) ends the alarm ({@code superseded}) and the owner raises another, unacknowledged, which escalates
 *       no later than the old one would have ({@code escalatesAfter}): a change cannot put escalation off.</li>
 *   <li><b>Updates apply only while the condition is present.</b> A condition that returns after its alarm has
 *       cleared or latched is a new episode, for the owner to raise.</li>
 *   <li><b>A priority rise alarms again</b>, whether the condition worsened ({@code update}) or the alarm escalated:
 *       an acknowledged alarm becomes unacknowledged (its acknowledgement is forgotten) and a running audio pause
 *       ends. An escalation page at HIGH, which changes no priority, leaves the pause running.</li>
 *   <li><b>Audio pause</b> applies to alarms that signal: active unacknowledged and latched ones. It never shortens a
 *       running pause. Acknowledging or clearing ends it without an {@code AUDIO_REARMED}, as nothing sounds then.</li>
 *   <li><b>Escalation</b> runs while an alarm awaits acknowledgement: active and unacknowledged, also while its audio
 *       is paused or its data stale (pausing is not acknowledging), and latched (its condition over, the clock runs
 *       on: a short dangerous episode nobody saw is paged like one that lasts). The interval is that of the priority
 *       the alarm has at the time, and the clock restarts at the escalation, when the alarm's priority rises and
 *       when a rise of the condition re-alarms an acknowledged alarm; a condition that eased and rose back within the
 *       priority of an alarm nobody answered leaves its clock running, so wavering cannot put escalation off.</li>
 *   <li><b>Reminders</b> run only while an alarm is active and acknowledged, every reminder interval from the
 *       acknowledgement.</li>
 *   <li><b>Late ticks.</b> A timer fires at the first tick at or after its deadline, stamped with that tick's time,
 *       and restarts from it: a tick that comes late reports at most one escalation and one reminder, not a
 *       burst.</li>
 *   <li><b>Latching</b> is decided by the priority the alarm has when its condition ends, so a physiological alarm
 *       escalated to HIGH latches.</li>
 *   <li><b>Stale data</b> never clears or silences an alarm; the flag is informational and the owner ends the
 *       condition only on data that shows it ended.</li>
 * </ul>
 */
package org.wardwatch.clinical.alarm;
