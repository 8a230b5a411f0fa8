// The live connection shared by the wall display and the unit page.
//
// One SignalR connection that never gives up: automatic reconnect with a growing, jittered
// back-off, and when the server closes the connection (a restart says goodbye cleanly, which the
// client library does not retry) a new start loop with the same back-off. Every time the
// connection is (re)established the page's `onConnected` runs, which subscribes again: group
// membership dies with the old connection, and the subscription returns a fresh snapshot.
//
// The connection state is told in four words: connecting, connected, reconnecting (amber: a short
// drop, the figures are probably still right) and disconnected (red: the figures may be stale).

const HUB_URL = '/hubs/leaderboard';
const MAX_RETRY_DELAY_MS = 10_000;

/** 0.5 s, 1 s, 2 s, … up to 10 s, each shortened by up to 20 % so that screens do not retry in step. */
export function retryDelay(attempt) {
  const base = Math.min(MAX_RETRY_DELAY_MS, 500 * 2 ** Math.min(attempt, 10));
  return Math.round(base * (0.8 + Math.random() * 0.2));
}

export class LiveConnection {
  /**
   * @param {object} options
   * @param {(state: string) => void} options.onState called on every state change
   * @param {() => Promise<void>|void} options.onConnected called after each (re)connection
   * @param {number} [options.staleAfterMs] how long "reconnecting" lasts before "disconnected"
   */
  constructor({ onState, onConnected, staleAfterMs = 5_000 }) {
    this.state = null;
    this._onState = onState;
    this._onConnected = onConnected;
    this._staleAfterMs = staleAfterMs;
    this._staleTimer = 0;
    this._starting = false;
    this._stopped = false;
    this.connection = globalThis.signalR
      ? new signalR.HubConnectionBuilder()
        .withUrl(HUB_URL)
        .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => retryDelay(ctx.previousRetryCount) })
        .configureLogging(signalR.LogLevel.None)
        .build()
      : null;
    if (this.connection) {
      // A missed ping means the network is gone even when no socket error is seen (a cable pulled).
      this.connection.serverTimeoutInMilliseconds = 15_000;
      this.connection.keepAliveIntervalInMilliseconds = 5_000;
      this.connection.onreconnecting(() => this._set('reconnecting'));
      this.connection.onreconnected(() => this._connected());
      this.connection.onclose(() => {
        if (this._stopped) return;
        this._set('reconnecting');
        this.start();
      });
    }
  }

  get isConnected() {
    return this.connection !== null && this.connection.state === signalR.HubConnectionState.Connected;
  }

  on(name, handler) {
    this.connection?.on(name, handler);
  }

  invoke(method, ...args) {
    if (!this.isConnected) return Promise.reject(new Error('not connected'));
    return this.connection.invoke(method, ...args);
  }

  /** Starts, retrying for ever with back-off; the first failure turns the state to reconnecting. */
  async start() {
    if (!this.connection) {
      this._set('disconnected');
      return;
    }
    if (this.state === null) this._set('connecting');
    if (this._starting) return;
    this._starting = true;
    try {
      for (let attempt = 0; !this._stopped; attempt++) {
        try {
          await this.connection.start();
          await this._connected();
          return;
        } catch {
          // The state stays what it was (connecting or reconnecting) until the stale timer turns it red.
          await new Promise(resolve => setTimeout(resolve, retryDelay(attempt)));
        }
      }
    } finally {
      this._starting = false;
    }
  }

  async _connected() {
    this._set('connected');
    try {
      await this._onConnected?.();
    } catch {
      // The page handles its own subscription failures (it falls back to HTTP).
    }
  }

  _set(state) {
    if (state === 'reconnecting' || state === 'connecting') {
      // Going on reconnecting without success means the figures may no longer be current.
      if (!this._staleTimer) {
        this._staleTimer = setTimeout(() => {
          this._staleTimer = 0;
          if (this.state !== 'connected') this._set('disconnected');
        }, this._staleAfterMs);
      }
    } else if (state === 'connected') {
      clearTimeout(this._staleTimer);
      this._staleTimer = 0;
    }
    if (state === this.state) return;
    this.state = state;
    this._onState?.(state);
  }
}

/**
 * Keeps one board's entries current: a snapshot from SubscribeBoard, then the BoardChanged diffs
 * with consecutive versions. Another epoch or a gap in versions → a new snapshot, never a guess.
 * Changes that arrive while a snapshot is on its way are held and replayed after it.
 */
export class BoardFeed {
  constructor(live, campaign, board, { onSnapshot, onChange, onError }) {
    this._live = live;
    this.campaign = campaign;
    this.board = board;
    this._onSnapshot = onSnapshot;
    this._onChange = onChange;
    this._onError = onError;
    this.epoch = null;
    this.version = null;
    this._snapshotting = false;
    this._pending = [];
    live.on('BoardChanged', change => this._changed(change));
  }

  /** Subscribes (again); resolves once the snapshot is applied. */
  async subscribe() {
    this._snapshotting = true;
    this._pending = [];
    try {
      const snapshot = await this._live.invoke('SubscribeBoard', this.campaign, this.board);
      this.applySnapshot(snapshot);
      const pending = this._pending.sort((a, b) => a.version - b.version);
      this._pending = [];
      this._snapshotting = false;
      for (const change of pending) this._changed(change);
    } catch (error) {
      this._snapshotting = false;
      this._pending = [];
      this._onError?.(error);
    }
  }

  /** A snapshot from the hub or from HTTP (the fallback when the hub is unreachable). */
  applySnapshot(snapshot) {
    this.epoch = snapshot.epoch;
    this.version = snapshot.version;
    this._onSnapshot(snapshot);
  }

  _changed(change) {
    if (!change || change.campaign !== this.campaign || change.board !== this.board) return;
    if (this._snapshotting) {
      this._pending.push(change);
      return;
    }
    if (change.epoch !== this.epoch || (this.version !== null && change.version > this.version + 1)) {
      this.subscribe();
      return;
    }
    if (this.version !== null && change.version <= this.version) return;
    this.version = change.version;
    this._onChange(change);
  }
}

/** GET /api/v1/…, JSON; throws with the status on failure. */
export async function getJson(path) {
  const response = await fetch(`/api/v1${path}`, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) {
    const error = new Error(`${response.status} ${path}`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

export const seg = s => encodeURIComponent(s);

/**
 * While the demo feed plays a past campaign, the campaign's `playedDay` moves every few seconds (3 by default): fetch
 * the campaign again every second meanwhile, so the header is at most a third of a played day behind the figures.
 * `current()` is the campaign shown (or null); `apply` gets the fresh one.
 */
export function followPlayedDay(current, apply, everyMs = 1_000) {
  setInterval(async () => {
    const campaign = current();
    if (!campaign?.playedDay) return;
    try {
      apply(await getJson(`/campaigns/${seg(campaign.id)}`));
    } catch {
      // The next tick tries again; the connection dot tells of an outage.
    }
  }, everyMs);
}

/** document.createElement with a class and text (always textContent: names come from integrators). */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}
