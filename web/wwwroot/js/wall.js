// The wall display: one board of one campaign, full screen, read from across a room, no mouse.
//
// URL: /wall?campaign=…&board=…[&rotate=20][&views=ranking,targets,movers][&theme=light][&lang=en]
//   rotate  seconds per view (default 20; 0 keeps the first view), pages of a long ranking count as views
//   views   which views rotate, in order
//
// Rows are positioned absolutely and moved with a transform, so a rank change glides (0.5 s)
// instead of jumping. Each row is built once and updated in place: a wall runs for weeks.
// Every text from the server goes through textContent.

import {
  campaignCountdown, formatDate, formatNumber, formatPercent, formatRelative, formatScore, formatTarget, formatTime,
  movement, TIME_ZONE, todayIn,
} from './format.js';
import { activityLabel, indicatorGoal, indicatorShortName, initialLang, t, translateStatic } from './i18n.js';
import { BoardFeed, el, followPlayedDay, getJson, LiveConnection, seg } from './live.js';

const TICKER_SIZE = 12;
const CELEBRATION_MS = 7_000;
const ROW_HIGHLIGHT_MS = 6_000;
const CELEBRATE_AFTER_MS = 1_500; // time for the board's change that carries the crossing to arrive
const MOVE_FLASH_MS = 4_000;
const HTTP_FALLBACK_AFTER_MS = 4_000;
const POLL_WHILE_OFFLINE_MS = 15_000;
const KNOWN_VIEWS = ['ranking', 'targets', 'movers'];

const params = new URLSearchParams(location.search);
const lang = initialLang();
const rotateSeconds = (() => {
  const raw = params.get('rotate');
  const n = raw === null ? 20 : Number(raw);
  if (!Number.isFinite(n) || n <= 0) return 0;
  return Math.max(5, n);
})();
const views = (() => {
  const wanted = (params.get('views') ?? '').split(',').map(v => v.trim()).filter(v => KNOWN_VIEWS.includes(v));
  return wanted.length > 0 ? [...new Set(wanted)] : KNOWN_VIEWS;
})();

const $ = id => document.getElementById(id);

const state = {
  campaignId: params.get('campaign'),
  boardId: params.get('board'),
  campaign: null,          // GET /campaigns/{id}
  setupProblem: false,     // the address names no board: the wall says so instead
  members: new Set(),      // the board's units
  entries: new Map(),      // unit → entry
  order: [],               // display order
  updatedAt: null,         // when the figures shown were last known to be current
  synced: false,           // a snapshot arrived since the connection was (re)established
  live: 'connecting',
  targetsToday: [],        // TargetReached seen today, newest first
  step: 0,                 // rotation position
  rowsPerPage: 10,
};

// ---------- theme, language, static text ----------

document.documentElement.dataset.theme = params.get('theme') === 'light' ? 'light' : 'dark';
document.documentElement.lang = lang;
translateStatic(lang);
document.title = t(lang, 'wall.title');

// ---------- live connection ----------

const live = new LiveConnection({
  onState: s => {
    state.live = s;
    if (s !== 'connected') state.synced = false;
    renderConnection();
    schedulePolling();
  },
  onConnected: async () => {
    if (feed) await feed.subscribe();
  },
});

let feed = null;

function onSnapshot(snapshot) {
  state.entries = new Map();
  for (const entry of snapshot.entries ?? []) state.entries.set(entry.unit, entry);
  state.order = (snapshot.entries ?? []).map(e => e.unit);
  state.updatedAt = new Date();
  state.synced = live.isConnected;
  $('wall-message').hidden = true;
  renderConnection();
  renderData();
}

function onChange(change) {
  const before = new Map(state.order.map((u, i) => [u, i]));
  for (const entry of change.entries ?? []) {
    const old = state.entries.get(entry.unit);
    state.entries.set(entry.unit, entry);
    if (old && old.rank !== entry.rank) flashMove(entry.unit, old.rank > entry.rank ? 'up' : 'down');
  }
  sortEntries(before);
  state.updatedAt = new Date();
  renderData();
}

/** Rank ascending; equal ranks keep the server's last order (its tie-break needs data a diff lacks). */
function sortEntries(previousIndex) {
  const position = u => previousIndex.get(u) ?? Number.MAX_SAFE_INTEGER;
  state.order = [...state.entries.keys()].sort((a, b) =>
    state.entries.get(a).rank - state.entries.get(b).rank || position(a) - position(b) || (a < b ? -1 : a > b ? 1 : 0));
}

