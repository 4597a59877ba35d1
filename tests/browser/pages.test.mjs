// Member pages no scenario walks through, visited so that the accessibility audit (accessibility.mjs,
// run by openPage on every page) covers them: the wallet, the address book, account security and a
// seller's product and order lists. A demo seller with a shop, products and a saved address signs
// in and opens each page, with JavaScript on at desktop size and off on a 320 px phone (the two
// ends; all four cost twice the time for little more).
// And a buyer who shops with the keyboard alone (WCAG 2.1.1, 2.4.7): signs in, searches through
// the suggestion list, opens a product, adds it to the cart and reaches the checkout, every focused
// control showing where the focus is.
// Run with `node --test tests/browser/` (MANMULSANG_BINARY must be set).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { configurations, openPage } from './browser.mjs';
import { useServerAndBrowser } from './suite.mjs';

const kDemoPassword = 'manmulsang-demo';
const kTestTimeout = 60_000;
const kPages = ['/wallet', '/addresses', '/account/security', '/seller/products', '/seller/orders'];

let seller;  // { email, password }: a demo member who runs a shop
const suite = useServerAndBrowser({ products: 40, seed: 5 }, async () => {
  for (let index = 1; index <= 40 && !seller; index += 1) {
    const email = `user${String(index).padStart(4, '0')}@example.kp`;
    const login = await suite.api('POST', '/api/v1/auth/login', { email, password: kDemoPassword });
    if (login.status !== 200) continue;
    const shop = await suite.api('GET', '/api/v1/seller/shop/delivery', undefined, login.json.token);
    if (shop.status !== 200) continue;
    // A saved address, so the address book shows its list and not only the empty state.
    const saved = await suite.api('POST', '/api/v1/addresses',
                                  { recipient: '김철수', phone: '010-1234-5678', line: '평양시 중구역 승리거리 25' },
                                  login.json.token);
    assert.ok([201, 400].includes(saved.status), saved.text);
    seller = { email, password: kDemoPassword };
  }
  assert.ok(seller, 'no demo member with a shop can sign in');
});

