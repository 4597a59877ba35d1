// Member pages no scenario walks through, visited so that the accessibility audit (accessibility.mjs,
// run by openPage on every page) covers them: the wallet, the address book, account security and a
// seller's product and order lists. A demo seller with a shop, products and a saved address signs
// in and opens each page, with JavaScript on at desktop size and off on a 320 px phone (the two
// ends; all four cost twice the time for little more).
// And a buyer who shops with the keyboard alone (WCAG 2.1.1, 2.4.7): signs in, searches through
// the suggestion list, opens a product, adds it to the cart and reaches the checkout, every focused
// control showing where the focus is.
// And, with JavaScript on, two scenarios of the member's own pages: a password changed on
// /account/security (the plain form) signs out the member's other browser and the new password
// signs in; a buyer confirms receipt (구매확정) of a shipped order from its page.
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
    seller = { email, password: kDemoPassword, token: login.json.token };
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

let memberCounter = 0;
// A member registered through the API: { email, password, token }.
async function newMember(tag) {
  memberCounter += 1;
  const email = `pages-${tag}-${process.pid}-${Date.now()}-${memberCounter}@example.com`;
  const password = 'Pyongyang-Onban-2026';
  const registered = await suite.api('POST', '/api/v1/auth/register', { email, password, name: '페이지 회원' });
  assert.equal(registered.status, 201, registered.text);
  return { email, password, token: registered.json.token };
}

async function submitAndWait(page, form) {
  assert.ok(await form.count() > 0, `no such form at ${page.url()}`);
  await Promise.all([page.waitForNavigation(), form.locator('button[type="submit"]').first().click()]);
}

const desktopWithScripts = configurations.find((candidate) => candidate.name === 'desktop-js');

test('a changed password signs out the other browser and the new one signs in', { timeout: kTestTimeout }, async () => {
  const member = await newMember('password');
  const here = await openPage(suite.browser, suite.server.baseUrl, desktopWithScripts, { stepPrefix: 'password-' });
  const there = await openPage(suite.browser, suite.server.baseUrl, desktopWithScripts, { stepPrefix: 'password-other-' });
  try {
    await signIn(here.page, member);
    await signIn(there.page, member);
    await there.page.goto('/account/security');
    assert.equal(new URL(there.page.url()).pathname, '/account/security', 'the other browser is not signed in');

    const newPassword = 'Hamhung-Naengmyeon-2027';
    await here.page.goto('/account/security');
    const form = here.page.locator('form[action="/account/password"]');
    await form.locator('input[name="current_password"]').fill(member.password);
    await form.locator('input[name="password"]').fill(newPassword);
    await form.locator('input[name="password_again"]').fill(newPassword);
    await submitAndWait(here.page, form);
    assert.equal(new URL(here.page.url()).pathname, '/account/security', `the change led to ${here.page.url()}`);
    assert.equal(await here.page.locator('form[action="/account/password"] [role="alert"]').count(), 0,
                 'the password change was refused');
    await here.check('changed');

    // The other browser's next page is a signed-out one: /account/security sends it to the login.
    await there.page.goto('/account/security');
    assert.equal(new URL(there.page.url()).pathname, '/login', `the other browser stayed at ${there.page.url()}`);
    assert.ok(await there.page.locator('a[href="/login"]').count() > 0, 'the signed-out page has no login link');
    await there.check('signed-out');
    // The old password no longer signs in, the new one does.
    const old = await suite.api('POST', '/api/v1/auth/login', { email: member.email, password: member.password });
    assert.notEqual(old.status, 200, 'the old password still signs in');
    await signIn(there.page, { email: member.email, password: newPassword });
    await there.page.goto('/account/security');
    assert.equal(new URL(there.page.url()).pathname, '/account/security');
  } finally {
    await here.context.close();
    await there.context.close();
  }
});

test('a buyer confirms receipt of a shipped order from its page', { timeout: kTestTimeout }, async () => {
  const listings = await suite.api('GET', '/api/v1/seller/products?per_page=100', undefined, seller.token);
  assert.equal(listings.status, 200, listings.text);
  const product = listings.json.items.find((item) => item.stock >= 2 && item.status === 'active' &&
                                                     !(item.variants?.length));
  assert.ok(product, 'the demo seller has no listing in stock');
  const buyer = await newMember('receipt');
  const added = await suite.api('POST', '/api/v1/cart/items', { product_id: product.id, quantity: 1 }, buyer.token);
  assert.equal(added.status, 201, added.text);
  const placed = await suite.api('POST', '/api/v1/orders', { payment_method: 'cod', address: '평양시 중구역 승리거리 25' },
                                 buyer.token);
  assert.equal(placed.status, 201, placed.text);
  const order = placed.json.orders[0].id;
  for (const [move, body] of [['prepare', {}], ['ship', { carrier: '조선우편', tracking: `RECEIPT-${order}` }]]) {
    const moved = await suite.api('POST', `/api/v1/seller/orders/${order}/${move}`, body, seller.token);
    assert.equal(moved.status, 200, `${move}: ${moved.text}`);
  }

  const { context, page, check } = await openPage(suite.browser, suite.server.baseUrl, desktopWithScripts,
                                                  { stepPrefix: 'receipt-' });
  try {
    await signIn(page, buyer);
    await page.goto(`/orders/${order}`);
    await check('shipped');
    await submitAndWait(page, page.locator(`form[action="/orders/${order}/confirm"]`));
    assert.equal(new URL(page.url()).pathname, `/orders/${order}`, `the confirmation led to ${page.url()}`);
    assert.equal((await page.locator('.order-page .badge').first().innerText()).trim(), '구매 확정');
    assert.equal(await page.locator(`form[action="/orders/${order}/confirm"]`).count(), 0,
                 'the confirmed order still offers the confirmation');
    await check('confirmed');
    const read = await suite.api('GET', `/api/v1/orders/${order}`, undefined, buyer.token);
    assert.equal(read.json.status, 'confirmed', read.text);
  } finally {
    await context.close();
  }
});
