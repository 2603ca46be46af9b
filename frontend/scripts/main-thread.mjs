#!/usr/bin/env node
// Main-thread work of the home page for a logged-in resident, in Chromium with its CPU slowed 4× (as
// Lighthouse's mobile profile assumes), over several loads: each load's tasks from a Chromium trace,
// their total, the longest, and the blocking time (each task's part beyond 50 ms, until the page is
// quiet). A steadier comparison of two builds than Lighthouse's score on a shared machine.
//
//   node scripts/main-thread.mjs [SPA base URL] [loads] [path]     (defaults http://127.0.0.1:5173, 5, /)
import { chromium } from '@playwright/test';
import { logIn } from './login.mjs';

const base = (process.argv[2] ?? 'http://127.0.0.1:5173').replace(/\/$/, '');
const loads = Number(process.argv[3] ?? 5);
const path = process.argv[4] ?? '/';
const user = 'resident';

// PROFILE=1: self time per function (from the V8 sampling profiler's chunks in the trace), summed over the loads.
const selfTime = new Map();
const kinds = new Map();
const components = new Map();
function addSamples(events, longTasks = []) {
  const nodes = new Map();
  const starts = new Map(events.filter((x) => x.name === 'Profile').map((x) => [x.id, x.args?.data?.startTime ?? 0]));
  const clock = new Map();
  const perTask = longTasks.map(() => new Map());
  for (const e of events.filter((x) => x.name === 'ProfileChunk')) {
    const data = e.args?.data?.cpuProfile;
    if (!data) continue;
    for (const n of data.nodes ?? []) nodes.set(`${e.id}:${n.id}`, { ...n.callFrame, parent: n.parent });
    const deltas = e.args.data.timeDeltas ?? [];
    (data.samples ?? []).forEach((id, i) => {
      const at = (clock.get(e.id) ?? starts.get(e.id) ?? 0) + (deltas[i] ?? 0);
      clock.set(e.id, at);
      const f = nodes.get(`${e.id}:${id}`);
      if (!f) return;
      const key = `${f.functionName || '(anonymous)'} ${(f.url || '').split('/').pop()}:${f.lineNumber}`;
      const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
      selfTime.set(key, (selfTime.get(key) ?? 0) + dt);
      // the innermost component (a capitalised function of the app's chunks) on the sample's stack
      let c = f;
      const seen = new Set();
      while (c && !(/^[A-Z][A-Za-z]+$/.test(c.functionName) && /(index|client|auth-buttons)-/.test(c.url ?? ''))) {
        if (c.parent === undefined || seen.has(c.parent)) { c = undefined; break; }
        seen.add(c.parent);
        c = nodes.get(`${e.id}:${c.parent}`);
      }
      if (c) components.set(c.functionName, (components.get(c.functionName) ?? 0) + dt);
      const task = longTasks.findIndex((t) => at >= t.ts && at <= t.ts + t.dur);
      if (task >= 0) {
        const name = c ? c.functionName : `${f.functionName || '(anonymous)'}`;
        perTask[task].set(name, (perTask[task].get(name) ?? 0) + dt);
      }
    });
  }
}
function printProfile() {
  const rows = [...selfTime.entries()].filter(([k]) => !/^\((idle|program)\)/.test(k)).sort((a, b) => b[1] - a[1]);
  for (const [k, ms] of rows.slice(0, 40)) console.log(`${(ms / loads).toFixed(1).padStart(7)} ms  ${k}`);
  console.log('time under each component (innermost on the stack):');
  for (const [k, ms] of [...components.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(ms / loads).toFixed(1).padStart(7)} ms  ${k}`);
  console.log('trace events on the main thread (nested ones counted in their parents too):');
  for (const [k, ms] of [...kinds.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(ms / loads).toFixed(1).padStart(7)} ms  ${k}`);
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true });
  const page = await context.newPage();
  await logIn(page, base, user);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const rows = [];
  for (let i = 0; i < loads; i++) {
    await page.goto('about:blank');
    const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];
    if (process.env.PROFILE) categories.push('disabled-by-default-v8.cpu_profiler');
    if (process.env.DEEP) categories.push('toplevel', 'blink', 'loading', 'navigation', 'v8', 'renderer.scheduler');
    await browser.startTracing(page, { categories });
    await page.goto(`${base}${path}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1500);
    const trace = JSON.parse((await browser.stopTracing()).toString());
    const events = trace.traceEvents;
    const mainThreads = new Set(
      events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
    );
    const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`));
    const ms = tasks.map((t) => t.dur / 1000);
    if (process.env.DEEP) {
      const main = events.filter((e) => e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`));
      for (const t of tasks.filter((x) => x.dur > 40000)) {
        const inside = new Map();
        for (const e of main) {
          if (e === t || e.ts < t.ts || e.ts + e.dur > t.ts + t.dur || e.dur < 2000) continue;
          const where = e.args?.src_func ? `${e.name}@${e.args.src_file?.split('/').pop()}:${e.args.src_func}` : e.name;
          inside.set(where, (inside.get(where) ?? 0) + e.dur / 1000);
        }
        const top = [...inside.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${v.toFixed(0)}`);
        console.log(`  task ${(t.dur / 1000).toFixed(0)} ms: ${top.join(' | ')}`);
      }
    }
    rows.push({
      total: ms.reduce((a, b) => a + b, 0),
      longest: Math.max(...ms),
      blocking: ms.reduce((a, d) => a + Math.max(0, d - 50), 0),
      long: ms.filter((d) => d > 50).length,
    });
    if (process.env.PROFILE) {
      addSamples(events, tasks.filter((t) => t.dur > 40000));
      for (const e of events) {
        if (e.ph !== 'X' || !mainThreads.has(`${e.pid}:${e.tid}`) || e.name === 'RunTask') continue;
        kinds.set(e.name, (kinds.get(e.name) ?? 0) + e.dur / 1000);
      }
    }
    const r = rows.at(-1);
    console.log(`load ${i + 1}: main thread ${r.total.toFixed(0)} ms, longest task ${r.longest.toFixed(0)} ms, blocking ${r.blocking.toFixed(0)} ms in ${r.long} long tasks`);
  }
  if (process.env.PROFILE) printProfile();
  const median = (k) => rows.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(rows.length / 2)];
  console.log(`median of ${loads}: main thread ${median('total').toFixed(0)} ms, longest ${median('longest').toFixed(0)} ms, blocking ${median('blocking').toFixed(0)} ms`);
} finally {
  await browser.close();
}