live.on('TargetReached', message => {
  if (!message || message.campaign !== state.campaignId || !state.members.has(message.unit)) return;
  // Celebrated once the board agrees: its change follows within a few hundred milliseconds. A unit with a handful of
  // dossiers crosses and falls back by the event (1/2, then 1/3), and a banner over a row saying "✗ Chưa đạt", or for
  // a unit without enough data to be ranked, told the room something the table did not.
  setTimeout(() => {
    const entry = state.entries.get(message.unit);
    if (!entry || entry.eligible === false || !entry.indicators?.[message.indicator]?.met) return;
    state.targetsToday.unshift(message);
    state.targetsToday.length = Math.min(state.targetsToday.length, 20);
    celebrate(message);
    renderMovers();
  }, CELEBRATE_AFTER_MS);
});

live.on('Activity', message => {
  if (!message || message.campaign !== state.campaignId || !state.members.has(message.unit)) return;
  queueActivity(message);
});

// Without the hub the wall still shows the figures, re-read over HTTP and marked as maybe stale.
let pollTimer = 0;
function schedulePolling() {
  clearInterval(pollTimer);
  pollTimer = 0;
  if (state.live === 'disconnected') pollTimer = setInterval(loadHttpSnapshot, POLL_WHILE_OFFLINE_MS);
}

async function loadHttpSnapshot() {
  if (!feed || live.isConnected) return;
  try {
    const snapshot = await getJson(`/campaigns/${seg(state.campaignId)}/boards/${seg(state.boardId)}`);
    if (live.isConnected) return; // the hub's snapshot is as new or newer
    feed.applySnapshot(snapshot);
  } catch {
    // Still offline; the connection indicator already says so.
  }
}

// ---------- header ----------

function renderHeader() {
  const campaign = state.campaign;
  const board = campaign?.boards?.find(b => b.id === state.boardId);
  $('campaign-name').textContent = campaign?.name ?? '…';
  const tz = campaign?.timeZone ?? TIME_ZONE;
  const countdown = campaign ? campaignCountdown(campaign.start, campaign.end, tz, new Date(), campaign.playedDay) : null;
  // Played through, the demo stands on the day after the campaign's last: it says it is over, not that day.
  $('board-name').textContent = (board?.name ?? '') + (!campaign?.playedDay ? ''
    : countdown?.phase === 'ended' ? ` · ${t(lang, 'header.demo')}` : ` · ${t(lang, 'header.demoDay', formatDate(campaign.playedDay))}`);
  if (campaign) document.title = `${campaign.name} · ${t(lang, 'wall.title')}`;
  // Before the first day: the days to the start. After the last: the words alone (a big "0" would only repeat them).
  $('days-left').textContent = countdown === null ? '–' : formatNumber(countdown.days, lang);
  $('days-left').hidden = countdown?.phase === 'ended';
  $('days-left').parentElement.dataset.phase = countdown?.phase ?? '';
  const label = { before: 'wall.daysToStart', ended: 'wall.ended' }[countdown?.phase] ?? 'wall.daysLeft';
  $('days-left-label').textContent = t(lang, label);
  renderClock();
}

function renderClock() {
  const tz = state.campaign?.timeZone ?? TIME_ZONE;
  const clock = formatTime(new Date(), tz).slice(0, 5);
  if ($('clock').textContent !== clock) $('clock').textContent = clock;
  const updated = state.updatedAt ? t(lang, 'header.updatedAt', formatTime(state.updatedAt, tz)) : '';
  if ($('updated-at').textContent !== updated) $('updated-at').textContent = updated;
}

/** What the dot says: "connected" only once a snapshot taken on this connection is shown. */
function shownConnection() {
  if (state.live === 'connected') return state.synced || state.setupProblem ? 'connected' : 'reconnecting';
  return state.live;
}

function renderConnection() {
  const shown = shownConnection();
  const box = $('connection');
  box.dataset.state = shown;
  box.querySelector('.connection-text').textContent = t(lang, `conn.${shown}`);
  const stale = shown === 'disconnected';
  document.body.classList.toggle('stale', stale);
  const banner = $('stale-banner');
  banner.hidden = !stale;
  if (stale) {
    const tz = state.campaign?.timeZone ?? TIME_ZONE;
    banner.textContent = state.updatedAt ? t(lang, 'wall.stale', formatTime(state.updatedAt, tz)) : t(lang, 'wall.staleNever');
  }
  renderClock();
}

// ---------- the ranking ----------

const rows = new Map(); // unit → { li, cells… , key }

function weightedIndicators() {
  return (state.campaign?.indicators ?? []).filter(i => i.weight > 0);
}

function allIndicators() {
  const list = state.campaign?.indicators ?? [];
  return [...list.filter(i => i.weight > 0), ...list.filter(i => !(i.weight > 0))];
}