// Presses Tab (Shift+Tab when backwards) until the focused element matches selector; every
// element the focus passes must show it: an outline or a box-shadow (WCAG 2.4.7).
async function tabTo(page, selector, { backwards = false, maximum = 120 } = {}) {
  for (let step = 0; step < maximum; step += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const focused = await page.evaluate((wanted) => {
      const element = document.activeElement;
      if (!element || element === document.body) return { none: true };
      const style = getComputedStyle(element);
      const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      return {
        visible: outlined || style.boxShadow !== 'none',
        matches: element.matches(wanted),
        name: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} ${
          (element.getAttribute('href') ?? element.getAttribute('name') ?? element.textContent ?? '').trim().slice(0, 40)}`,
      };
    }, selector);
    if (focused.none) continue;
    assert.ok(focused.visible, `the focus on ${focused.name} at ${page.url()} is not visible`);
    if (focused.matches) return;
  }
  assert.fail(`${maximum} presses of Tab never reached ${selector} at ${page.url()}`);
}

// Presses key on the focused element and waits for the page it leads to.
async function pressAndWait(page, key) {
  await Promise.all([page.waitForNavigation(), page.keyboard.press(key)]);
}

async function signIn(page, member) {
  await page.goto('/login');
  const form = page.locator('form[action="/login"]').first();
  await form.locator('input[name="email"]').fill(member.email);
  await form.locator('input[name="password"]').fill(member.password);
  await Promise.all([page.waitForNavigation(), form.locator('button[type="submit"]').first().click()]);
  assert.notEqual(new URL(page.url()).pathname, '/login', `sign-in of ${member.email} failed`);
}

const chosen = configurations.filter((configuration) => ['desktop-js', 'phone-nojs'].includes(configuration.name));

for (const configuration of chosen) {
  describe(configuration.name, () => {
    test('the member and seller pages pass the audit', { timeout: kTestTimeout }, async () => {
      const { context, page, check } = await openPage(suite.browser, suite.server.baseUrl, configuration,
                                                      { stepPrefix: 'pages-' });
      try {
        await signIn(page, seller);
        for (const path of kPages) {
          const response = await page.goto(path);
          assert.equal(response.status(), 200, `${path} answered ${response.status()}`);
          assert.equal(new URL(page.url()).pathname, path, `${path} led elsewhere`);
          await check(path.slice(1).replaceAll('/', '-'));
        }
        // The order list opens on the tab of paid orders, which the demo may leave empty: the first
        // tab that has orders shows the table.
        if (await page.locator('.seller-orders-page tr[data-order]').count() === 0) {
          let withOrders;
          for (const tab of await page.locator('.seller-order-tabs a[data-tab]').all()) {
            if ((await tab.locator('.tab-count').innerText()).trim() !== '0') withOrders ??= await tab.getAttribute('href');
          }
          assert.ok(withOrders, 'the demo seller has no orders on any tab');
          await page.goto(withOrders);
          assert.ok(await page.locator('.seller-orders-page tr[data-order]').count() > 0, `no orders at ${withOrders}`);
          await check('seller-orders-tab');
        }
      } finally {
        await context.close();
      }
    });
  });
}

test('a buyer shops with the keyboard alone, from the search box to the checkout', { timeout: kTestTimeout }, async () => {
  const configuration = configurations.find((candidate) => candidate.name === 'desktop-js');
  const listing = await suite.api('GET', '/api/v1/products?per_page=100');
  const product = listing.json.items.find((item) => item.stock >= 2 && item.price.amount > 0);
  assert.ok(product, 'no product in stock');
  const email = `keyboard-${process.pid}-${Date.now()}@example.com`;
  const password = 'Naengmyeon-Okryu-1961';
  const registered = await suite.api('POST', '/api/v1/auth/register', { email, password, name: '키보드 구매자' });
  assert.equal(registered.status, 201, registered.text);

  const { context, page, check } = await openPage(suite.browser, suite.server.baseUrl, configuration,
                                                  { stepPrefix: 'keyboard-' });
  try {
    // The login page puts the focus in the e-mail field.
    await page.goto('/login');
    await page.keyboard.type(email);
    await tabTo(page, 'input[name="password"]');
    await page.keyboard.type(password);
    await pressAndWait(page, 'Enter');
    assert.notEqual(new URL(page.url()).pathname, '/login', 'the keyboard sign-in failed');

    // The search box, its suggestions by arrow key, Enter takes the highlighted one.
    await tabTo(page, '#site-search');
    // Suggestions are words of listings that start with what was typed.
    await page.keyboard.type(Array.from(product.name.split(/\s+/)[0]).slice(0, 2).join(''));
    const options = page.locator('#site-search-suggestions [role="option"]');
    await options.first().waitFor({ state: 'visible' });
    await page.keyboard.press('ArrowDown');
    assert.ok(await page.locator('#site-search').getAttribute('aria-activedescendant'), 'ArrowDown highlights nothing');
    await pressAndWait(page, 'Enter');
    assert.equal(new URL(page.url()).pathname, '/search');
    await check('search');

    // A product of the results, its add-to-cart button, the cart, the checkout.
    await tabTo(page, '#search-results a[href^="/p/"]');
    await pressAndWait(page, 'Enter');
    assert.match(new URL(page.url()).pathname, /^\/p\/\d+/);
    await tabTo(page, 'form.buy-form button[type="submit"]:not([name])');
    await pressAndWait(page, 'Enter');
    assert.equal(new URL(page.url()).pathname, '/cart');
    await tabTo(page, 'a[href="/checkout"]');
    await check('cart');
    await pressAndWait(page, 'Enter');
    assert.equal(new URL(page.url()).pathname, '/checkout');
    assert.ok(await page.locator('form[action="/checkout"]').count() > 0, 'the checkout form is missing');
    // Back up the page with Shift+Tab: the focus stays visible that way too.
    await tabTo(page, 'a[href="/cart"]', { backwards: true });
    await check('checkout');
  } finally {
    await context.close();
  }
});
