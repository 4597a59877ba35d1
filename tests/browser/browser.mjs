// Debian's Chromium through playwright-core, headless, with nothing that reaches the network.
import assert from 'node:assert/strict';
import { afterEach } from 'node:test';
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { auditPage } from './accessibility.mjs';

const here = dirname(fileURLToPath(import.meta.url));

export const screenshotDirectory =
  process.env.MANMULSANG_SCREENSHOTS ?? resolve(here, '..', '..', 'build', 'browser-screenshots');

// A missing Chromium fails the suite with what to install; it never skips it.
export function launchBrowser() {
  const executablePath = process.env.MANMULSANG_CHROMIUM ?? '/usr/bin/chromium';
  assert.ok(existsSync(executablePath), `Chromium not found at ${executablePath}: ./scripts/install-deps installs it`);
  return chromium.launch({
    executablePath,
    headless: true,
    timeout: 60_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

// The four ways the storefront must work: JavaScript on and off, desktop and a 320 px phone.
export const configurations = [
  { name: 'desktop-js', javaScriptEnabled: true, viewport: { width: 1280, height: 800 } },
  { name: 'desktop-nojs', javaScriptEnabled: false, viewport: { width: 1280, height: 800 } },
  { name: 'phone-js', javaScriptEnabled: true, viewport: { width: 320, height: 640 } },
  { name: 'phone-nojs', javaScriptEnabled: false, viewport: { width: 320, height: 640 } },
];

export async function screenshot(page, configuration, step) {
  mkdirSync(screenshotDirectory, { recursive: true });
  await page.screenshot({ path: join(screenshotDirectory, `${configuration.name}-${step}.png`), fullPage: true });
}

// A fresh browser context (no cookies) that records every failure a person would notice: script
// errors, console errors (CSP violations land there) and any request to another host. check(step)
// takes a screenshot, refuses sideways scrolling at 320 px and any recorded problem.
// Every page is audited for accessibility (accessibility.mjs) as soon as it has loaded. The
// navigation calls tests wait on (goto, reload, goBack, goForward, waitForNavigation, waitForURL)
// return once that audit is done and fail with its WCAG violations, so a test fails at the step
// that reached the page; check(step) audits the page as it is then (a menu opened, a form filled),
// and closing the context audits the last state; what no step reported fails the test as it ends.
// What closing a context found and no step reported. It fails the test that closed the context
// from an afterEach hook, which node's test runner counts only when the test has not failed
// already: the first error wins. They are printed on stderr as well, so a test that failed for
// another reason still shows them.
const unreportedViolations = [];
afterEach(() => {
  const found = unreportedViolations.splice(0);
  if (found.length === 0) return;
  console.error(found.join('\n'));
  assert.fail(found.join('\n'));
});

export async function openPage(browser, baseUrl, configuration, { stepPrefix = '' } = {}) {
  const context = await browser.newContext({
    viewport: configuration.viewport,
    javaScriptEnabled: configuration.javaScriptEnabled,
    locale: 'ko-KR',
    baseURL: baseUrl,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  const page = await context.newPage();
  const problems = [];
  const violations = [];
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`request to another host: ${url}`);
    }
  });
  // Audits run one after another (a state already audited is skipped quickly).
  let audits = Promise.resolve();
  const audit = () => {
    audits = audits.then(async () => {
      try {
        violations.push(...(await auditPage(page, configuration)));
      } catch (error) {
        violations.push(`the accessibility audit of ${page.url()} failed: ${error.message}`);
      }
    });
    return audits;
  };
  page.on('load', () => audit());
  const assertAccessible = (step) => {
    const found = violations.splice(0);
    assert.ok(found.length === 0, `${step}: WCAG 2.1 A/AA violations (axe-core, heading check):\n${found.join('\n')}`);
  };
  for (const name of ['goto', 'reload', 'goBack', 'goForward', 'waitForNavigation', 'waitForURL']) {
    const navigate = page[name].bind(page);
    page[name] = async (...values) => {
      const result = await navigate(...values);
      await audit();
      assertAccessible(`${stepPrefix}${name} → ${page.url()}`);
      return result;
    };
  }
  // allowErrors: a page deliberately answered with an error status logs one console error.
  const check = async (step, { allowErrors = false } = {}) => {
    await audit();
    await screenshot(page, configuration, `${stepPrefix}${step}`);
    if (configuration.viewport.width === 320) {
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= 320, `${step}: the page scrolls sideways at 320 px (scrollWidth ${scrollWidth})`);
    }
    const reported = allowErrors ? problems.filter((problem) => !problem.startsWith('console error')) : problems;
    assert.deepEqual(reported, [], `${step}: problems in the browser`);
    problems.length = 0;
    assertAccessible(step);
  };
  // Closing audits the last page; the violations no step reported fail the test after it ends
  // (see unreportedViolations), never from here: tests close in `finally`, where a throw would
  // replace the error that failed the test.
  const close = context.close.bind(context);
  context.close = async (options) => {
    if (!page.isClosed()) await audit();
    await close(options);
    const found = violations.splice(0);
    if (found.length > 0) {
      unreportedViolations.push(`${stepPrefix}the last pages: WCAG 2.1 A/AA violations (axe-core, heading check):\n${found.join('\n')}`);
    }
  };
  return { context, page, check };
}