// Common abbreviations of Vietnamese administrative names, applied one by one while a name is too
// long for a wall row; the full name stays in the title attribute.
const ABBREVIATIONS = [
  ['Nông nghiệp và Phát triển nông thôn', 'NN&PTNT'],
  ['Quản lý chất lượng', 'QLCL'],
  ['Phát triển nông thôn', 'PTNT'],
  ['Bảo vệ thực vật', 'BVTV'],
  ['Kinh tế tổng hợp', 'KTTH'],
  ['Nông lâm sản và Thủy sản', 'NLS và TS'],
  ['Ủy ban nhân dân', 'UBND'],
  ['thành phố', 'TP'],
];
const SHORT_NAME_LENGTH = 30;

/** The name with abbreviations applied, one at a time, until `fits` says yes (by default: length). */
function shortName(name, fits = s => s.length <= SHORT_NAME_LENGTH) {
  let s = String(name ?? '');
  for (const [long, short] of ABBREVIATIONS) {
    if (fits(s)) break;
    s = s.replace(long, short);
  }
  return s;
}

/** Shortens a name in its element until it fits the element's width (measured: fonts differ). */
function fitName(node, name) {
  node.textContent = name;
  if (node.clientWidth === 0) {
    node.textContent = shortName(name);
    return;
  }
  node.textContent = shortName(name, s => {
    node.textContent = s;
    return node.scrollWidth <= node.clientWidth;
  });
}

/**
 * Fits every row's name again: names are fitted when a row renders, which may be before the page's font has loaded,
 * and the font is wider than the fallback, so a name that fitted was cut with "…" once it arrived.
 */
function refitNames() {
  for (const row of rows.values()) {
    if (!row.fullName) continue;
    fitName(row.nameText, row.fullName);
    row.nameWidth = row.nameText.clientWidth;
  }
}
document.fonts?.addEventListener('loadingdone', refitNames);
document.fonts?.ready.then(refitNames);

function renderColumns() {
  document.documentElement.style.setProperty('--weighted', String(Math.max(1, weightedIndicators().length)));
  const head = $('rank-columns');
  head.replaceChildren();
  head.append(el('span', 'col col-rank', t(lang, 'col.rank')));
  head.append(el('span', 'col col-move', t(lang, 'col.movement')));
  head.append(el('span', 'col col-name', t(lang, 'col.unit')));
  for (const indicator of weightedIndicators()) {
    const col = el('span', 'col col-ind');
    col.append(el('span', 'col-ind-name', indicatorShortName(lang, indicator.id, indicator.name)));
    col.append(el('span', 'col-ind-target', t(lang, 'wall.col.targetMark', formatTarget(indicator.target, lang))));
    head.append(col);
  }
  head.append(el('span', 'col col-score', t(lang, 'col.score')));
}

function buildRow(unit) {
  const li = el('li', 'rank-row');
  li.dataset.unit = unit;
  const rank = el('span', 'cell-rank');
  const move = el('span', 'cell-move');
  const moveSymbol = el('span', 'move-symbol');
  moveSymbol.setAttribute('aria-hidden', 'true');
  const moveWords = el('span', 'sr-only');
  move.append(moveSymbol, moveWords);
  const name = el('span', 'cell-name');
  const nameText = el('span', 'name-text');
  name.append(nameText);
  const indicators = new Map();
  li.append(rank, move, name);
  for (const indicator of weightedIndicators()) {
    const cell = el('span', 'cell-ind');
    cell.dataset.indicator = indicator.id;
    const pct = el('span', 'ind-pct');
    const bar = el('span', 'bar');
    const fill = el('span', 'bar-fill');
    const mark = el('span', 'bar-target');
    bar.append(fill, mark);
    const badge = el('span', 'ind-badge');
    const icon = el('span', 'badge-icon');
    icon.setAttribute('aria-hidden', 'true');
    const word = el('span', 'badge-word');
    badge.append(icon, word);
    const note = el('span', 'ind-note');
    cell.append(pct, bar, badge, note);
    indicators.set(indicator.id, { cell, pct, bar, fill, mark, badge, icon, word, note });
    li.append(cell);
  }
  const score = el('span', 'cell-score');
  const scoreValue = el('span', 'score-value');
  const scoreTag = el('span', 'score-tag');
  score.append(scoreValue, scoreTag);
  li.append(score);
  $('ranking').append(li);
  return { li, rank, moveSymbol, moveWords, move, nameText, indicators, scoreValue, scoreTag, entry: null };
}

const setText = (node, text) => { if (node.textContent !== text) node.textContent = text; };

