// The unit page: /units/{code}?campaign=…  — what a unit's staff check, often on a phone.
//
// The unit's rank on each board with today's movement, then one card per indicator: the value,
// numerator/denominator, the target and the sentence that says what to do, a daily trend chart
// (uPlot) with the target line and the projection to the campaign end. Live through the hub's
// SubscribeUnit/UnitChanged; the trend and projection are re-read over HTTP after changes.
// Every text from the server goes through textContent.

import {
  campaignCountdown, formatDate, formatNumber, formatPercent, formatRatio, formatScore, formatTarget,
  formatTime, movement, parseDate, TIME_ZONE, todayIn,
} from './format.js';
import {
  countdownText, countUnit, gapSentence, indicatorName, initialLang, rememberLang, t, translateStatic,
} from './i18n.js';
import { el, followPlayedDay, getJson, LiveConnection, retryDelay, seg } from './live.js';

const REFRESH_AFTER_CHANGE_MS = 1_500;
const CHART_HEIGHT = 200;

const $ = id => document.getElementById(id);
const unitCode = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] ?? '');
const params = new URLSearchParams(location.search);

const state = {
  lang: initialLang(),
  campaignId: params.get('campaign'),
  // "YYYY-MM-DD": the unit as at the end of that day (from a past day's board, for the review); not live.
  asOf: parseDate(params.get('asOf')),
  campaign: null,
  unit: null,              // the unit GET / SubscribeUnit shape, kept current by UnitChanged
  previousRanks: new Map(), // board → rank at the end of the previous day (from the board GET)
  sharedRanks: new Map(),   // board → { rank, with: how many other units held that rank } (from the board GET)
  updatedAt: null,
  synced: false,
  live: 'connecting',
  notFound: false,         // the address names no unit or campaign: the page is not live
};

// ---------- data ----------

const live = new LiveConnection({
  onState: s => {
    state.live = s;
    if (s !== 'connected') state.synced = false;
    renderConnection();
  },
  onConnected: () => subscribe(),
  staleAfterMs: 10_000,
});

async function subscribe() {
  if (!state.campaign) return;
  try {
    const unit = await live.invoke('SubscribeUnit', state.campaign.id, unitCode);
    applyUnit(unit);
    state.synced = true;
    renderConnection();
  } catch {
    // The HTTP copy stays on screen; the connection indicator tells its age.
  }
}

function applyUnit(unit) {
  state.unit = unit;
  state.updatedAt = new Date();
  render();
}

live.on('UnitChanged', change => {
  if (!state.unit || change?.campaign !== state.campaign?.id || change.unit !== unitCode) return;
  if (change.epoch !== state.unit.epoch || change.version > state.unit.version + 1) {
    subscribe(); // another activation or a missed change: take the whole unit again
    return;
  }
  if (change.version <= state.unit.version) return;
  const eligibilityGap = change.eligible ? undefined : state.unit.eligibilityGap;
  state.unit = { ...state.unit, ...change, eligibilityGap, trend: withLastDay(state.unit.trend, change.indicators) };
  state.updatedAt = new Date();
  render();
  scheduleRefresh();
});

/**
 * The trend's last day is today (or the campaign's end), whose cumulative counts are the current
 * ones: move it with the change at once so the chart agrees with the card. Earlier days (a late
 * event dated in the past) come with the re-read below.
 */
function withLastDay(trend, indicators) {
  if (!Array.isArray(trend) || trend.length === 0 || !indicators) return trend;
  const tz = state.campaign?.timeZone ?? TIME_ZONE;
  const today = todayIn(tz);
  const lastDay = state.campaign?.end && state.campaign.end < today ? state.campaign.end : today;
  const last = trend[trend.length - 1];
  if (last.day !== lastDay) return trend;
  const counts = {};
  for (const [id, v] of Object.entries(indicators)) counts[id] = { numerator: v.numerator, denominator: v.denominator };
  return [...trend.slice(0, -1), { ...last, indicators: { ...last.indicators, ...counts } }];
}

