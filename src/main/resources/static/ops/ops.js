// The operator dashboard: plain DOM, no build step. Every figure comes from the admin API with the bearer token
// the operator typed (kept in sessionStorage, so closing the tab forgets it). Text from the API is only ever set
// as textContent: dead-letter reasons and payloads come from outside.
'use strict';

const REFRESH_MS = 5000;
const TOKEN_KEY = 'inventory-sync-admin-token';
let refreshTimer = null;

function token() { return sessionStorage.getItem(TOKEN_KEY); }

async function api(method, path, body) {
  const headers = { 'Authorization': 'Bearer ' + token() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch (e) { data = { error: text }; }
  if (!response.ok) {
    const error = new Error((data && (data.error || data.message)) || response.statusText);
    error.status = response.status;
    throw error;
  }
  return data;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === undefined || v === null) return;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v); else node.setAttribute(k, v);
  });
  children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
  return node;
}

function badge(text) { return el('span', { class: 'badge ' + text }, text); }
function num(value, digits) { return value == null ? '–' : Number(value).toFixed(digits ?? 0); }
function pct(value) { return value == null ? '–' : (100 * value).toFixed(2) + ' %'; }
function when(value) {
  if (!value) return '–';
  const d = new Date(value);
  return d.toDateString() === new Date().toDateString() ? d.toLocaleTimeString() : d.toLocaleString();
}
function seconds(value) {
  if (value == null) return '–';
  if (value < 1) return (value * 1000).toFixed(0) + ' ms';
  if (value < 120) return value.toFixed(1) + ' s';
  if (value < 7200) return (value / 60).toFixed(1) + ' min';
  return (value / 3600).toFixed(1) + ' h';
}
/** The first array in an API answer: {"channels": [...]}, {"monitors": [...]} or a bare array. */
function rows(data) {
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object') return Object.values(data).find(Array.isArray) || [];
  return [];
}

function sparkline(values) {
  const points = (values || []).map((v, i) => [i, v]).filter(([, v]) => v != null);
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'spark');
  svg.setAttribute('viewBox', '0 0 160 28');
  svg.setAttribute('data-points', String(points.length));
  if (points.length === 0) return svg;
  const n = Math.max((values || []).length - 1, 1);
  const max = Math.max(...points.map(([, v]) => v), 1);
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
  line.setAttribute('points', points.map(([i, v]) => `${(i / n * 158 + 1).toFixed(1)},${(27 - v / max * 25).toFixed(1)}`).join(' '));
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.textContent = 'latest ' + points[points.length - 1][1].toFixed(0) + ' ms, max ' + max.toFixed(0) + ' ms';
  svg.append(title, line);
  return svg;
}

function fill(sectionId, items, render, emptyText) {
  const body = document.querySelector('#' + sectionId + ' tbody');
  const columns = document.querySelectorAll('#' + sectionId + ' thead th').length;
  body.replaceChildren(...(items.length ? items.map(render)
    : [el('tr', {}, el('td', { class: 'empty', colspan: columns }, emptyText))]));
}

async function act(label, method, path, body) {
  const result = document.getElementById('action-result');
  try {
    const answer = await api(method, path, body);
    result.textContent = label + ': done ' + (answer ? JSON.stringify(answer) : '');
    result.dataset.outcome = 'ok';
  } catch (e) {
    result.textContent = label + ': failed (' + (e.status || '') + ' ' + e.message + ')';
    result.dataset.outcome = 'failed';
  }
  refresh();
}

const CONTROLS = {}; // channel -> controls answer, when the controls API is there