function updateRow(row, entry) {
  if (row.entry === entry) return;
  row.entry = entry;
  row.li.dataset.rank = String(entry.rank);
  row.li.classList.toggle('ineligible', !entry.eligible);
  setText(row.rank, formatNumber(entry.rank, lang));
  row.rank.classList.toggle('podium', entry.eligible && entry.rank <= 3);
  row.rank.dataset.podium = entry.eligible && entry.rank <= 3 ? String(entry.rank) : '';

  const move = movement(entry.rank, entry.previousRank);
  setText(row.moveSymbol, move.symbol);
  setText(row.moveWords, move.delta > 0 ? t(lang, 'movement.up', move.delta)
    : move.delta < 0 ? t(lang, 'movement.down', -move.delta) : t(lang, 'movement.same'));
  row.move.dataset.direction = move.delta > 0 ? 'up' : move.delta < 0 ? 'down' : 'same';

  const fullName = entry.name ?? entry.unit;
  if (row.fullName !== fullName || row.nameWidth !== row.nameText.clientWidth) {
    fitName(row.nameText, fullName);
    row.fullName = fullName;
    row.nameWidth = row.nameText.clientWidth;
    row.nameText.title = fullName;
  }

  for (const indicator of weightedIndicators()) {
    const cells = row.indicators.get(indicator.id);
    const value = entry.indicators?.[indicator.id];
    const applicable = value && value.applicable !== false;
    const hasValue = applicable && value.value !== null && value.value !== undefined && value.denominator > 0;
    let status = 'na';
    if (applicable) status = hasValue ? (value.met ? 'met' : 'unmet') : 'nodata';
    cells.cell.dataset.status = status;
    setText(cells.pct, hasValue ? formatPercent(value.value, lang, value.numerator, value.denominator) : '');
    cells.bar.hidden = !hasValue;
    if (hasValue) {
      cells.fill.style.width = `${Math.min(100, Math.max(0, value.value * 100))}%`;
      cells.mark.style.left = `${Math.min(100, (value.target ?? indicator.target) * 100)}%`;
    }
    cells.badge.hidden = !hasValue;
    setText(cells.icon, status === 'met' ? '✓' : '✗');
    setText(cells.word, status === 'met' ? t(lang, 'met.yes') : t(lang, 'met.no'));
    setText(cells.note, status === 'na' ? t(lang, 'na') : status === 'nodata' ? t(lang, 'nodata') : '');
  }

  if (entry.applicable === false) {
    setText(row.scoreValue, '');
    setText(row.scoreTag, t(lang, 'na'));
  } else {
    setText(row.scoreValue, formatScore(entry.score, lang));
    setText(row.scoreTag, entry.eligible ? '' : t(lang, 'ineligible'));
  }
}

function flashMove(unit, direction) {
  const row = rows.get(unit);
  if (!row) return;
  row.li.classList.remove('moved-up', 'moved-down');
  void row.li.offsetWidth; // restart the animation
  row.li.classList.add(direction === 'up' ? 'moved-up' : 'moved-down');
  clearTimeout(row.moveTimer);
  row.moveTimer = setTimeout(() => row.li.classList.remove('moved-up', 'moved-down'), MOVE_FLASH_MS);
}

/** How many rows fit: all when they can be at least the minimum height, else pages of that many. */
function layoutRanking() {
  const list = $('ranking');
  const rootPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  // The list's own height when it is shown; else the views' height less its title and column lines,
  // so that the other views page through the units in the same groups.
  const height = list.clientHeight > 0 ? list.clientHeight : $('views').clientHeight - 7.5 * rootPx;
  const minRow = 4.25 * rootPx;
  const maxRow = 7 * rootPx;
  const count = Math.max(1, state.order.length);
  state.rowsPerPage = Math.max(1, Math.min(count, Math.floor(height / minRow)));
  const rowHeight = Math.min(maxRow, height / state.rowsPerPage);
  list.style.setProperty('--row-h', `${rowHeight}px`);
  return rowHeight;
}

function pageCount() {
  return Math.max(1, Math.ceil(state.order.length / state.rowsPerPage));
}

function renderRanking() {
  if (!state.campaign) return;
  const rowHeight = layoutRanking();
  const page = currentStep().view === 'ranking' ? currentStep().page : 0;
  const first = page * state.rowsPerPage;
  const seen = new Set();
  state.order.forEach((unit, index) => {
    let row = rows.get(unit);
    if (!row) {
      row = buildRow(unit);
      rows.set(unit, row);
    }
    updateRow(row, state.entries.get(unit));
    seen.add(unit);
    const slot = index - first;
    const onPage = slot >= 0 && slot < state.rowsPerPage;
    row.li.dataset.position = String(index + 1);
    row.li.classList.toggle('off-page', !onPage);
    // Rows of other pages wait just below or above the list, so a page turn never slides across.
    const y = onPage ? slot * rowHeight : (slot < 0 ? -rowHeight : state.rowsPerPage * rowHeight);
    const transform = `translateY(${Math.round(y)}px)`;
    if (row.li.style.transform !== transform) row.li.style.transform = transform;
  });
  for (const [unit, row] of rows) {
    if (!seen.has(unit)) {
      row.li.remove();
      clearTimeout(row.moveTimer);
      rows.delete(unit);
    }
  }
  const pages = pageCount();
  setText($('ranking-page'), pages > 1 ? t(lang, 'wall.page', page + 1, pages) : '');
}