// The trend, the projection and the eligibility gap are not in UnitChanged: re-read them a little
// after a change (once for a burst of changes).
let refreshTimer = 0;
function scheduleRefresh() {
  if (refreshTimer) return;
  refreshTimer = setTimeout(async () => {
    refreshTimer = 0;
    try {
      const unit = await getJson(`/campaigns/${seg(state.campaign.id)}/units/${seg(unitCode)}`);
      if (state.unit && unit.epoch === state.unit.epoch && unit.version < state.unit.version) return;
      applyUnit(unit);
      loadPreviousRanks();
    } catch { /* the next change tries again */ }
  }, REFRESH_AFTER_CHANGE_MS);
}

const dayQuery = () => (state.asOf ? `?asOf=${seg(state.asOf)}` : '');

/** Today's movement needs the rank at the end of the previous day, which the board GET carries. */
async function loadPreviousRanks() {
  const ranks = state.unit?.ranks ?? [];
  await Promise.all(ranks.map(async r => {
    try {
      const board = await getJson(`/campaigns/${seg(state.campaign.id)}/boards/${seg(r.board)}${dayQuery()}`);
      const entry = board.entries?.find(e => e.unit === unitCode);
      if (entry && Number.isInteger(entry.previousRank)) state.previousRanks.set(r.board, entry.previousRank);
      if (entry) state.sharedRanks.set(r.board, { rank: entry.rank, with: board.entries.filter(e => e.rank === entry.rank).length - 1 });
    } catch { /* movement is left out */ }
  }));
  renderRanks();
}

// ---------- rendering ----------

function indicatorsInOrder() {
  const list = state.campaign?.indicators ?? [];
  return [...list.filter(i => i.weight > 0), ...list.filter(i => !(i.weight > 0))];
}

/** Whether the campaign is over (by the demo's played day while it plays). */
function campaignEnded() {
  const campaign = state.campaign;
  return Boolean(campaign?.start)
    && campaignCountdown(campaign.start, campaign.end, campaign.timeZone ?? TIME_ZONE, new Date(), campaign.playedDay)?.phase === 'ended';
}

function renderHeader() {
  const lang = state.lang;
  const campaign = state.campaign;
  $('campaign-name').textContent = campaign?.name ?? '';
  $('unit-name').textContent = state.unit?.name ?? (state.notFound ? t(lang, 'unit.notFoundTitle', unitCode) : unitCode);
  document.title = state.unit ? `${state.unit.name} · ${t(lang, 'unit.title')}` : t(lang, 'unit.title');
  const countdown = campaign ? campaignCountdown(campaign.start, campaign.end, campaign.timeZone ?? TIME_ZONE, new Date(), campaign.playedDay) : null;
  // A past day's page is about that day: the campaign's count of days left (or the demo's day) would be another one.
  $('days-left').hidden = countdown === null || state.asOf !== null;
  $('days-left').textContent = countdownText(
    lang, countdown, formatNumber(countdown?.days ?? 0, lang), formatDate(campaign?.start), campaign?.playedDay && formatDate(campaign.playedDay));
  $('updated-at').textContent = state.asOf ? t(lang, 'header.asOf', formatDate(state.asOf))
    : state.updatedAt ? t(lang, 'unit.asOfNow', formatTime(state.updatedAt, campaign?.timeZone ?? TIME_ZONE)) : '';
  const board = state.unit?.ranks?.[0]?.board ?? campaign?.boards?.[0]?.id;
  const day = state.asOf ? `&asOf=${seg(state.asOf)}` : '';
  $('back-link').href = campaign ? `/?campaign=${seg(campaign.id)}${board ? `&board=${seg(board)}` : ''}${day}` : '/';
}

