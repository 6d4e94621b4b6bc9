// WardWatch dashboard: one trend chart of the patient view (uPlot, served by the node from its WebJar): a vital-sign
// group's last hour, its line the last value of each bucket and its band the minimum to maximum, with the alarm limits
// in force as dashed lines and the patient's alarm events as vertical markers. The view (trends.js) owns the charts'
// data and lifecycle; this file only how they are drawn.

import { PARAMS } from './model.js';
import { formatClock } from './format.js';
import { columns, paddedRange } from './history.js';

export const WINDOW_S = 3600;
const CHART_HEIGHT = 170;
const PRIORITY_COLOUR = { HIGH: '#ff3b3b', MEDIUM: '#ffd500', LOW: '#00c4dc' };

/**
 * One chart per group: a blood pressure draws systolic, diastolic and mean together; the arterial line's
 * (`ifMeasured`) is shown only while the patient has a value of it in the hour.
 */
export const GROUPS = [
  { id: 'PULSE', title: 'Heart rate (/min)', params: ['PULSE'], colours: ['#7ee787'] },
  { id: 'SPO2', title: 'SpO\u2082 (%)', params: ['SPO2'], colours: ['#79c0ff'] },
  {
    id: 'BP',
    title: 'Blood pressure (mmHg)',
    params: ['BP_SYSTOLIC', 'BP_DIASTOLIC', 'BP_MEAN'],
    colours: ['#ff7b72', '#ffa198', '#ffd8d3'],
  },
  { id: 'RESP_RATE', title: 'Respiration rate (/min)', params: ['RESP_RATE'], colours: ['#d2a8ff'] },
  { id: 'TEMPERATURE', title: 'Temperature (\u00b0C)', params: ['TEMPERATURE'], colours: ['#ffa657'] },
  {
    id: 'ABP',
    title: 'Arterial blood pressure (mmHg)',
    params: ['ART_SYSTOLIC', 'ART_DIASTOLIC', 'ART_MEAN'],
    colours: ['#f778ba', '#ffadda', '#ffdaec'],
    ifMeasured: true,
  },
];

/** uPlot draw hook: dashed limit lines (with their rule) and vertical alarm-event markers. */
function overlay(chart) {
  return (u) => {
    const { ctx } = u;
    const { left, top, width, height } = u.bbox;
    ctx.save();
    ctx.lineWidth = 2 * devicePixelRatio;
    ctx.font = `${12 * devicePixelRatio}px system-ui, sans-serif`;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'bottom';
    const placed = []; // the labels drawn: close limits' labels go side by side, not over each other
    const lineHeight = 14 * devicePixelRatio;
    for (const { value, priority, label } of chart.limits) {
      const y = u.valToPos(value, 'y', true);
      if (y < top || y > top + height) continue;
      ctx.strokeStyle = PRIORITY_COLOUR[priority] || '#ccc';
      ctx.fillStyle = ctx.strokeStyle;
      ctx.setLineDash([8 * devicePixelRatio, 6 * devicePixelRatio]);
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(left + width, y);
      ctx.stroke();
      let x = left + 4 * devicePixelRatio;
      for (const p of placed) if (Math.abs(p.y - y) < lineHeight && x < p.to) x = p.to + 16 * devicePixelRatio;
      ctx.fillText(label, x, y - 4 * devicePixelRatio);
      placed.push({ y, to: x + ctx.measureText(label).width });
    }
    ctx.setLineDash([]);
    for (const tr of chart.events) {
      const x = u.valToPos(Date.parse(tr.at) / 1000, 'x', true);
      if (!(x >= left && x <= left + width)) continue;
      const muted = tr.type === 'CLEARED' || tr.type === 'ACKNOWLEDGED';
      ctx.strokeStyle = muted ? '#8b949e' : PRIORITY_COLOUR[tr.priority] || '#fff';
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
    }
    ctx.restore();
  };
}

/**
 * Draws `chart` (a view's {group, box, limits, events}) into its box, `width` px wide, from `history` (the history
 * endpoint's answer); returns the uPlot.
 */
export function plotChart(chart, history, width) {
  const { group, box } = chart;
  const series = [{}];
  const bands = [];
  group.params.forEach((p, i) => {
    const colour = group.colours[i];
    series.push({ label: PARAMS[p].name, stroke: colour, width: 2, spanGaps: true, points: { show: false } },
      { label: `${PARAMS[p].name} min`, stroke: 'transparent', points: { show: false }, spanGaps: true },
      { label: `${PARAMS[p].name} max`, stroke: 'transparent', points: { show: false }, spanGaps: true });
    bands.push({ series: [3 + 3 * i, 2 + 3 * i], fill: `${colour}33` });
  });
  const axis = { stroke: '#a7b0ba', grid: { stroke: '#2c333d' }, ticks: { stroke: '#2c333d' } };
  const limitValues = chart.limits.map((l) => l.value);
  return new uPlot({
    width,
    height: CHART_HEIGHT,
    series,
    bands,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: {
      // Always the whole hour, ending now or at the newest value: a short history reads as short.
      x: {
        time: true,
        range: (u, min, max) => {
          const end = Math.max(Date.now() / 1000, max || 0);
          return [end - WINDOW_S, end];
        },
      },
      // The data and the limits in force, so a value's distance to its limit is seen.
      y: { range: (u, min, max) => paddedRange([min, max, ...limitValues]) },
    },
    axes: [{ ...axis, values: (u, ticks) => ticks.map((t) => formatClock(t * 1000)) }, { ...axis, size: 50 }],
    hooks: { draw: [overlay(chart)] },
  }, columns(history.series || {}, group.params), box);
}