function channelRow(c) {
  const controls = CONTROLS[c.channel] || {};
  const modes = [];
  if (controls.paused) modes.push(badge('paused'));
  if (controls.shadow) modes.push(badge('shadow'));
  if (controls.limited_availability_below != null) {
    modes.push(el('span', { class: 'badge limited', title: 'listings below ' + controls.limited_availability_below
      + ' are published as 0' }, 'limited < ' + controls.limited_availability_below));
  }
  const skuControls = (controls.skus || []).length;
  if (skuControls) modes.push(' ', el('small', {}, skuControls + ' SKU control' + (skuControls > 1 ? 's' : '')));
  if (modes.length === 0) modes.push(badge('live'));
  const name = encodeURIComponent(c.channel);
  return el('tr', { 'data-channel': c.channel },
    el('td', {}, c.channel, ' ', el('small', {}, c.type)),
    el('td', {}, modes),
    el('td', { class: 'num', 'data-field': 'freshness' }, seconds(c.freshnessSeconds)),
    el('td', { class: 'num', 'data-field': 'backlog' }, num(c.backlog)),
    el('td', { class: 'num', 'data-field': 'throughput' }, num(c.pushesPerMinute, 1)),
    el('td', { class: 'num' + (c.failureRate > 0.02 ? ' bad' : ''), 'data-field': 'failure-rate' }, pct(c.failureRate)),
    el('td', { 'data-field': 'latency' }, sparkline(c.latencyMillis)),
    el('td', {},
      el('button', { 'data-action': 'sync', onclick: () => act('sync ' + c.channel, 'POST', `/api/v1/channels/${name}/sync`) }, 'Sync now'),
      ' ',
      controls.paused
        ? el('button', { 'data-action': 'resume', onclick: () => act('resume ' + c.channel, 'POST', `/api/v1/channels/${name}/resume`) }, 'Resume')
        : el('button', { 'data-action': 'pause', onclick: () => act('pause ' + c.channel, 'POST', `/api/v1/channels/${name}/pause`) }, 'Pause'),
      ' ',
      el('button', { 'data-action': 'reconcile', onclick: () => act('reconcile ' + c.channel, 'POST', `/api/v1/reconciliations?channel=${name}`) }, 'Reconcile')));
}

function monitorRow(m) {
  const durations = m.durations || m.recentDurations || m.recent_durations || [];
  const last = durations.length ? durations[durations.length - 1] : null;
  const lastSeconds = last == null ? null : (typeof last === 'object' ? (last.seconds ?? last.durationSeconds) : last);
  return el('tr', { 'data-monitor': m.id || m.monitor },
    el('td', {}, m.id || m.monitor),
    el('td', {}, badge(m.state)),
    el('td', {}, when(m.lastStart || m.last_start)),
    el('td', {}, when(m.lastSuccess || m.last_success)),
    el('td', { title: m.lastError || m.last_error || '' }, when(m.lastFailure || m.last_failure)),
    el('td', { class: 'num' }, seconds(lastSeconds)));
}

function incidentRow(i) {
  return el('tr', { 'data-incident': i.id },
    el('td', {}, i.id), el('td', {}, i.monitor || i.key), el('td', {}, when(i.openedAt || i.opened_at)),
    el('td', {}, i.step ?? i.stepReached ?? i.step_reached ?? '–'), el('td', {}, i.summary || i.reason || ''),
    el('td', {}, i.acknowledgedAt || i.acknowledged_at ? 'acknowledged'
      : el('button', { onclick: () => act('acknowledge ' + i.id, 'POST', `/api/v1/incidents/${i.id}/acknowledge`) }, 'Acknowledge')));
}

function reconciliationRow(r) {
  const started = r.startedAt || r.started_at;
  const finished = r.finishedAt || r.finished_at;
  const compared = r.listingsCompared ?? r.listings_compared;
  const rate = r.discrepancyRate ?? r.discrepancy_rate ?? (compared ? r.differences / compared : null);
  return el('tr', { 'data-run': r.id },
    el('td', {}, r.id), el('td', {}, r.channel), el('td', {}, badge(r.status)), el('td', {}, when(started)),
    el('td', { class: 'num' }, num(compared)), el('td', { class: 'num' }, num(r.differences)),
    el('td', { class: 'num' }, pct(rate)),
    el('td', { class: 'num' }, started && finished ? seconds((new Date(finished) - new Date(started)) / 1000) : '–'),
    el('td', {}, r.status === 'held'
      ? el('button', { onclick: () => act('apply run ' + r.id, 'POST', `/api/v1/reconciliations/${r.id}/apply`) }, 'Apply')
      : ''));
}