function renderConnection() {
  const shown = state.live === 'connected' ? (state.synced ? 'connected' : 'reconnecting') : state.live;
  const status = $('connection-status');
  // A page that names no unit is not live: no dot that seems to wait for a connection.
  status.hidden = state.notFound;
  // Nor an empty list of indicators under a heading, nor a link that skips to it.
  $('indicators').hidden = state.notFound;
  document.querySelector('.skip-link').hidden = state.notFound;
  // A past day's page says so rather than how a connection it does not need is doing.
  status.dataset.state = state.asOf ? 'fixed' : shown;
  status.querySelector('.connection-text').textContent = t(state.lang, state.asOf ? 'conn.fixed' : `conn.${shown}`);
}

function renderRanks() {
  const lang = state.lang;
  const unit = state.unit;
  const list = $('ranks');
  if (!unit) {
    list.replaceChildren();
    return;
  }
  list.replaceChildren(...(unit.ranks ?? []).map(r => {
    const li = el('li', 'rank-card');
    li.dataset.board = r.board;
    const board = state.campaign?.boards?.find(b => b.id === r.board);
    li.append(el('p', 'rank-figure', t(lang, 'unit.rank', formatNumber(r.rank, lang), formatNumber(r.of, lang))));
    // "Hạng 2/10" alone reads as second of ten; when three more units share it, say so (as of the board last read).
    const shared = state.sharedRanks.get(r.board);
    if (shared && shared.rank === r.rank && shared.with > 0) li.append(el('p', 'rank-shared', t(lang, 'unit.rankShared', formatNumber(shared.with, lang))));
    li.append(el('p', 'rank-board', t(lang, 'unit.rankOn', board?.name ?? r.board)));
    const previous = state.previousRanks.get(r.board);
    // After the campaign no rank moves "today".
    if (previous !== undefined && !(campaignEnded() && !state.asOf)) {
      const move = movement(r.rank, previous);
      const line = el('p', `rank-move ${move.delta > 0 ? 'up' : move.delta < 0 ? 'down' : 'same'}`);
      const symbol = el('span', 'move-symbol', move.delta > 0 ? '▲' : move.delta < 0 ? '▼' : '–');
      symbol.setAttribute('aria-hidden', 'true');
      line.append(symbol, el('span', null, state.asOf
        ? t(lang, 'unit.movementOn', move.delta, formatDate(state.asOf)) : t(lang, 'unit.movementToday', move.delta)));
      li.append(line);
    }
    li.append(el('p', 'rank-score', unit.applicable === false
      ? `${t(lang, 'col.score')}: ${t(lang, 'na')}` : t(lang, 'unit.score', formatScore(unit.score, lang))));
    return li;
  }));
  if ((unit.ranks ?? []).length === 0) list.append(el('li', 'rank-card', t(lang, 'unit.notRanked')));

  const eligibility = $('eligibility');
  eligibility.hidden = true;
  if (unit.applicable === false) {
    eligibility.hidden = false;
    eligibility.textContent = t(lang, 'unit.notApplicableUnit');
  } else if (!unit.eligible) {
    eligibility.hidden = false;
    eligibility.textContent = Number.isInteger(unit.eligibilityGap)
      ? t(lang, 'unit.eligibilityGap', formatNumber(unit.eligibilityGap, lang), unit.eligibilityGap)
      : t(lang, 'unit.ineligible');
  }
}

/** The status of one indicator: met, unmet, nodata (applies, nothing counted yet) or na. */
function statusOf(value) {
  if (!value || value.applicable === false) return 'na';
  if (!(value.denominator > 0)) return 'nodata';
  return value.met ? 'met' : 'unmet';
}

