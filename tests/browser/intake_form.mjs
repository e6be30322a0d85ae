// The volunteers' phone form (assets/intake) in a real browser: Debian's
// chromium driven by playwright-core, at a phone's viewport, against a running
// doudi-intake.
//
//   DOUDI_INTAKE_URL=http://127.0.0.1:PORT DOUDI_INTAKE_TOKEN=dd_... \
//     [DOUDI_SCREENSHOT=docs/screenshots/intake-form.png] node tests/browser/intake_form.mjs
//
// Scenarios (each in a fresh browser profile):
//   no-link      no token in the link: the page says to ask the center for one
//   bad-link     an unknown token: the API's 401 is shown as "link not valid"
//   report       every field and a photo; the page's own ID check; the draft
//                survives a reload; submit; 已收到 in 我上报的. Prints REPORT_ID=<n>
//                for the caller to find the report in the database.
//   offline      submit while offline: queued; back online: sent once
//   dropped      the POST fails while the phone thinks it is online: queued;
//                the page opened again sends it once
// Exits non-zero with a message naming the step that failed.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const BASE = (process.env.DOUDI_INTAKE_URL || '').replace(/\/+$/, '');
const TOKEN = process.env.DOUDI_INTAKE_TOKEN || '';
const SCREENSHOT = process.env.DOUDI_SCREENSHOT || '';
const PHOTO = path.join(here, 'fixtures', 'family-photo.jpg');
const TIMEOUT_MS = 15000;

// Debian's chromium, never a downloaded browser; no network of its own.
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

class Failure extends Error {}
function expect(condition, message) {
  if (!condition) throw new Failure(message);
}

// A random suffix of Chinese characters, so each run's names are its own.
function suffix() {
  const pool = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';
  let s = '';
  for (let i = 0; i < 4; i++) s += pool[Math.floor(Math.random() * pool.length)];
  return s;
}

// GB 11643 check character of 17 digits.
function checkCharacter(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * w[i];
  return '10X98765432'[sum % 11];
}

// A valid ID ending in X (to test the lower-case x and full-width digits).
function idEndingInX() {
  for (let seq = 100; seq < 1000; seq++) {
    const first17 = '33012219560317' + String(seq);
    if (checkCharacter(first17) === 'X') return first17 + 'X';
  }
  throw new Error('no ID ending in X');
}

