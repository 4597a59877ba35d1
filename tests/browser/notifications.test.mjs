// The notification centre in the browser: a buyer orders from a demo shop, the shop ships it, and
// the buyer's header bell counts one; the buyer follows the bell to /notifications, opens the
// notification (a plain form: it is marked read and leads to the order) and the count is gone.
// With JavaScript on at desktop size and off on a 320 px phone; every page it reaches, the
// notification settings included, is audited (accessibility.mjs through openPage).
// Run with `node --test tests/browser/notifications.test.mjs` (MANMULSANG_BINARY must be set).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { configurations, openPage } from './browser.mjs';
import { useServerAndBrowser } from './suite.mjs';

const kDemoPassword = 'manmulsang-demo';
const kTestTimeout = 60_000;

let seller;  // { token, product }: a demo member whose shop has a listing in stock
const suite = useServerAndBrowser({ products: 40, seed: 11 }, async () => {
  for (let index = 1; index <= 40 && !seller; index += 1) {
    const email = `user${String(index).padStart(4, '0')}@example.kp`;
    const login = await suite.api('POST', '/api/v1/auth/login', { email, password: kDemoPassword });
    if (login.status !== 200) continue;
    const listings = await suite.api('GET', '/api/v1/seller/products?per_page=100', undefined, login.json.token);
    if (listings.status !== 200) continue;
    const product = listings.json.items.find((item) => item.stock >= 5 && item.status === 'active' &&
                                                       !(item.variants?.length));
    if (product) seller = { token: login.json.token, product: product.id };
  }
  assert.ok(seller, 'no demo member with a shop and a listing in stock can sign in');
});

// A new member whose order of the seller's listing the shop has shipped.
async function buyerWithShippedOrder(tag) {
  const email = `notified-${tag}-${process.pid}-${Date.now()}@example.com`;
  const password = 'Okryu-Naengmyeon-1961';
  const registered = await suite.api('POST', '/api/v1/auth/register', { email, password, name: '알림 구매자' });
  assert.equal(registered.status, 201, registered.text);
  const token = registered.json.token;
  const added = await suite.api('POST', '/api/v1/cart/items', { product_id: seller.product, quantity: 1 }, token);
  assert.equal(added.status, 201, added.text);
  const placed = await suite.api('POST', '/api/v1/orders', { payment_method: 'cod', address: '평양시 중구역 창전거리 9' },
                                 token);
  assert.equal(placed.status, 201, placed.text);
  const order = placed.json.orders[0].id;
  for (const move of ['prepare', 'ship']) {
    const moved = await suite.api('POST', `/api/v1/seller/orders/${order}/${move}`,
                                  { carrier: '조선우편', tracking: `BELL-${order}` }, seller.token);
    assert.equal(moved.status, 200, `${move}: ${moved.text}`);
  }
  return { email, password, order };
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
    test('the bell counts the shipping and the count drops once it is opened', { timeout: kTestTimeout }, async () => {
      const buyer = await buyerWithShippedOrder(configuration.name);
      const { context, page, check } = await openPage(suite.browser, suite.server.baseUrl, configuration,
                                                      { stepPrefix: 'notifications-' });
      try {
        await signIn(page, buyer);
        await page.goto('/');
        const bell = page.locator('a.bell-link');
        assert.equal((await bell.locator('.badge').innerText()).replace(/\D/g, ''), '1', 'the bell does not count one');

        await Promise.all([page.waitForNavigation(), bell.click()]);
        assert.equal(new URL(page.url()).pathname, '/notifications');
        const unread = page.locator('li.notification-unread');
        assert.equal(await unread.count(), 1);
        assert.match(await unread.innerText(), new RegExp(`${buyer.order}번이 발송되었습니다`));
        await check('list');

        await Promise.all([page.waitForNavigation(), unread.locator('button.notification-open').click()]);
        assert.equal(new URL(page.url()).pathname, `/orders/${buyer.order}`);
        assert.equal(await page.locator('a.bell-link .badge').count(), 0, 'the bell still counts');

        await page.goto('/account/notifications');
        assert.equal(await page.locator('input[type="checkbox"][name="kind"]:checked').count(),
                     await page.locator('input[type="checkbox"][name="kind"]').count(), 'a kind starts off');
        await check('preferences');
      } finally {
        await context.close();
      }
    });
  });
}