function actionSentence(id, value, status) {
  const lang = state.lang;
  // Why it does not apply (domain.md): without it the card only says "không áp dụng".
  if (status === 'na') return t(lang, id === 'online-payment' ? 'unit.naPayment' : 'unit.naOther');
  if (status === 'met') return t(lang, 'unit.met');
  if (value.gap === null || value.gap === undefined) {
    return status === 'nodata' ? t(lang, 'unit.noDossier') : t(lang, 'unit.unreachable');
  }
  return gapSentence(lang, id, formatNumber(value.gap, lang), value.gap, formatTarget(value.target, lang), campaignEnded() && !state.asOf);
}

const cards = new Map(); // indicator → { card, chart, chartKey }

function buildCard(indicator) {
  const card = el('article', 'card');
  card.dataset.indicator = indicator.id;
  const head = el('header', 'card-head');
  const title = el('h3', 'card-title');
  title.id = `ind-${indicator.id}`;
  card.setAttribute('aria-labelledby', title.id);
  const kind = el('span', 'card-kind');
  head.append(title, kind);
  const figures = el('div', 'card-figures');
  const value = el('p', 'ind-value');
  const side = el('div', 'card-side');
  const ratio = el('p', 'ind-ratio');
  const target = el('p', 'ind-target');
  side.append(ratio, target);
  figures.append(value, side);
  const status = el('p', 'ind-status');
  const bar = el('div', 'bar');
  bar.setAttribute('aria-hidden', 'true');
  const fill = el('span', 'bar-fill');
  const mark = el('span', 'bar-target');
  bar.append(fill, mark);
  const action = el('p', 'ind-action');
  const chartBox = el('figure', 'chart');
  const chartTitle = el('figcaption', 'chart-title');
  const chartArea = el('div', 'chart-area');
  chartArea.setAttribute('role', 'img');
  const legend = el('ul', 'chart-legend');
  chartBox.append(chartTitle, chartArea, legend);
  const projection = el('p', 'ind-projection');
  card.append(head, figures, status, bar, action, projection, chartBox);
  $('cards').append(card);
  return { card, title, kind, value, ratio, target, status, bar, fill, mark, action, chartBox, chartTitle, chartArea, legend, projection, chart: null, chartKey: '' };
}

function renderCards() {
  const lang = state.lang;
  const unit = state.unit;
  if (!unit || !state.campaign) return;
  for (const indicator of indicatorsInOrder()) {
    let c = cards.get(indicator.id);
    if (!c) {
      c = buildCard(indicator);
      cards.set(indicator.id, c);
    }
    const value = unit.indicators?.[indicator.id];
    const status = statusOf(value);
    c.card.dataset.status = status;
    c.title.textContent = indicatorName(lang, indicator.id, indicator.name);
    c.kind.textContent = indicator.weight > 0 ? t(lang, 'unit.weighted') : t(lang, 'unit.notWeighted');
    c.kind.classList.toggle('weighted', indicator.weight > 0);
    // An indicator that does not apply counts for nothing here, whatever its weight.
    c.kind.hidden = status === 'na';
    const target = value?.target ?? indicator.target;
    c.target.textContent = t(lang, 'unit.target', formatTarget(target, lang));
    if (status === 'na') {
      c.value.textContent = t(lang, 'na');
      c.ratio.textContent = '';
      c.status.textContent = '';
    } else {
      c.value.textContent = status === 'nodata' ? '—' : formatPercent(value.value, lang, value.numerator, value.denominator);
      c.ratio.textContent = `${formatRatio(value.numerator, value.denominator, lang)} ${countUnit(lang, indicator.id)}`;
      c.status.textContent = status === 'met' ? `✓ ${t(lang, 'met.yes')}`
        : status === 'unmet' ? `✗ ${t(lang, 'met.no')}` : t(lang, 'nodata');
    }
    c.value.classList.toggle('na', status === 'na');
    c.bar.hidden = status === 'na' || status === 'nodata';
    if (!c.bar.hidden) {
      c.fill.style.width = `${Math.min(100, Math.max(0, value.value * 100))}%`;
      c.mark.style.left = `${Math.min(100, target * 100)}%`;
    }
    c.action.textContent = actionSentence(indicator.id, value, status);
    c.action.hidden = c.action.textContent === '';

    // Once the campaign is over its figures are final: nothing left to project.
    const projected = campaignEnded() ? null : unit.projection?.[indicator.id];
    const endDate = state.campaign.end;
    c.projection.hidden = status === 'na' || campaignEnded();
    c.projection.textContent = projected === null || projected === undefined
      ? t(lang, 'unit.projectionNone')
      : t(lang, 'unit.projection', formatDate(endDate), formatPercent(projected, lang));
    c.projection.dataset.met = projected !== null && projected !== undefined && projected >= target ? 'true' : 'false';
    renderChart(c, indicator, status, target, projected);
  }
}