// ---------- targets overview ----------

function renderTargetsHead() {
  const head = $('targets-head');
  head.replaceChildren();
  const th = (text, className) => {
    const cell = el('th', className, text);
    cell.scope = 'col';
    head.append(cell);
    return cell;
  };
  th(t(lang, 'col.rank'), 'tg-rank');
  th(t(lang, 'col.unit'), 'tg-name');
  for (const indicator of allIndicators()) {
    const weighted = indicator.weight > 0;
    const cell = th('', weighted ? 'tg-ind weighted' : 'tg-ind');
    cell.append(el('span', 'tg-ind-name', indicatorShortName(lang, indicator.id, indicator.name)));
    // Which columns decide the rank and which are only watched, in words as well as in weight of type.
    cell.append(el('span', 'tg-ind-target', `${t(lang, 'wall.col.targetMark', formatTarget(indicator.target, lang))} · ${
      t(lang, weighted ? 'wall.col.scored' : 'wall.col.monitored')}`));
  }
  th(t(lang, 'met.yes'), 'tg-sum');
}

function renderTargets() {
  if (!state.campaign) return;
  const step = currentStep();
  const page = step.view === 'targets' ? step.page : 0;
  const units = state.order.slice(page * state.rowsPerPage, (page + 1) * state.rowsPerPage);
  const body = $('targets-body');
  const indicators = allIndicators();
  const trs = units.map(unit => {
    const entry = state.entries.get(unit);
    const tr = el('tr');
    tr.dataset.unit = unit;
    tr.classList.toggle('ineligible', entry.eligible === false);
    tr.append(el('td', 'tg-rank', formatNumber(entry.rank, lang)));
    const name = el('th', 'tg-name', shortName(entry.name ?? unit));
    name.scope = 'row';
    name.title = entry.name ?? unit;
    tr.append(name);
    let met = 0;
    let applicable = 0;
    for (const indicator of indicators) {
      const value = entry.indicators?.[indicator.id];
      const td = el('td', 'tg-cell');
      if (!value || value.applicable === false) {
        td.dataset.status = 'na';
        td.append(el('span', 'tg-note', t(lang, 'na')));
      } else {
        applicable++;
        if (value.denominator > 0 && value.value !== null) {
          if (value.met) met++;
          td.dataset.status = value.met ? 'met' : 'unmet';
          const icon = el('span', 'tg-icon', value.met ? '✓' : '✗');
          icon.setAttribute('aria-hidden', 'true');
          td.append(icon, el('span', 'tg-pct', formatPercent(value.value, lang, value.numerator, value.denominator)));
          td.append(el('span', 'sr-only', t(lang, value.met ? 'met.yes' : 'met.no')));
        } else {
          td.dataset.status = 'nodata';
          td.append(el('span', 'tg-note', t(lang, 'nodata')));
        }
      }
      tr.append(td);
    }
    // A unit without enough data to be ranked is said so here too, as in the ranking, instead of a count of targets
    // its handful of dossiers happen to meet.
    const sum = el('td', 'tg-sum');
    if (entry.eligible === false && entry.applicable !== false) sum.append(el('span', 'tg-ineligible', t(lang, 'ineligible')));
    else sum.textContent = t(lang, 'wall.targets.summary', formatNumber(met, lang), formatNumber(applicable, lang));
    tr.append(sum);
    return tr;
  });
  body.replaceChildren(...trs);
  const pages = pageCount();
  setText($('targets-page'), pages > 1 ? t(lang, 'wall.page', page + 1, pages) : '');
}

// ---------- movers ----------