function deadLetterRow(g) {
  return el('tr', { 'data-reason': g.reason, 'data-stage': g.stage },
    el('td', {}, g.stage), el('td', {}, g.reason), el('td', { class: 'num', 'data-field': 'count' }, num(g.count)),
    el('td', {}, when(g.oldest)), el('td', {}, when(g.newest)),
    el('td', {}, el('button', {
      'data-action': 'replay',
      onclick: () => act(`replay ${g.stage}/${g.reason}`, 'POST', '/api/v1/dead-letters/replay', { stage: g.stage, reason: g.reason })
    }, 'Replay')));
}

async function section(id, load, render, emptyText) {
  try {
    fill(id, await load(), render, emptyText);
    return true;
  } catch (e) {
    if (e.status === 401) throw e;
    fill(id, [], render, 'unavailable: ' + (e.status || '') + ' ' + e.message);
    return false;
  }
}

async function refresh() {
  if (!token()) return;
  const status = document.getElementById('status');
  try {
    const channels = rows(await api('GET', '/api/v1/ops/channels'));
    await Promise.all(channels.map(async c => {
      try { CONTROLS[c.channel] = await api('GET', `/api/v1/channels/${encodeURIComponent(c.channel)}/controls`); }
      catch (e) { if (e.status === 401) throw e; delete CONTROLS[c.channel]; }
    }));
    fill('channels', channels, channelRow, 'no channels configured');
    const select = document.getElementById('sku-channel');
    if (select.options.length !== channels.length) {
      select.replaceChildren(...channels.map(c => el('option', { value: c.channel }, c.channel)));
    }
    await section('monitors', async () => rows(await api('GET', '/api/v1/monitors')), monitorRow, 'no monitors');
    await section('incidents', async () => rows(await api('GET', '/api/v1/incidents'))
      .filter(i => !(i.resolvedAt || i.resolved_at)), incidentRow, 'no open incident');
    await section('reconciliations', async () => rows(await api('GET', '/api/v1/reconciliations?limit=10')),
      reconciliationRow, 'no reconciliation yet');
    await section('dead-letters', async () => rows(await api('GET', '/api/v1/dead-letters/summary')),
      deadLetterRow, 'nothing waiting');
    status.textContent = 'Updated ' + new Date().toLocaleTimeString();
    status.dataset.state = 'ok';
  } catch (e) {
    status.textContent = e.status === 401 ? 'The admin token was refused.' : 'Cannot load: ' + e.message;
    status.dataset.state = e.status === 401 ? 'unauthorized' : 'error';
  }
}

function skuAction(action) {
  const channel = encodeURIComponent(document.getElementById('sku-channel').value);
  const sku = document.getElementById('sku').value.trim();
  if (!sku) return;
  const path = `/api/v1/channels/${channel}/skus/${encodeURIComponent(sku)}`;
  const units = Number(document.getElementById('sku-units').value);
  ({
    pause: () => act('pause ' + sku, 'PUT', path + '/pause'),
    resume: () => act('resume ' + sku, 'DELETE', path + '/pause'),
    buffer: () => act('buffer ' + sku, 'PUT', path + '/buffer', { units }),
    unbuffer: () => act('clear buffer ' + sku, 'DELETE', path + '/buffer'),
  })[action]();
}

document.getElementById('login').addEventListener('submit', event => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, document.getElementById('token').value);
  refresh();
  clearInterval(refreshTimer);
  refreshTimer = setInterval(refresh, REFRESH_MS);
});
document.querySelectorAll('[data-sku-action]').forEach(b => b.addEventListener('click', () => skuAction(b.dataset.skuAction)));
if (token()) {
  refresh();
  refreshTimer = setInterval(refresh, REFRESH_MS);
}