// ---------- charts ----------

const dayToSeconds = day => Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / 1000;
const secondsToDay = s => {
  const d = new Date(s * 1000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

function chartData(indicatorId, target, projected) {
  const trend = state.unit.trend ?? [];
  const xs = [];
  const values = [];
  for (const day of trend) {
    const counts = day.indicators?.[indicatorId];
    xs.push(dayToSeconds(day.day));
    values.push(counts && counts.denominator > 0 ? (counts.numerator / counts.denominator) * 100 : null);
  }
  const projection = values.map(() => null);
  const end = dayToSeconds(state.campaign.end);
  const lastValue = [...values].reverse().find(v => v !== null);
  if (projected !== null && projected !== undefined && xs.length > 0 && xs[xs.length - 1] < end && lastValue !== undefined) {
    projection[projection.length - 1] = values[values.length - 1] ?? lastValue;
    xs.push(end);
    values.push(null);
    projection.push(projected * 100);
  }
  const targets = xs.map(() => target * 100);
  return [xs, values, targets, projection];
}

function chartWidth(c) {
  return Math.max(200, Math.floor(c.chartArea.clientWidth || c.card.clientWidth - 32));
}

function renderChart(c, indicator, status, target, projected) {
  const lang = state.lang;
  const hasTrend = (state.unit.trend ?? []).some(d => d.indicators?.[indicator.id]?.denominator > 0);
  c.chartBox.hidden = status === 'na' || !hasTrend || !globalThis.uPlot;
  if (c.chartBox.hidden) return;
  const name = indicatorName(lang, indicator.id, indicator.name);
  c.chartTitle.textContent = t(lang, 'unit.chart', name);
  const data = chartData(indicator.id, target, projected);
  const lastValue = [...data[1]].reverse().find(v => v !== null && v !== undefined);
  c.chartArea.setAttribute('aria-label', `${t(lang, 'unit.chart', name)}. ${t(lang, 'unit.chart.value')}: ${
    lastValue === undefined ? '—' : formatPercent(lastValue / 100, lang)}; ${t(lang, 'unit.chart.target')}: ${formatTarget(target, lang)}.`);
  const key = `${lang}|${JSON.stringify(data)}`;
  if (key === c.chartKey && c.chart) return;
  c.chartKey = key;
  // No projection (a campaign over, or too little to project from): no legend for a line that is not drawn.
  const hasProjection = projected !== null && projected !== undefined;
  c.legend.replaceChildren(
    legendItem('value', t(lang, 'unit.chart.value')),
    legendItem('target', t(lang, 'unit.chart.target')),
    ...(hasProjection ? [legendItem('projection', t(lang, 'unit.chart.projection'))] : []));
  if (c.chart && c.chartLang === lang) {
    c.chart.setData(data);
    return;
  }
  // The axis labels are formatted for one language: another one draws the chart again.
  c.chart?.destroy();
  c.chartLang = lang;
  const axisFont = '13px "Be Vietnam Pro", system-ui, sans-serif';
  c.chart = new uPlot({
    width: chartWidth(c),
    height: CHART_HEIGHT,
    legend: { show: false },
    cursor: { show: false },
    tzDate: ts => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    scales: { x: { time: true }, y: { range: [0, 100] } },
    axes: [
      { font: axisFont, stroke: '#4d5562', grid: { stroke: '#e3e7ee' }, ticks: { stroke: '#c5ccd8' }, space: 64,
        values: (u, splits) => splits.map(secondsToDay) },
      { font: axisFont, stroke: '#4d5562', grid: { stroke: '#e3e7ee' }, ticks: { stroke: '#c5ccd8' }, size: 56,
        splits: () => [0, 25, 50, 75, 100], values: (u, splits) => splits.map(v => (lang === 'en' ? `${v}%` : `${v} %`)) },
    ],
    series: [
      {},
      { stroke: '#0b5cad', width: 2.5, fill: 'rgba(11, 92, 173, 0.10)', points: { show: false }, spanGaps: true },
      { stroke: '#b3261e', width: 2, dash: [8, 5], points: { show: false } },
      { stroke: '#0b5cad', width: 2, dash: [3, 4], points: { show: true, size: 7, fill: '#ffffff' }, spanGaps: true },
    ],
  }, data, c.chartArea);
}

function legendItem(kind, label) {
  const li = el('li', `legend-${kind}`);
  const swatch = el('span', 'swatch');
  swatch.setAttribute('aria-hidden', 'true');
  li.append(swatch, el('span', null, label));
  return li;
}

function render() {
  renderHeader();
  renderRanks();
  renderCards();
  renderConnection();
}

function renderAll() {
  document.documentElement.lang = state.lang;
  translateStatic(state.lang);
  const toggle = $('lang-toggle');
  toggle.textContent = t(state.lang, 'lang.switch');
  toggle.lang = state.lang === 'vi' ? 'en' : 'vi';
  toggle.setAttribute('aria-label', t(state.lang, 'lang.switchLabel'));
  for (const c of cards.values()) c.chartKey = '';
  render();
}

function showMessage(key) {
  const box = $('message');
  box.hidden = !key;
  box.textContent = key ? t(state.lang, key) : '';
}

// ---------- start ----------

async function init() {
  renderAll();
  // A page opened while the server is away (a phone on a flaky network, a restart) keeps trying, and says so; an
  // address that names no unit or campaign says that instead, and the page is not live.
  for (let attempt = 0; ; attempt++) {
    try {
      if (!state.campaignId) {
        const campaigns = await getJson('/campaigns');
        state.campaignId = campaigns[0]?.id ?? null;
        if (!state.campaignId) {
          showNotFound();
          return;
        }
      }
      state.campaign = await getJson(`/campaigns/${seg(state.campaignId)}`);
      applyUnit(await getJson(`/campaigns/${seg(state.campaignId)}/units/${seg(unitCode)}${dayQuery()}`));
      break;
    } catch (error) {
      if (error?.status === 404) {
        showNotFound();
        return;
      }
      showMessage('unit.loadError');
      await new Promise(resolve => setTimeout(resolve, retryDelay(attempt)));
    }
  }
  showMessage(null);
  loadPreviousRanks();
  // A past day's figures do not move: nothing to follow.
  if (!state.asOf) live.start();
}

function showNotFound() {
  state.notFound = true;
  renderAll();
  showMessage('unit.notFound');
}

$('lang-toggle').addEventListener('click', () => {
  state.lang = state.lang === 'vi' ? 'en' : 'vi';
  rememberLang(state.lang);
  renderAll();
});

let resizeTimer = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    for (const c of cards.values()) c.chart?.setSize({ width: chartWidth(c), height: CHART_HEIGHT });
  }, 150);
});

setInterval(renderHeader, 60_000);

// While the demo feed plays a past campaign, its day moves every few seconds: follow it.
followPlayedDay(() => state.campaign, campaign => { state.campaign = campaign; renderHeader(); });
init();