function renderMovers() {
  if (!state.campaign) return;
  const moved = state.order.map(unit => state.entries.get(unit))
    .filter(e => Number.isInteger(e.previousRank) && e.previousRank !== e.rank)
    .map(e => ({ entry: e, delta: e.previousRank - e.rank }));
  const up = moved.filter(m => m.delta > 0).sort((a, b) => b.delta - a.delta).slice(0, 5);
  const down = moved.filter(m => m.delta < 0).sort((a, b) => a.delta - b.delta).slice(0, 5);
  const moverItem = m => {
    const li = el('li', `mover ${m.delta > 0 ? 'up' : 'down'}`);
    li.dataset.unit = m.entry.unit;
    const symbol = el('span', 'mover-delta', movement(m.entry.rank, m.entry.previousRank).symbol);
    symbol.setAttribute('aria-hidden', 'true');
    li.append(symbol);
    const body = el('span', 'mover-body');
    body.append(el('span', 'mover-name', shortName(m.entry.name ?? m.entry.unit)));
    body.append(el('span', 'mover-detail', t(lang, 'wall.rankChange', formatNumber(m.entry.previousRank, lang), formatNumber(m.entry.rank, lang))));
    li.append(body);
    return li;
  };
  const fill = (id, items, emptyKey) => {
    const list = $(id);
    list.replaceChildren(...(items.length > 0 ? items : [el('li', 'mover-empty', t(lang, emptyKey))]));
  };
  fill('movers-up', up.map(moverItem), 'wall.movers.none');
  fill('movers-down', down.map(moverItem), 'wall.movers.none');

  const tz = state.campaign.timeZone ?? TIME_ZONE;
  const today = todayIn(tz);
  state.targetsToday = state.targetsToday.filter(m => todayIn(tz, new Date(m.at)) === today);
  fill('movers-targets', metToday().slice(0, 5).map(m => {
    const li = el('li', 'mover met');
    li.dataset.unit = m.unit;
    li.dataset.indicator = m.indicator;
    const icon = el('span', 'mover-delta', '✓');
    icon.setAttribute('aria-hidden', 'true');
    li.append(icon);
    const body = el('span', 'mover-body');
    body.append(el('span', 'mover-name', shortName(m.name ?? m.unit)));
    const when = m.at ? ` · ${formatTime(new Date(m.at), tz).slice(0, 5)}` : '';
    body.append(el('span', 'mover-detail', `${indicatorShortName(lang, m.indicator)} ${formatTarget(m.target, lang)}${when}`));
    li.append(body);
    return li;
  }), 'wall.movers.noTargets');
  refreshDayStart();
}

// ---------- targets met today ----------

// What each unit had met at the end of yesterday, from the board as it stood then. A unit met a target today when
// it meets it now (with enough data to be ranked) and had not then: so a wall that is reloaded, or a screen switched
// on at noon, lists the morning's crossings too, and a unit that fell back under a target leaves the list.
const dayStart = { key: null, met: null, loading: false };

/** The campaign's day now: the demo's played day, else today where the campaign runs. */
function currentDay() {
  return state.campaign?.playedDay?.slice(0, 10) ?? todayIn(state.campaign?.timeZone ?? TIME_ZONE);
}