function fullWidth(s) {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

async function launch() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-intake-browser-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(TIMEOUT_MS);
  const problems = [];
  const watch = (page) => {
    page.on('pageerror', (e) => problems.push('script error: ' + e.message));
    page.on('console', (m) => {
      // Offline scenarios log failed fetches; a CSP violation or any other error fails the test.
      if (m.type() === 'error' && !/ERR_INTERNET_DISCONNECTED|ERR_FAILED|Failed to fetch/.test(m.text())) {
        problems.push('console error: ' + m.text());
      }
    });
  };
  context.on('page', watch);
  context.pages().forEach(watch);
  return {
    context,
    problems,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Runs a scenario in a fresh browser profile, closed again whatever happens.
async function withBrowser(scenario) {
  const b = await launch();
  try {
    return await scenario(b);
  } finally {
    await b.close();
  }
}

async function openForm(context, withToken = true) {
  const page = context.pages()[0] || (await context.newPage());
  await page.goto(withToken ? `${BASE}/#t=${TOKEN}` : `${BASE}/`);
  await page.locator('#form').waitFor({ state: 'visible' });
  return page;
}

// The names in 我上报的 with their state texts.
async function mine(page) {
  return page.$$eval('#mine-list li', (lis) =>
    lis.map((li) => ({ name: li.querySelector('.who').textContent, state: li.querySelector('.state').textContent })));
}

async function waitForMine(page, name, stateText) {
  await page.waitForFunction(([n, s]) => Array.from(document.querySelectorAll('#mine-list li')).some((li) =>
    li.querySelector('.who').textContent === n && li.querySelector('.state').textContent === s), [name, stateText]);
}

// How many of this token's reports carry the name, asked of the server itself.
async function serverCount(page, name) {
  const reports = await page.evaluate(async (token) => {
    const r = await fetch('/api/v1/reports', { headers: { Authorization: 'Bearer ' + token } });
    return (await r.json()).reports;
  }, TOKEN);
  return reports.filter((r) => r.name === name).length;
}

// Submits without a network: the page keeps the report to send later.
async function submitQueued(page) {
  await page.locator('#submit').tap();
  await page.waitForFunction(() => /已保存，联网后自动发送/.test(document.querySelector('#status').textContent));
}

// The queued report reached the center once: 已收到 in 我上报的, one row, one on the server.
async function expectSentOnce(page, name, label, problems) {
  await waitForMine(page, name, '已收到');
  const rows = (await mine(page)).filter((r) => r.name === name);
  expect(rows.length === 1, `${label}: 我上报的 lists ${rows.length} reports named ${name}`);
  expect(await serverCount(page, name) === 1, `${label}: the server does not have the report exactly once`);
  expect(problems.length === 0, `${label}: ` + problems.join('; '));
}

async function pick(page, name, code) {
  await page.locator(`label:has(#f-${name}-${code})`).tap();
  expect(await page.isChecked(`#f-${name}-${code}`), `tapping ${name} ${code} did not choose it`);
}

async function fillMinimal(page, name) {
  await page.fill('#f-name', name);
  await page.selectOption('#f-village', { index: 1 });
  await pick(page, 'category', 'income_loss');
  await page.fill('#f-description', '家中主要劳动力失业，两个孩子上学，需要临时救助。');
  await page.locator('label[for="f-consent"]').tap();
}

function noLink() {
  return withBrowser(async (b) => {
    const page = await b.context.newPage();
    await page.goto(`${BASE}/`);
    await page.locator('#blocked').waitFor({ state: 'visible' });
    const text = await page.textContent('#blocked');
    expect(/链接/.test(text) && /中心/.test(text), `no-link: the message does not say to ask the center for a link: ${text}`);
    expect(await page.isHidden('#form'), 'no-link: the form is shown without a token');
    expect(b.problems.length === 0, 'no-link: ' + b.problems.join('; '));
  });
}

function badLink() {
  return withBrowser(async (b) => {
    const page = await b.context.newPage();
    await page.goto(`${BASE}/#t=dd_${'Z'.repeat(43)}`);
    await page.locator('#blocked').waitFor({ state: 'visible' });
    const text = await page.textContent('#blocked');
    expect(/无效/.test(text), `bad-link: an unknown token is not reported as an invalid link: ${text}`);
    const problems = b.problems.filter((p) => !/401/.test(p));  // chromium logs the 401 itself
    expect(problems.length === 0, 'bad-link: ' + problems.join('; '));
  });
}

function report() {
  return withBrowser(async (b) => {
    const page = await openForm(b.context);
    expect(!page.url().includes('#') && !page.url().includes(TOKEN),
      `report: the token is still in the address bar: ${page.url()}`);
    expect(await page.evaluate(() => document.documentElement.lang) === 'zh-CN', 'report: lang is not zh-CN');

    const name = '张' + suffix();
    const goodId = idEndingInX();
    const badId = goodId.slice(0, 16) + String((Number(goodId[16]) + 1) % 10) + 'X';
    await page.fill('#f-name', name);
    await page.fill('#f-id_number', badId);
    await page.keyboard.press('Tab');
    await page.locator('#err-id_number').waitFor({ state: 'visible' });
    const idError = await page.textContent('#err-id_number');
    expect(/身份证号/.test(idError), `report: the ID message does not name the ID: ${idError}`);
    expect(await page.getAttribute('#f-id_number', 'aria-invalid') === 'true', 'report: a bad ID is not aria-invalid');
    expect((await page.getAttribute('#f-id_number', 'aria-describedby')).split(' ').includes('err-id_number'),
      'report: the ID message is not tied to the field (aria-describedby)');
    expect(await page.evaluate(() => document.activeElement.id) === 'f-phone',
      'report: Tab from 身份证号 does not go to 联系电话');

    await page.fill('#f-phone', '138 0013 8000');
    await page.selectOption('#f-village', { index: 1 });
    await page.fill('#f-address', '三组12号');
    await pick(page, 'category', 'illness');
    await page.fill('#f-description', '户主患尿毒症，每周透析三次，妻子在家照顾，家中没有收入。');
    await pick(page, 'urgency', 'urgent');

    await page.setInputFiles('#f-photo-album', [PHOTO, PHOTO]);
    await page.waitForFunction(() => document.querySelectorAll('#thumbs img').length === 2);
    await page.locator('button[aria-label="删除照片2"]').tap();
    await page.waitForFunction(() => document.querySelectorAll('#thumbs img').length === 1);
    await page.waitForFunction(() => document.querySelector('#thumbs img').naturalWidth > 0);

    // Submitting with the bad ID and without consent: both shown, focus on the first.
    await page.locator('#submit').tap();
    await page.locator('#summary').waitFor({ state: 'visible' });
    const summary = await page.textContent('#summary');
    expect(/身份证号/.test(summary) && /家庭同意/.test(summary), `report: the summary misses a problem: ${summary}`);
    expect(await page.isVisible('#err-consent'), 'report: no message at the consent checkbox');
    expect(await page.evaluate(() => document.activeElement.id) === 'f-id_number',
      'report: the first bad field (身份证号) does not have the focus');

    // Full-width digits and a lower-case x are accepted and normalised.
    await page.fill('#f-id_number', fullWidth(goodId.slice(0, 17)) + 'x');
    await page.keyboard.press('Tab');
    await page.locator('#err-id_number').waitFor({ state: 'hidden' });
    expect(await page.inputValue('#f-id_number') === goodId,
      `report: the ID was not normalised to ${goodId}: ${await page.inputValue('#f-id_number')}`);
    await page.locator('label[for="f-consent"]').tap();
    expect(await page.isChecked('#f-consent'), 'report: tapping the consent label does not tick it');

    // The draft survives a reload (the link's token is kept in the page).
    await page.waitForTimeout(400);
    await page.reload();
    await page.locator('#form').waitFor({ state: 'visible' });
    await page.waitForFunction(() => document.querySelectorAll('#thumbs img').length === 1);
    expect(await page.inputValue('#f-name') === name, 'report: the name was lost on reload');
    expect(await page.inputValue('#f-description') !== '', 'report: the description was lost on reload');
    expect(await page.isChecked('#f-category-illness') && await page.isChecked('#f-urgency-urgent'),
      'report: the choices were lost on reload');

    // Phone layout: no sideways scrolling, every control at least 44 px tall, every field labelled.
    const layout = await page.evaluate(() => {
      const small = [];
      document.querySelectorAll('button, select, textarea, input[type=text], input[type=tel], .choice span, label.button, label[for="f-consent"]')
        .forEach((el) => {
          const r = el.getBoundingClientRect();
          if (r.width && r.height < 44) small.push((el.id || el.textContent.trim()) + ' ' + Math.round(r.height) + 'px');
        });
      const unlabelled = Array.from(document.querySelectorAll('input, select, textarea'))
        .filter((el) => !el.labels || !el.labels.length).map((el) => el.id || el.name);
      return { width: document.documentElement.scrollWidth, small, unlabelled };
    });
    expect(layout.width <= 360, `report: the page is ${layout.width} px wide at a 360 px viewport`);
    expect(layout.small.length === 0, 'report: touch targets under 44 px: ' + layout.small.join(', '));
    expect(layout.unlabelled.length === 0, 'report: controls without a label: ' + layout.unlabelled.join(', '));

    if (SCREENSHOT) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
    }

    await page.locator('#submit').tap();
    await page.locator('#done').waitFor({ state: 'visible' });
    const done = await page.textContent('#done');
    const m = /编号\s*(\d+)/.exec(done);
    expect(m, `report: the success message has no report number: ${done}`);
    expect(/照片1张/.test(done), `report: the center did not keep the one photo: ${done}`);
    await waitForMine(page, name, '已收到');
    expect(await serverCount(page, name) === 1, 'report: the server does not list the report exactly once');
    expect(b.problems.length === 0, 'report: ' + b.problems.join('; '));
    return Number(m[1]);
  });
}

function offline() {
  return withBrowser(async (b) => {
    const page = await openForm(b.context);
    const name = '李' + suffix();
    await fillMinimal(page, name);
    await b.context.setOffline(true);
    await submitQueued(page);
    await waitForMine(page, name, '待发送');
    expect(await page.inputValue('#f-name') === '', 'offline: the form was not emptied for the next report');
    await b.context.setOffline(false);
    await expectSentOnce(page, name, 'offline', b.problems);
  });
}

function dropped() {
  return withBrowser(async (b) => {
    let page = await openForm(b.context);
    const name = '赵' + suffix();
    await fillMinimal(page, name);
    const drop = (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue());
    await b.context.route('**/api/v1/reports', drop);
    await submitQueued(page);
    await page.close();
    await b.context.unroute('**/api/v1/reports', drop);
    page = await b.context.newPage();
    await page.goto(`${BASE}/`);  // no token in the link: the page kept it
    await page.locator('#form').waitFor({ state: 'visible' });
    await expectSentOnce(page, name, 'dropped', b.problems);
  });
}

async function main() {
  if (!BASE || !TOKEN) {
    console.error('intake_form: set DOUDI_INTAKE_URL (http://127.0.0.1:PORT) and DOUDI_INTAKE_TOKEN');
    process.exit(2);
  }
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`intake_form: ${CHROMIUM} is missing; run scripts/install-deps`);
    process.exit(2);
  }
  const scenarios = [['no-link', noLink], ['bad-link', badLink], ['report', report], ['offline', offline], ['dropped', dropped]];
  let passed = 0;
  let failed = 0;
  for (const [label, run] of scenarios) {
    try {
      const result = await run();
      if (label === 'report') console.log(`REPORT_ID=${result}`);
      console.log(`intake_form: ${label} ok`);
      passed++;
    } catch (e) {
      console.error(`intake_form: ${label} FAILED: ${e instanceof Failure ? e.message : e.stack || e}`);
      failed++;
    }
  }
  console.log(`intake_form: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main();
