// The board page: choose a campaign and a board, then show its live ranking.
//
// Data flow: the hub's SubscribeBoard returns a snapshot, then BoardChanged messages carry only
// the entries that changed, each with a version one above the last. Any doubt (another epoch, a
// gap) is settled by taking a fresh snapshot, never by guessing. Without the hub the page shows
// the HTTP snapshot and re-reads it every little while, saying the figures may be stale.
//
// All server and event text reaches the DOM through textContent or attributes, never innerHTML:
// unit names and activity come from integrators and may be hostile.

import {
  campaignCountdown, foldForSearch, formatDate, formatNumber, formatPercent, formatRatio, formatRelative,
  formatScore, formatTarget, formatTime, movement, parseDate, TIME_ZONE, todayIn,
} from './format.js';
import {
  activityLabel, countdownText, indicatorGoal, indicatorName, initialLang, rememberLang, t, translateStatic,
} from './i18n.js';
import { followPlayedDay } from './live.js';

const HUB_URL = '/hubs/leaderboard';
const API = '/api/v1';
const MAX_RETRY_DELAY_MS = 10_000;
const POLL_WHILE_OFFLINE_MS = 15_000;
const STALE_AFTER_MS = 10_000; // reconnecting longer than this: say the figures may be stale
const FEED_SIZE = 20;

const $ = id => document.getElementById(id);
const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

const state = {
  lang: initialLang(),
  campaigns: [],
  campaign: null,        // GET /campaigns/{id}: indicators with targets and weights
  campaignId: null,
  boardId: null,
  asOf: null,            // "YYYY-MM-DD": the board as at the end of that day (for the review), not live
  asOfDraft: null,       // { text, problem: [key, ...args] }: what was typed (or in the address) and why it is not a day to show
  choiceNote: null,      // [key, ...args]: the address named a campaign or board that does not exist
  generation: 0,         // bumps on every board switch; late answers for an old board are dropped
  epoch: null,
  version: null,
  entries: new Map(),    // unit code → entry
  order: [],             // unit codes in display order
  names: new Map(),      // unit code → name, kept across board switches for the feed
  updatedAt: null,
  snapshotting: false,
  pending: [],           // BoardChanged received while a snapshot is on its way
  connection: 'reconnecting',
  connectionWord: 'conn.connecting',
  query: '',
  feed: [],              // newest first
};

// ---------- URL and selection ----------

function readUrl() {
  const q = new URLSearchParams(location.search);
  return { campaign: q.get('campaign'), board: q.get('board'), asOf: q.get('asOf') };
}

function writeUrl(push) {
  const q = new URLSearchParams(location.search);
  q.set('campaign', state.campaignId);
  q.set('board', state.boardId);
  if (state.asOf) q.set('asOf', state.asOf);
  else q.delete('asOf');
  const url = `${location.pathname}?${q}`;
  if (url !== `${location.pathname}${location.search}`) {
    history[push ? 'pushState' : 'replaceState'](null, '', url);
  }
}

/**
 * The URL's choice when it names a known campaign and board, else the first of each; an address that names one that
 * does not exist is said so beside the selectors, rather than replaced in silence.
 */
function resolveChoice(wanted) {
  const campaign = state.campaigns.find(c => c.id === wanted.campaign) ?? state.campaigns[0];
  if (!campaign) return null;
  const boards = campaign.boards ?? [];
  const board = boards.find(b => b.id === wanted.board) ?? boards[0];
  state.choiceNote = wanted.campaign && campaign.id !== wanted.campaign
    ? ['choice.unknownCampaign', wanted.campaign, campaign.name ?? campaign.id]
    : wanted.board && board && board.id !== wanted.board ? ['choice.unknownBoard', wanted.board, board.name ?? board.id] : null;
  const asOf = campaign.id === wanted.campaign && wanted.asOf ? checkDay(wanted.asOf, campaign) : { day: null };
  const typed = parseDate(wanted.asOf);
  state.asOfDraft = asOf.problem ? { text: typed ? formatDate(typed) : wanted.asOf, problem: asOf.problem } : null;
  return { campaign: campaign.id, board: board?.id ?? null, asOf: asOf.day };
}

/**
 * A day typed (or in the address) for the board at its end: { day: "YYYY-MM-DD" } when it is one to show, otherwise
 * { day: null, problem } with the words that say what to type. The days that have figures run from the campaign's
 * first day to its last, or to today (the demo's played day) while it runs.
 */