function dayBefore(isoDay) {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** What the day-start figures are for: the board shown, on the campaign's day now. */
function dayStartKey() {
  return `${state.campaignId}/${state.boardId}/${currentDay()}`;
}

async function refreshDayStart() {
  const campaign = state.campaign;
  if (!campaign?.start || !state.boardId || dayStart.loading) return;
  const key = dayStartKey();
  if (dayStart.key === key) return;
  dayStart.loading = true;
  try {
    const start = campaign.start.slice(0, 10);
    const end = campaign.end.slice(0, 10);
    const yesterday = dayBefore(currentDay());
    const met = new Map();
    if (yesterday >= start) {
      // After the campaign nothing changes any more: its last day stands for "yesterday".
      const asOf = yesterday > end ? end : yesterday;
      const snapshot = await getJson(`/campaigns/${seg(state.campaignId)}/boards/${seg(state.boardId)}?asOf=${asOf}`);
      for (const entry of snapshot.entries ?? []) {
        met.set(entry.unit, new Set(Object.entries(entry.indicators ?? {}).filter(([, v]) => v?.met).map(([id]) => id)));
      }
    }
    dayStart.key = key;
    dayStart.met = met;
  } catch {
    // The list falls back to the crossings seen live; the next render asks again.
    return;
  } finally {
    dayStart.loading = false;
  }
  if (currentStep().view === 'movers') renderMovers();
}

/** Today's crossings, the ones seen live (with their time) first, newest first, then the others in board order. */
function metToday() {
  const seen = new Map();
  for (const m of state.targetsToday) {
    const key = `${m.unit}|${m.indicator}`;
    if (!seen.has(key)) seen.set(key, m.at);
  }
  const metNow = (unit, indicator) => {
    const entry = state.entries.get(unit);
    return entry?.eligible !== false && entry?.indicators?.[indicator]?.met === true;
  };
  if (!dayStart.met || dayStart.key !== dayStartKey()) {
    // Not read yet: what this screen saw, as long as the board still agrees.
    return state.targetsToday.filter((m, i, all) => metNow(m.unit, m.indicator)
      && all.findIndex(o => o.unit === m.unit && o.indicator === m.indicator) === i);
  }
  const list = [];
  for (const unit of state.order) {
    const entry = state.entries.get(unit);
    for (const indicator of allIndicators()) {
      if (!metNow(unit, indicator.id) || dayStart.met.get(unit)?.has(indicator.id)) continue;
      list.push({
        unit, name: entry.name, indicator: indicator.id,
        target: entry.indicators[indicator.id].target ?? indicator.target, at: seen.get(`${unit}|${indicator.id}`) ?? null,
      });
    }
  }
  return list.sort((a, b) => (b.at ? Date.parse(b.at) : 0) - (a.at ? Date.parse(a.at) : 0));
}

function renderData() {
  renderRanking();
  if (currentStep().view === 'targets') renderTargets();
  if (currentStep().view === 'movers') renderMovers();
  renderClock();
  renderRotation();
}

// ---------- celebration ----------

const celebrations = [];
let celebrating = false;

function celebrate(message) {
  const row = rows.get(message.unit);
  if (row) {
    row.li.classList.remove('celebrate');
    void row.li.offsetWidth;
    row.li.classList.add('celebrate');
    clearTimeout(row.celebrateTimer);
    row.celebrateTimer = setTimeout(() => row.li.classList.remove('celebrate'), ROW_HIGHLIGHT_MS);
  }
  celebrations.push(message);
  if (celebrations.length > 5) celebrations.splice(0, celebrations.length - 5); // a burst: keep the latest
  if (!celebrating) nextCelebration();
}

function nextCelebration() {
  const box = $('celebration');
  const message = celebrations.shift();
  if (!message) {
    celebrating = false;
    box.hidden = true;
    return;
  }
  celebrating = true;
  const indicator = state.campaign?.indicators?.find(i => i.id === message.indicator);
  const name = message.name ?? state.entries.get(message.unit)?.name ?? message.unit;
  $('celebration-text').textContent = t(lang, 'wall.celebrate', name,
    indicatorGoal(lang, message.indicator, indicator?.name), formatTarget(message.target ?? indicator?.target, lang));
  box.dataset.unit = message.unit;
  box.hidden = false;
  box.classList.remove('show');
  void box.offsetWidth;
  box.classList.add('show');
  setTimeout(nextCelebration, CELEBRATION_MS);
}

// ---------- ticker ----------

let activityBuffer = [];
let activityFlush = 0;

function queueActivity(message) {
  activityBuffer.push(message);
  if (activityBuffer.length > TICKER_SIZE) activityBuffer = activityBuffer.slice(-TICKER_SIZE);
  // Several activities a second would make the strip jitter; add them together once a second.
  if (!activityFlush) activityFlush = setTimeout(flushActivity, 1_000);
}

function tickerText(message) {
  const count = Number(message.count) || 0;
  const name = shortName(message.name ?? state.entries.get(message.unit)?.name ?? message.unit);
  return `${name} · ${activityLabel(lang, String(message.kind ?? ''), formatNumber(count, lang), count)}`;
}

function flushActivity() {
  activityFlush = 0;
  const list = $('ticker');
  const now = new Date();
  for (const message of activityBuffer) {
    const li = el('li', 'ticker-item new');
    li.append(el('span', 'ticker-text', tickerText(message)));
    const time = el('time', 'ticker-time', formatRelative(message.at, lang, now));
    time.dateTime = String(message.at);
    li.append(time);
    list.prepend(li);
  }
  activityBuffer = [];
  while (list.children.length > TICKER_SIZE) list.lastElementChild.remove();
  $('ticker-empty').hidden = list.children.length > 0;
}

function refreshTickerTimes() {
  const now = new Date();
  for (const time of $('ticker').querySelectorAll('time')) {
    setText(time, formatRelative(time.dateTime, lang, now));
  }
  for (const item of $('ticker').querySelectorAll('.ticker-item.new')) item.classList.remove('new');
}

// ---------- rotation ----------

function steps() {
  const list = [];
  for (const view of views) {
    const pages = view === 'movers' ? 1 : pageCount();
    for (let page = 0; page < pages; page++) list.push({ view, page, pages });
  }
  return list;
}

function currentStep() {
  const list = steps();
  return list[state.step % list.length];
}

function showStep() {
  const step = currentStep();
  for (const section of document.querySelectorAll('.view')) {
    section.hidden = section.dataset.view !== step.view;
  }
  // A page turn must not glide rows across the screen: no transition for this one render.
  const ranking = $('ranking');
  ranking.classList.add('no-anim');
  if (step.view === 'ranking') {
    for (const row of rows.values()) row.entry = null; // names are fitted to widths only known when shown
    renderRanking();
  }
  if (step.view === 'targets') renderTargets();
  if (step.view === 'movers') renderMovers();
  void ranking.offsetWidth;
  ranking.classList.remove('no-anim');
  renderRotation(true);
}

let rotationTimer = 0;
function rotate() {
  state.step = (state.step + 1) % steps().length;
  showStep();
  rotationTimer = setTimeout(rotate, rotateSeconds * 1000);
}

let rotationKey = '';
function renderRotation(restart = false) {
  const list = steps();
  const current = currentStep();
  const key = list.map(s => `${s.view}${s.page}`).join('|') + `#${state.step % list.length}`;
  if (key === rotationKey && !restart) return;
  rotationKey = key;
  const ol = $('rotation');
  ol.hidden = list.length < 2;
  // One pill per view, the page shown on the current one only: a pill per page of a long board (24 units, three
  // pages in each of two views) filled the footer and left the ticker a few letters.
  const viewsShown = [...new Set(list.map(s => s.view))];
  ol.replaceChildren(...viewsShown.map(view => {
    const active = view === current.view;
    const label = t(lang, `wall.view.${view}`) + (active && current.pages > 1 ? ` ${current.page + 1}/${current.pages}` : '');
    const li = el('li', active ? 'rotation-step active' : 'rotation-step', label);
    if (active && rotateSeconds > 0) {
      const bar = el('span', 'rotation-progress');
      bar.style.animationDuration = `${rotateSeconds}s`;
      li.append(bar);
    }
    return li;
  }));
}

// ---------- start ----------

/**
 * The campaign and board the URL names (the first of each when it names none); for a name the server does not know,
 * the words that say so and what there is instead, so whoever set up the wall can correct its address.
 */
async function resolveChoice() {
  const campaigns = await getJson('/campaigns');
  const campaign = campaigns.find(c => c.id === state.campaignId) ?? (state.campaignId ? null : campaigns[0]);
  if (!campaign) {
    return { problem: campaigns.length === 0
      ? t(lang, 'wall.noCampaigns')
      : t(lang, 'wall.unknownCampaign', state.campaignId, campaigns.map(c => c.id)) };
  }
  const boards = campaign.boards ?? [];
  const board = boards.find(b => b.id === state.boardId) ?? (state.boardId ? null : boards[0]);
  if (!board) {
    return { problem: t(lang, 'wall.unknownBoard', campaign.id, state.boardId ?? '', boards.map(b => b.id)), title: campaign.name };
  }
  if (campaign.id !== state.campaignId || board.id !== state.boardId) {
    const q = new URLSearchParams(location.search);
    q.set('campaign', campaign.id);
    q.set('board', board.id);
    history.replaceState(null, '', `${location.pathname}?${q}`);
  }
  return { campaign: campaign.id, board: board.id };
}

/**
 * A wall that cannot show a board says why, alone on the screen, and its dot tells the connection as it is. Its title
 * is the campaign's name when the campaign is known, otherwise what the screen is.
 */
function showSetupProblem(text, title) {
  state.setupProblem = true;
  document.body.classList.add('setup-problem');
  $('campaign-name').textContent = title ?? t(lang, 'wall.title');
  // Nothing is shown, so nothing is counted down.
  document.querySelector('.fact-days').hidden = true;
  document.title = t(lang, 'wall.title');
  const box = $('wall-message');
  box.textContent = text;
  box.hidden = false;
  renderConnection();
}

async function init() {
  renderConnection();
  let choice = null;
  for (let attempt = 0; !choice; attempt++) {
    try {
      choice = await resolveChoice();
      if (choice.problem) {
        showSetupProblem(choice.problem, choice.title);
        return;
      }
      state.campaign = await getJson(`/campaigns/${seg(choice.campaign)}`);
    } catch {
      // The server is not reachable yet (a wall switched on before the server): keep trying.
      choice = null;
      await new Promise(resolve => setTimeout(resolve, Math.min(10_000, 1_000 * 2 ** attempt)));
    }
  }
  state.campaignId = choice.campaign;
  state.boardId = choice.board;
  state.members = new Set(state.campaign.boards.find(b => b.id === choice.board)?.units ?? []);
  renderHeader();
  renderColumns();
  renderTargetsHead();
  feed = new BoardFeed(live, choice.campaign, choice.board, {
    onSnapshot,
    onChange,
    onError: () => loadHttpSnapshot(),
  });
  if (live.isConnected) await feed.subscribe();
  setTimeout(() => { if (state.updatedAt === null) loadHttpSnapshot(); }, HTTP_FALLBACK_AFTER_MS);
  showStep();
  if (rotateSeconds > 0) rotationTimer = setTimeout(rotate, rotateSeconds * 1000);
}

let resizeTimer = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    rotationKey = '';
    showStep();
  }, 200);
});

setInterval(renderClock, 1_000);
setInterval(() => { renderHeader(); refreshTickerTimes(); }, 30_000);

// While the demo feed plays a past campaign, its day moves every few seconds: follow it.
followPlayedDay(() => state.campaign, campaign => { state.campaign = campaign; renderHeader(); });

live.start();
init();
