// The main storefront flows in a real browser: with JavaScript on and off, at desktop size and
// on a 320 px phone. Run with `node --test tests/browser/` (MANMULSANG_BINARY must be set).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { configurations, openPage as openBrowserPage } from './browser.mjs';
import { useServerAndBrowser } from './suite.mjs';

const kTopCategories = ['clothing', 'cosmetics', 'computers', 'solar', 'food', 'shoes', 'bags', 'appliances',
                        'household', 'building', 'books', 'medicine'];
const kPassword = 'Kimchi-Jjigae-2024!';
const kTestTimeout = 90_000;

const suite = useServerAndBrowser({ products: 200, seed: 1 });

let emailCounter = 0;
function uniqueEmail(tag) {
  emailCounter += 1;
  return `browser-${tag}-${process.pid}-${Date.now()}-${emailCounter}@example.com`;
}


// Submits a form the way a person does: the submit button inside it (Enter when it has none).
async function submit(page, form) {
  const button = form.locator('button[type="submit"], input[type="submit"], button:not([type])').first();
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    (await button.count()) > 0 ? button.click() : form.locator('input:not([type="hidden"])').last().press('Enter'),
  ]);
}

async function fillAccountForm(form, { email, password, name }) {
  await form.locator('input[name="email"], input[type="email"]').first().fill(email);
  const passwords = form.locator('input[type="password"]');
  for (let index = 0; index < (await passwords.count()); index += 1) await passwords.nth(index).fill(password);
  if (name !== undefined) {
    const nameField = form.locator('input[name="name"], input[name="display_name"]');
    if ((await nameField.count()) > 0) await nameField.first().fill(name);
  }
}

async function signedIn(context) {
  const response = await context.request.get('/api/v1/me');
  return response.status() === 200;
}

for (const configuration of configurations) {
  describe(configuration.name, () => {
    test('home shows the category tiles and the visit counter', { timeout: kTestTimeout }, async () => {
      const { context, page, check } = await openBrowserPage(suite.browser, suite.server.baseUrl, configuration);
      try {
        const response = await page.goto('/');
        assert.equal(response.status(), 200);
        assert.equal(await page.locator('html').getAttribute('lang'), 'ko');
        for (const slug of kTopCategories) {
          const tile = page.locator(`a[href="/c/${slug}"]`).first();
          assert.ok(await tile.isVisible(), `the ${slug} tile is not visible`);
        }
        // The counter tile: its numbers may be grouped (1,234) and, from the page cache, a
        // little older than /api/v1/stats, never newer.
        const stats = await (await context.request.get('/api/v1/stats')).json();
        const shown = {};
        for (const key of ['visits_total', 'visits_today', 'members', 'products', 'sellers']) {
          const cell = page.locator(`#stat-${key.replace('_', '-')}`);
          assert.ok(await cell.isVisible(), `the visit counter shows no ${key}`);
          shown[key] = Number((await cell.innerText()).replace(/[^0-9]/g, ''));
          assert.ok(Number.isInteger(shown[key]) && shown[key] >= 0, `${key} is not a count`);
          assert.ok(shown[key] <= stats[key], `${key} ${shown[key]} is ahead of /api/v1/stats ${stats[key]}`);
        }
        assert.equal(shown.products, stats.products);
        assert.ok(shown.visits_today <= shown.visits_total);
        assert.ok(await page.locator('form[action="/search"] input[name="q"]').first().isVisible(),
                  'the search box is not visible');
        await check('home');
      } finally {
        await context.close();
      }
    });

    test('the search box submits and shows results', { timeout: kTestTimeout }, async () => {
      const { context, page, check } = await openBrowserPage(suite.browser, suite.server.baseUrl, configuration);
      try {
        const listing = await (await context.request.get('/api/v1/products?category=computers&per_page=1')).json();
        const query = listing.items[0].name.split(/\s+/).slice(0, 2).join(' ');
        await page.goto('/');
        const form = page.locator('form[action="/search"]').first();
        await form.locator('input[name="q"]').fill(query);
        await Promise.all([page.waitForURL(/\/search\?/), form.locator('input[name="q"]').press('Enter')]);
        const url = new URL(page.url());
        assert.equal(url.searchParams.get('q'), query);
        const results = page.locator('main a[href^="/p/"], a[href^="/p/"]');
        assert.ok((await results.count()) > 0, `no results for "${query}"`);
        await check('search');
      } finally {
        await context.close();
      }
    });

    test('category to product navigation', { timeout: kTestTimeout }, async () => {
      const { context, page, check } = await openBrowserPage(suite.browser, suite.server.baseUrl, configuration);
      try {
        await page.goto('/');
        await Promise.all([page.waitForURL(/\/c\/computers/), page.locator('a[href="/c/computers"]').first().click()]);
        await check('category');
        const product = page.locator('a[href^="/p/"]:visible').first();
        const href = await product.getAttribute('href');
        await Promise.all([page.waitForURL(/\/p\/\d+/), product.click()]);
        assert.match(new URL(page.url()).pathname, /^\/p\/\d+$/);
        assert.equal(new URL(page.url()).pathname, href.split('?')[0]);
        const id = href.match(/\/p\/(\d+)/)[1];
        const api = await (await context.request.get(`/api/v1/products/${id}`)).json();
        const heading = await page.locator('h1').first().innerText();
        assert.ok(heading.includes(api.name) || api.name.includes(heading.trim()),
                  `the product page heading "${heading}" is not "${api.name}"`);
        await check('product');
      } finally {
        await context.close();
      }
    });

    test('register, log out, log in, log out', { timeout: kTestTimeout }, async () => {
      const { context, page, check } = await openBrowserPage(suite.browser, suite.server.baseUrl, configuration);
      try {
        const email = uniqueEmail(configuration.name);
        await page.goto('/register');
        await check('register');
        const registerForm = page.locator('form[action="/register"]').first();
        await fillAccountForm(registerForm, { email, password: kPassword, name: '브라우저 시험' });
        await submit(page, registerForm);
        assert.ok(await signedIn(context), `not signed in after registering (now at ${page.url()})`);
        await check('registered');

        const logoutForm = page.locator('form[action="/logout"]').first();
        assert.ok(await logoutForm.count() > 0, 'no logout form for a signed-in member');
        await submit(page, logoutForm);
        assert.ok(!(await signedIn(context)), 'still signed in after logging out');

        await page.goto('/login');
        const loginForm = page.locator('form[action="/login"]').first();
        await fillAccountForm(loginForm, { email, password: kPassword });
        await submit(page, loginForm);
        assert.ok(await signedIn(context), `not signed in after logging in (now at ${page.url()})`);
        await check('logged-in');

        await submit(page, page.locator('form[action="/logout"]').first());
        assert.ok(!(await signedIn(context)), 'still signed in after the second logout');
        await check('logged-out');
      } finally {
        await context.close();
      }
    });

    test('a wrong password shows a message on the login form', { timeout: kTestTimeout }, async () => {
      const { context, page, check } = await openBrowserPage(suite.browser, suite.server.baseUrl, configuration);
      try {
        await page.goto('/login');
        const form = page.locator('form[action="/login"]').first();
        await fillAccountForm(form, { email: uniqueEmail('nobody'), password: 'wrong-password-123' });
        await submit(page, form);
        assert.ok(!(await signedIn(context)));
        assert.ok(await page.locator('form[action="/login"]').count() > 0, 'the login form is not shown again');
        await check('login-failed', { allowErrors: true });
      } finally {
        await context.close();
      }
    });
  });
}