function checkDay(text, campaign) {
  const day = parseDate(text);
  if (!day) return { day: null, problem: ['select.asOfInvalid'] };
  const start = campaign?.start?.slice(0, 10);
  const end = campaign?.end?.slice(0, 10);
  const today = campaign?.playedDay ?? todayIn(campaign?.timeZone ?? TIME_ZONE);
  const last = end && end < today ? end : today;
  if ((start && day < start) || day > last) {
    return { day: null, problem: ['select.asOfRange', formatDate(start ?? day), formatDate(last)] };
  }
  return { day };
}

// ---------- HTTP ----------

async function getJson(path) {
  const response = await fetch(`${API}${path}`, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${response.status} ${path}`);
  return response.json();
}

const seg = s => encodeURIComponent(s);

// ---------- the hub ----------

const connection = globalThis.signalR
  ? new signalR.HubConnectionBuilder()
    .withUrl(HUB_URL)
    // Infinite reconnect; the back-off grows to 10 s, with jitter so a restarted server is not
    // hit by every wall display in the same instant.
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => retryDelay(ctx.previousRetryCount) })
    .configureLogging(signalR.LogLevel.Warning)
    .build()
  : null;

function retryDelay(attempt) {
  const base = Math.min(MAX_RETRY_DELAY_MS, 500 * 2 ** attempt);
  return Math.round(base * (0.8 + Math.random() * 0.2));
}

let staleTimer = 0;
let pollTimer = 0;

function setConnection(stateName, wordKey) {
  state.connection = stateName;
  state.connectionWord = wordKey ?? `conn.${stateName}`;
  clearTimeout(staleTimer);
  if (stateName === 'reconnecting') {
    staleTimer = setTimeout(() => setConnection('disconnected'), STALE_AFTER_MS);
  }
  // Without live updates, keep the figures from going too old by re-reading the HTTP snapshot.
  clearInterval(pollTimer);
  if (stateName === 'disconnected') pollTimer = setInterval(loadHttpSnapshot, POLL_WHILE_OFFLINE_MS);
  renderConnection();
}

async function startHub() {
  if (!connection) {
    // The bundle did not load (a build without npm, a proxy): still show the numbers.
    setConnection('disconnected');
    return;
  }
  for (let attempt = 0; ; attempt++) {
    try {
      await connection.start();
      setConnection('connected');
      await subscribe();
      return;
    } catch {
      // withAutomaticReconnect covers only connections that once succeeded; the first start is ours.
      if (attempt === 0) {
        setConnection('disconnected');
        if (state.version === null) loadHttpSnapshot();
      }
      await new Promise(resolve => setTimeout(resolve, retryDelay(attempt)));
    }
  }
}

if (connection) {
  connection.onreconnecting(() => setConnection('reconnecting'));
  connection.onreconnected(() => {
    setConnection('connected');
    // The group membership died with the old connection: join again, which brings a snapshot.
    subscribe();
  });
  connection.onclose(() => {
    setConnection('disconnected');
    startHub();
  });
  connection.on('BoardChanged', onBoardChanged);
  connection.on('TargetReached', onTargetReached);
  connection.on('Activity', onActivity);
}

const hubConnected = () => connection !== null && connection.state === signalR.HubConnectionState.Connected;

/** Joins the current board's group and takes its snapshot; also used to recover from a gap. */
async function subscribe() {
  // A past day's board does not change: nothing to follow.
  if (!state.campaignId || !state.boardId || !hubConnected() || state.asOf) return;
  const generation = state.generation;
  state.snapshotting = true;
  try {
    const snapshot = await connection.invoke('SubscribeBoard', state.campaignId, state.boardId);
    if (generation !== state.generation) return;
    applySnapshot(snapshot);
    // Changes that raced the snapshot: keep those after it, in order; a gap sends us back here.
    const pending = state.pending.sort((a, b) => a.version - b.version);
    state.pending = [];
    state.snapshotting = false;
    for (const change of pending) onBoardChanged(change);
  } catch {
    if (generation !== state.generation) return;
    state.snapshotting = false;
    state.pending = [];
    loadHttpSnapshot();
  }
}

async function unsubscribe(campaignId, boardId) {
  if (!hubConnected() || !campaignId || !boardId) return;
  try { await connection.invoke('UnsubscribeBoard', campaignId, boardId); } catch { /* best effort */ }
}

function onBoardChanged(change) {
  if (!change || change.campaign !== state.campaignId || change.board !== state.boardId || state.asOf) return;
  if (state.snapshotting) {
    state.pending.push(change);
    return;
  }
  if (change.epoch !== state.epoch) {
    subscribe();
    return;
  }
  if (change.version <= state.version) return; // already in what we show
  if (change.version !== state.version + 1) {
    subscribe();
    return;
  }
  state.version = change.version;
  for (const entry of change.entries ?? []) {
    state.entries.set(entry.unit, entry);
    state.names.set(entry.unit, entry.name);
  }
  sortEntries();
  state.updatedAt = new Date();
  renderBoard();
  renderHeader();
}

// ---------- snapshots ----------

function applySnapshot(snapshot) {
  state.epoch = snapshot.epoch;
  state.version = snapshot.version;
  state.entries = new Map();
  state.order = [];
  for (const entry of snapshot.entries ?? []) {
    state.entries.set(entry.unit, entry);
    state.order.push(entry.unit);
    state.names.set(entry.unit, entry.name);
  }
  state.updatedAt = new Date();
  showMessage(null);
  renderBoard();
  renderHeader();
  renderFeed(); // feed items that came before the names did show unit codes until now
}

async function loadHttpSnapshot() {
  if (!state.campaignId || !state.boardId) return;
  const generation = state.generation;
  const asOf = state.asOf;
  try {
    const day = asOf ? `?asOf=${seg(asOf)}` : '';
    const snapshot = await getJson(`/campaigns/${seg(state.campaignId)}/boards/${seg(state.boardId)}${day}`);
    // A live snapshot that arrived meanwhile is at least as new; do not step back.
    if (generation !== state.generation || (!asOf && hubConnected() && state.version !== null)) return;
    applySnapshot(snapshot);
  } catch {
    if (generation === state.generation && state.version === null) {
      showMessage('error.board', loadHttpSnapshot);
    }
  }
}

/**
 * Display order: rank ascending; among equal ranks, the server's order as last seen (the server
 * breaks ties by payment volume and code, which a diff cannot tell us). Units new to the board go
 * after their rank-mates.
 */
function sortEntries() {
  const index = new Map(state.order.map((unit, i) => [unit, i]));
  const position = unit => index.get(unit) ?? Number.MAX_SAFE_INTEGER;
  state.order = [...state.entries.keys()].sort((a, b) => {
    const ra = state.entries.get(a).rank;
    const rb = state.entries.get(b).rank;
    return ra - rb || position(a) - position(b) || (a < b ? -1 : a > b ? 1 : 0);
  });
}

// ---------- live feed ----------

function onTargetReached(message) {
  if (!message || message.campaign !== state.campaignId) return;
  addFeedItem({ ...message, type: 'target' });
  if (!state.asOf) flashRow(message.unit);
}

function onActivity(message) {
  if (!message || message.campaign !== state.campaignId) return;
  addFeedItem({ ...message, type: 'activity' });
}

function addFeedItem(item) {
  state.feed.unshift(item);
  state.feed.length = Math.min(state.feed.length, FEED_SIZE);
  renderFeed();
}

function feedText(item) {
  const unit = state.names.get(item.unit) ?? String(item.unit ?? '');
  if (item.type === 'target') {
    const indicator = state.campaign?.indicators?.find(i => i.id === item.indicator);
    const goal = indicatorGoal(state.lang, item.indicator, indicator?.name);
    return t(state.lang, 'feed.targetReached', unit, goal, formatTarget(item.target, state.lang));
  }
  const count = Number(item.count) || 0;
  return `${unit} · ${activityLabel(state.lang, String(item.kind ?? ''), formatNumber(count, state.lang), count)}`;
}

function flashRow(unit) {
  const row = rows.get(unit)?.tr;
  if (!row) return;
  row.classList.remove('flash');
  void row.offsetWidth; // restart the animation when two targets are reached in a row
  row.classList.add('flash');
  row.addEventListener('animationend', () => row.classList.remove('flash'), { once: true });
}

// ---------- rendering ----------

const rows = new Map(); // unit → { entry, lang, tr }: a row is rebuilt only when its entry changed

function indicatorsOfCampaign() {
  const list = state.campaign?.indicators ?? [];
  // Weighted indicators decide the rank, so they come first and are shown large.
  return [...list.filter(i => i.weight > 0), ...list.filter(i => !(i.weight > 0))];
}

function renderHead() {
  const head = $('board-head');
  head.replaceChildren();
  const th = (text, className) => {
    const cell = el('th', className, text);
    cell.scope = 'col';
    head.append(cell);
    return cell;
  };
  th(t(state.lang, 'col.rank'), 'col-rank');
  th(t(state.lang, 'col.movement'), 'col-move');
  th(t(state.lang, 'col.unit'), 'col-unit');
  for (const indicator of indicatorsOfCampaign()) {
    const weighted = indicator.weight > 0;
    const cell = th('', weighted ? 'col-ind weighted' : 'col-ind minor');
    cell.append(el('span', 'ind-name', indicatorName(state.lang, indicator.id, indicator.name)));
    const detail = [t(state.lang, 'col.target', formatTarget(indicator.target, state.lang))];
    if (weighted) detail.push(t(state.lang, 'col.weight', formatNumber(indicator.weight, state.lang, 3)));
    cell.append(el('span', 'ind-target', detail.join(' · ')));
  }
  th(t(state.lang, 'col.score'), 'col-score');
  $('print-title').colSpan = head.children.length;
}

function buildRow(entry) {
  const lang = state.lang;
  const tr = el('tr');
  tr.dataset.unit = entry.unit;
  tr.dataset.rank = String(entry.rank);
  if (!entry.eligible) tr.classList.add('ineligible');

  const rank = el('td', 'col-rank', formatNumber(entry.rank, lang));
  rank.dataset.label = t(lang, 'col.rank');
  tr.append(rank);

  const move = movement(entry.rank, entry.previousRank);
  const moveCell = el('td', `col-move ${move.delta > 0 ? 'up' : move.delta < 0 ? 'down' : 'same'}`);
  moveCell.append(el('span', null, move.symbol));
  moveCell.firstChild.setAttribute('aria-hidden', 'true');
  moveCell.append(el('span', 'sr-only', move.delta > 0 ? t(lang, 'movement.up', move.delta)
    : move.delta < 0 ? t(lang, 'movement.down', -move.delta) : t(lang, 'movement.same')));
  tr.append(moveCell);

  const unitCell = el('th', 'col-unit');
  unitCell.scope = 'row';
  const link = el('a', 'unit-link', entry.name ?? entry.unit);
  // From a past day's board, the unit as at the end of that day.
  link.href = `/units/${seg(entry.unit)}?campaign=${seg(state.campaignId)}${state.asOf ? `&asOf=${seg(state.asOf)}` : ''}`;
  unitCell.append(link);
  if (!entry.eligible && entry.applicable !== false) unitCell.append(el('span', 'tag tag-ineligible', t(lang, 'ineligible')));
  tr.append(unitCell);

  for (const indicator of indicatorsOfCampaign()) {
    const weighted = indicator.weight > 0;
    const td = el('td', weighted ? 'col-ind weighted' : 'col-ind minor');
    td.dataset.indicator = indicator.id;
    td.dataset.label = indicatorName(lang, indicator.id, indicator.name);
    const value = entry.indicators?.[indicator.id];
    if (!value || value.applicable === false) {
      td.append(el('span', 'na', t(lang, 'na')));
    } else {
      const line = el('span', 'ind-line');
      line.append(el('span', 'pct', formatPercent(value.value, lang, value.numerator, value.denominator)));
      line.append(el('span', 'ratio', formatRatio(value.numerator, value.denominator, lang)));
      td.append(line);
      if (!(value.denominator > 0)) {
        // Nothing counted yet: said as the wall and the unit page say it, not as a target missed.
        td.append(el('span', 'badge nodata', t(lang, 'nodata')));
      } else {
        const badge = el('span', value.met ? 'badge met' : 'badge unmet');
        badge.append(el('span', 'badge-icon', value.met ? '✓' : '✗'));
        badge.firstChild.setAttribute('aria-hidden', 'true');
        badge.append(el('span', null, t(lang, value.met ? 'met.yes' : 'met.no')));
        td.append(badge);
      }
    }
    tr.append(td);
  }

  const score = el('td', 'col-score');
  score.dataset.label = t(lang, 'col.score');
  if (entry.applicable === false) {
    score.append(el('span', 'na', t(lang, 'na')));
  } else {
    score.append(el('span', 'score', formatScore(entry.score, lang)));
    if (!entry.eligible) score.append(el('span', 'tag tag-ineligible', t(lang, 'ineligible')));
  }
  tr.append(score);
  return tr;
}

function renderBoard() {
  const body = $('board-body');
  const table = $('board');
  table.setAttribute('aria-busy', 'false');
  const seen = new Set();
  const fragment = document.createDocumentFragment();
  const needle = foldForSearch(state.query);
  let shown = 0;
  for (const unit of state.order) {
    const entry = state.entries.get(unit);
    let cached = rows.get(unit);
    if (!cached || cached.entry !== entry || cached.lang !== state.lang) {
      const tr = buildRow(entry);
      cached = { entry, lang: state.lang, tr, folded: foldForSearch(entry.name ?? entry.unit) };
      rows.set(unit, cached);
    }
    const match = !needle || cached.folded.includes(needle) || foldForSearch(unit).includes(needle);
    cached.tr.hidden = !match;
    if (match) shown++;
    seen.add(unit);
    fragment.append(cached.tr);
  }
  for (const unit of [...rows.keys()]) if (!seen.has(unit)) rows.delete(unit);
  // Re-appending moves existing rows into the new order without rebuilding them.
  body.replaceChildren(fragment);

  const total = state.order.length;
  $('board-placeholder').hidden = total > 0 && shown > 0;
  if (total === 0) $('board-placeholder').textContent = t(state.lang, 'board.empty');
  else if (shown === 0) $('board-placeholder').textContent = t(state.lang, 'search.none');
  $('search-count').textContent = needle ? t(state.lang, 'search.count', shown, total) : '';
  $('download-csv').disabled = total === 0;
  renderTargetsSummary();
}

/**
 * How many units met each target, among those with enough data to be ranked (a unit with two dossiers "meets" a
 * target by chance): per indicator, of the units it applies to, and every scored target at once. The review's
 * commendations start from these counts; the table says which units they are.
 */
function renderTargetsSummary() {
  const lang = state.lang;
  const eligible = state.order.map(unit => state.entries.get(unit)).filter(entry => entry?.eligible);
  const box = $('targets-summary');
  const indicators = indicatorsOfCampaign();
  box.hidden = eligible.length === 0 || indicators.length === 0;
  if (box.hidden) return;
  $('targets-summary-title').textContent = t(lang, 'summary.title', formatNumber(eligible.length, lang));
  const items = [];
  for (const indicator of indicators) {
    const values = eligible.map(entry => entry.indicators?.[indicator.id]).filter(v => v && v.applicable !== false);
    if (values.length === 0) continue;
    const item = el('li', null, t(lang, 'summary.indicator', indicatorName(lang, indicator.id, indicator.name),
      formatTarget(indicator.target, lang), formatNumber(values.filter(v => v.met).length, lang), formatNumber(values.length, lang)));
    item.dataset.indicator = indicator.id;
    items.push(item);
  }
  const scored = indicators.filter(i => i.weight > 0);
  if (scored.length > 1) {
    const metAll = eligible.filter(entry => scored.every(i => {
      const v = entry.indicators?.[i.id];
      return !v || v.applicable === false || v.met;
    })).length;
    const item = el('li', 'summary-all', t(lang, 'summary.all', formatNumber(metAll, lang), formatNumber(eligible.length, lang)));
    item.dataset.indicator = 'all';
    items.push(item);
  }
  $('targets-summary-list').replaceChildren(...items);
}

function renderHeader() {
  const lang = state.lang;
  const summary = state.campaigns.find(c => c.id === state.campaignId);
  const campaign = { ...summary, ...state.campaign };
  $('campaign-name').textContent = campaign.name ?? '…';
  document.title = campaign.name ? `${campaign.name} · ${t(lang, 'page.title')}` : t(lang, 'page.title');
  $('campaign-period').textContent = campaign.start
    ? t(lang, 'header.period', formatDate(campaign.start), formatDate(campaign.end)) : '';
  const countdown = campaignCountdown(campaign.start, campaign.end, campaign.timeZone ?? TIME_ZONE, new Date(), campaign.playedDay);
  $('days-left').textContent = countdownText(
    lang, countdown, formatNumber(countdown?.days ?? 0, lang), formatDate(campaign.start), campaign.playedDay && formatDate(campaign.playedDay));
  // A past day's board is about that day: the campaign's count of days left (or the demo's day) would be another one.
  $('days-left').hidden = countdown === null || Boolean(state.asOf);
  $('updated-at').textContent = state.asOf ? t(lang, 'header.asOf', formatDate(state.asOf))
    : state.updatedAt ? t(lang, 'header.updatedAt', formatTime(state.updatedAt, campaign.timeZone ?? TIME_ZONE)) : '';
  const boardName = summary?.boards?.find(b => b.id === state.boardId)?.name ?? state.boardId ?? '';
  $('board-title').textContent = !boardName ? ''
    : state.asOf ? t(lang, 'board.titleAsOf', boardName, formatDate(state.asOf)) : t(lang, 'board.titleLive', boardName);
  $('print-title').textContent = [campaign.name, $('board-title').textContent].filter(Boolean).join(' · ');
  renderPrintedAt();
  $('back-live').hidden = !state.asOf;
  // Once the campaign is over, its last day's ranking is the one the review needs: one click away.
  const end = campaign.end ? campaign.end.slice(0, 10) : null;
  const endButton = $('as-of-end');
  endButton.hidden = !end || countdown?.phase !== 'ended' || state.asOf === end;
  endButton.textContent = end ? t(lang, 'action.end', formatDate(end)) : '';
  // What was typed stays, with what is wrong with it, until it is changed; otherwise the field shows the day shown.
  const asOf = $('as-of');
  if (document.activeElement !== asOf) asOf.value = state.asOfDraft?.text ?? (state.asOf ? formatDate(state.asOf) : '');
  showAsOfProblem(state.asOfDraft?.problem ?? null);
  asOf.disabled = !state.campaignId;
}

/** `problem`: a message key and its arguments, or null for the field's usual hint. */
function showAsOfProblem(problem) {
  $('as-of').setAttribute('aria-invalid', String(Boolean(problem)));
  $('as-of-hint').textContent = problem ? t(state.lang, ...problem) : t(state.lang, 'select.asOfHint');
  $('as-of-hint').classList.toggle('invalid', Boolean(problem));
}

function renderConnection() {
  const status = $('connection-status');
  // A past day's figures are final: the page says so rather than how its live connection is doing.
  status.dataset.state = state.asOf ? 'fixed' : state.connection;
  status.querySelector('.connection-text').textContent = t(state.lang, state.asOf ? 'conn.fixed' : state.connectionWord);
}

function renderFeed() {
  const list = $('live-feed');
  const now = new Date();
  list.replaceChildren(...state.feed.map(item => {
    const li = el('li', item.type === 'target' ? 'feed-item target' : 'feed-item');
    if (item.type === 'target') li.append(el('span', 'badge met feed-badge', '✓'));
    li.append(el('span', 'feed-text', feedText(item)));
    const time = el('time', 'feed-time', formatRelative(item.at, state.lang, now));
    if (item.at) time.dateTime = String(item.at);
    li.append(time);
    return li;
  }));
  $('feed-empty').hidden = state.feed.length > 0;
}

function renderChoiceNote() {
  const note = $('choice-note');
  note.hidden = !state.choiceNote;
  note.textContent = state.choiceNote ? t(state.lang, ...state.choiceNote) : '';
}

function renderSelectors() {
  const campaignSelect = $('campaign-select');
  campaignSelect.replaceChildren(...state.campaigns.map(c => new Option(c.name ?? c.id, c.id)));
  campaignSelect.value = state.campaignId ?? '';
  campaignSelect.disabled = state.campaigns.length === 0;
  const boards = state.campaigns.find(c => c.id === state.campaignId)?.boards ?? [];
  const boardSelect = $('board-select');
  boardSelect.replaceChildren(...boards.map(b => new Option(b.name ?? b.id, b.id)));
  boardSelect.value = state.boardId ?? '';
  boardSelect.disabled = boards.length === 0;
  $('wall-link').href = state.campaignId && state.boardId
    ? `/wall?campaign=${seg(state.campaignId)}&board=${seg(state.boardId)}` : '/wall';
}

function renderAll() {
  document.documentElement.lang = state.lang;
  translateStatic(state.lang);
  const toggle = $('lang-toggle');
  const other = state.lang === 'vi' ? 'en' : 'vi';
  toggle.textContent = t(state.lang, 'lang.switch');
  toggle.lang = other;
  toggle.setAttribute('aria-label', t(state.lang, 'lang.switchLabel'));
  renderHead();
  renderBoard();
  renderHeader();
  renderConnection();
  renderFeed();
  renderChoiceNote();
  const message = $('board-message');
  if (!message.hidden && message.dataset.key) showMessage(message.dataset.key, retryAction);
}

let retryAction = null;
function showMessage(key, retry) {
  const box = $('board-message');
  box.hidden = !key;
  box.dataset.key = key ?? '';
  retryAction = retry ?? null;
  box.querySelector('.message-text').textContent = key ? t(state.lang, key) : '';
  box.querySelector('.retry').hidden = !retry;
}

// ---------- switching boards ----------

async function selectBoard(choice, { push }) {
  const previous = { campaign: state.campaignId, board: state.boardId, asOf: state.asOf };
  const asOf = choice.asOf ?? null;
  if (previous.campaign === choice.campaign && previous.board === choice.board && previous.asOf === asOf && state.version !== null) return;
  state.generation++;
  state.campaignId = choice.campaign;
  state.boardId = choice.board;
  state.asOf = asOf;
  state.epoch = null;
  state.version = null;
  state.entries = new Map();
  state.order = [];
  state.pending = [];
  state.snapshotting = false;
  rows.clear();
  if (previous.campaign !== choice.campaign) {
    state.campaign = null;
    state.feed = [];
  }
  writeUrl(push);
  renderSelectors();
  renderChoiceNote();
  renderHeader();
  renderConnection();
  renderFeed();
  $('board').setAttribute('aria-busy', 'true');
  $('board-body').replaceChildren();
  $('board-placeholder').hidden = false;
  $('board-placeholder').textContent = t(state.lang, 'board.loading');

  unsubscribe(previous.campaign, previous.board);
  const generation = state.generation;
  if (!state.campaign) {
    try {
      const detail = await getJson(`/campaigns/${seg(choice.campaign)}`);
      if (generation !== state.generation) return;
      state.campaign = detail;
    } catch {
      // The table still works from the entries; only the columns' targets and weights are missing.
    }
    renderHead();
    renderHeader();
  }
  if (!choice.board) {
    $('board-placeholder').textContent = t(state.lang, 'board.empty');
    return;
  }
  if (hubConnected() && !state.asOf) await subscribe();
  else await loadHttpSnapshot();
}

// ---------- the review: a CSV of the board shown, and a printout ----------

/**
 * The board as shown (live or as at a past day), every unit and every indicator, for the campaign's review: rank,
 * code, name, and per indicator the rate (truncated as on screen), numerator, denominator and whether it is met;
 * then the score. UTF-8 with a byte-order mark, so a spreadsheet opens the Vietnamese names as they are; separators
 * and decimal marks as below.
 */
function boardCsv() {
  const lang = state.lang;
  const indicators = indicatorsOfCampaign();
  const header = [t(lang, 'col.rank'), t(lang, 'csv.previousRank'), t(lang, 'csv.unit'), t(lang, 'csv.name')];
  for (const indicator of indicators) {
    const name = indicatorName(lang, indicator.id, indicator.name);
    header.push(t(lang, 'csv.value', name), t(lang, 'csv.numerator', name), t(lang, 'csv.denominator', name), t(lang, 'csv.met', name));
  }
  header.push(t(lang, 'col.score'), t(lang, 'csv.eligible'));
  const lines = [header];
  for (const unit of state.order) {
    const entry = state.entries.get(unit);
    const line = [entry.rank, entry.previousRank ?? '', entry.unit, entry.name ?? entry.unit];
    for (const indicator of indicators) {
      const value = entry.indicators?.[indicator.id];
      if (!value || value.applicable === false) {
        line.push(t(lang, 'na'), '', '', '');
      } else {
        const percent = value.value === null && !value.denominator ? ''
          : formatPercent(value.value, lang, value.numerator, value.denominator).replace(/\u00a0?%$/, '');
        line.push(percent, value.numerator ?? '', value.denominator ?? '', t(lang, value.met ? 'met.yes' : 'met.no'));
      }
    }
    const applies = entry.applicable !== false;
    line.push(applies ? csvNumber(entry.score, lang) : t(lang, 'na'), applies ? t(lang, entry.eligible ? 'csv.yes' : 'csv.no') : t(lang, 'na'));
    lines.push(line);
  }
  const separator = csvSeparator(lang);
  return '\ufeff' + lines.map(line => line.map(cell => csvCell(cell, separator)).join(separator)).join('\r\n') + '\r\n';
}

/**
 * A spreadsheet opening a CSV splits it on the list separator of the computer's regional settings and reads numbers
 * with its decimal mark: with Vietnamese settings ";" and ",", with English ones "," and ".". The file follows the
 * page's language, so numbers stay numbers where the language and the settings agree.
 */
const csvSeparator = lang => (lang === 'en' ? ',' : ';');

/** The score as the API has it (six decimals at most), with the language's decimal mark and no grouping. */
function csvNumber(value, lang) {
  if (value === null || value === undefined) return '';
  const text = String(Number(Number(value).toFixed(6)));
  return lang === 'en' ? text : text.replace('.', ',');
}

/**
 * One CSV cell: quoted when it holds the separator, a quote or a line break. Text that a spreadsheet would run as a formula
 * (unit names come from integrators) starts with an apostrophe instead.
 */
function csvCell(value, separator) {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function downloadCsv() {
  const blob = new Blob([boardCsv()], { type: 'text/csv;charset=utf-8' });
  const day = state.asOf ?? todayIn(state.campaign?.timeZone ?? TIME_ZONE);
  const link = el('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${t(state.lang, 'csv.file')}-${state.campaignId}-${state.boardId}-${day}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

async function loadCampaigns() {
  showMessage(null);
  try {
    state.campaigns = await getJson('/campaigns');
  } catch {
    showMessage('error.campaigns', loadCampaigns);
    return;
  }
  const choice = resolveChoice(readUrl());
  if (!choice) {
    showMessage('error.noCampaigns');
    renderSelectors();
    $('board-placeholder').hidden = true;
    return;
  }
  await selectBoard(choice, { push: false });
}

// ---------- wiring ----------

$('controls').addEventListener('submit', event => event.preventDefault());
$('campaign-select').addEventListener('change', event => {
  state.choiceNote = null;
  const campaign = state.campaigns.find(c => c.id === event.target.value);
  selectBoard({ campaign: campaign.id, board: campaign.boards?.[0]?.id ?? null, asOf: null }, { push: true });
});
$('board-select').addEventListener('change', event => {
  state.choiceNote = null;
  selectBoard({ campaign: state.campaignId, board: event.target.value, asOf: state.asOf }, { push: true });
});
$('as-of').addEventListener('change', event => {
  // Typed as "31/12/2024" (vi-VN); an emptied field is live; anything else says what to type and changes nothing.
  const text = event.target.value.trim();
  const summary = state.campaigns.find(c => c.id === state.campaignId);
  const checked = text ? checkDay(text, { ...summary, ...state.campaign }) : { day: null };
  state.asOfDraft = checked.problem ? { text, problem: checked.problem } : null;
  showAsOfProblem(checked.problem ?? null);
  if (checked.problem) return;
  event.target.value = checked.day ? formatDate(checked.day) : '';
  selectBoard({ campaign: state.campaignId, board: state.boardId, asOf: checked.day }, { push: true });
});
$('as-of-end').addEventListener('click', () => {
  state.asOfDraft = null;
  const end = state.campaign?.end ?? state.campaigns.find(c => c.id === state.campaignId)?.end;
  if (end) selectBoard({ campaign: state.campaignId, board: state.boardId, asOf: end.slice(0, 10) }, { push: true });
});
$('back-live').addEventListener('click', () => {
  state.asOfDraft = null;
  selectBoard({ campaign: state.campaignId, board: state.boardId, asOf: null }, { push: true });
});
$('download-csv').addEventListener('click', downloadCsv);
$('print-board').addEventListener('click', () => window.print());
/** The printout says when it was made: a live board's figures change by the minute. Kept current with the header too. */
function renderPrintedAt() {
  const tz = state.campaign?.timeZone ?? TIME_ZONE;
  $('printed-at').textContent = t(state.lang, 'print.at', formatTime(new Date(), tz).slice(0, 5), formatDate(todayIn(tz)));
}

window.addEventListener('beforeprint', renderPrintedAt);
window.addEventListener('popstate', () => {
  const choice = resolveChoice(readUrl());
  if (choice) selectBoard(choice, { push: false });
});
$('unit-search').addEventListener('input', event => {
  state.query = event.target.value;
  renderBoard();
});
$('lang-toggle').addEventListener('click', () => {
  state.lang = state.lang === 'vi' ? 'en' : 'vi';
  rememberLang(state.lang);
  renderAll();
});
$('board-message').querySelector('.retry').addEventListener('click', () => retryAction?.());

// "còn N ngày" turns at midnight in Ho Chi Minh City and the feed's "2 phút trước" ages.
setInterval(() => { renderHeader(); renderFeed(); }, 30_000);

// While the demo feed plays a past campaign, its day moves every few seconds: follow it.
followPlayedDay(
  () => (state.campaign?.id === state.campaignId ? state.campaign : null),
  campaign => {
    if (campaign.id !== state.campaignId) return;
    state.campaign = campaign;
    renderHeader();
  });

renderAll();
loadCampaigns().then(startHub);
