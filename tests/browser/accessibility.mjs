// The accessibility audit of every page the browser tests reach: axe-core's WCAG 2.0 and 2.1
// rules at levels A and AA, run in the page itself. openPage (browser.mjs) calls it when each
// page has loaded (every navigation and form submission), at every check(step) and when the test
// closes its context, so a test audits what it visits without asking for it. Beside axe, a check
// of its own (headingProblems) asks for one h1 and heading levels without gaps.
// MANMULSANG_AUDIT_LOG=1 prints each audit on stderr.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const kTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// No rule is switched off. A rule turned off here needs a line saying why.
const kRules = {};

// Page states already audited by this test file (each file is a process of its own): the same
// page reached again in the same configuration is audited once. A state is the page's markup
// with its numbers and CSRF token left out, so a visit counter that moved is the same state.
const auditedStates = new Set();

// With JavaScript off, Chromium still evaluates what Playwright sends into the page, but runs no
// timer, and axe waits on setTimeout between its rules. The audit therefore gives the page a
// setTimeout made of promise callbacks, which still run, before it loads axe. Nothing of the
// page's own runs then (its scripts were skipped while it was parsed and registered nothing), so
// the page is audited as the visitor sees it: the same document, styles and viewport, <noscript>
// content included. This was chosen over re-rendering a copy of the markup in a JavaScript page,
// which would hide that <noscript> content and lose the focus and the form's typed values.
function prepareTimers() {
  const callLater = (callback, delay, ...values) => {
    Promise.resolve().then(() => callback(...values));
    return 0;
  };
  window.setTimeout = callLater;
  window.clearTimeout = () => {};
}

function stateOf() {
  const markup = document.documentElement.outerHTML
    .replace(/name="_csrf" value="[^"]*"/g, '')
    .replace(/[0-9]+/g, '0');
  let hash = 0;
  for (let index = 0; index < markup.length; index += 1) hash = (hash * 31 + markup.charCodeAt(index)) | 0;
  return `${location.pathname}|${markup.length}|${hash}`;
}

// The heading check, beside axe and separate from it: axe's heading-order rule is a best
// practice outside the WCAG tags run here, and axe has no rule for exactly one h1. A page's
// headings are its outline for screen-reader users, who jump by heading (WCAG 1.3.1, 2.4.6), so
// every page has exactly one h1 and no heading goes more than one level below the one before it
// (h2 → h4 leaves a gap; going back up, h4 → h2, is fine). Headings nobody can perceive (inside
// display:none, visibility:hidden, aria-hidden or a closed <details>) are left out, as assistive
// technology leaves them out; a visually hidden heading still counts.
function headingProblems() {
  const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')]
    .filter((element) => element.checkVisibility({ visibilityProperty: true }) && !element.closest('[aria-hidden="true"]'))
    .map((element) => ({
      level: element.matches('[role="heading"]') ? Number(element.getAttribute('aria-level') ?? 2) : Number(element.tagName[1]),
      text: element.textContent.trim().replace(/\s+/g, ' ').slice(0, 60),
    }));
  const problems = [];
  const topLevel = headings.filter((heading) => heading.level === 1);
  if (topLevel.length !== 1) {
    problems.push(`${topLevel.length} h1 headings, needs exactly one${topLevel.length ? `: ${topLevel.map((heading) => `"${heading.text}"`).join(', ')}` : ''}`);
  }
  for (let index = 1; index < headings.length; index += 1) {
    const before = headings[index - 1];
    const heading = headings[index];
    if (heading.level > before.level + 1) {
      problems.push(`h${before.level} "${before.text}" is followed by h${heading.level} "${heading.text}"`);
    }
  }
  return problems;
}

function describeViolations(url, configuration, violations) {
  const lines = [];
  for (const violation of violations) {
    lines.push(`${violation.id} (${violation.impact}) on ${url} [${configuration.name}]: ${violation.help}`);
    for (const node of violation.nodes) {
      const data = node.any.find((check) => check.data?.fgColor !== undefined)?.data;
      const contrast = data ? `: ${data.fgColor} on ${data.bgColor} is ${data.contrastRatio}:1, needs ${data.expectedContrastRatio}` : '';
      lines.push(`    ${node.target.join(' ')}${contrast}`);
    }
  }
  return lines;
}

// Audits the page as it is now, unless this state was audited already; returns the violations
// as lines of text (none: []). A page that goes away during the audit is not audited.
export async function auditPage(page, configuration) {
  const url = page.url();
  if (!url.startsWith('http')) return [];
  try {
    // Styles and images count (contrast, sizes): a page is audited once it has loaded.
    await page.waitForLoadState('load');
    const state = `${configuration.name}|${await page.evaluate(stateOf)}`;
    if (auditedStates.has(state)) return [];
    if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
      if (!configuration.javaScriptEnabled) await page.evaluate(prepareTimers);
      await page.evaluate(axeSource);
    }
    const violations = await page.evaluate(
      ([tags, rules]) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] })
        .then((results) => results.violations),
      [kTags, kRules]);
    const headings = await page.evaluate(headingProblems);
    auditedStates.add(state);
    if (process.env.MANMULSANG_AUDIT_LOG) {
      console.error(`axe: ${url} [${configuration.name}] ${violations.length} rules failing, ${headings.length} heading problems`);
    }
    return [...describeViolations(url, configuration, violations),
            ...headings.map((problem) => `heading structure on ${url} [${configuration.name}]: ${problem}`)];
  } catch (error) {
    if (/Execution context was destroyed|Target page, context or browser has been closed|navigat/i.test(error.message)) return [];
    throw error;
  }
}
