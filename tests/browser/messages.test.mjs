// Messages between a buyer and a shop in the browser: a buyer orders from a demo shop, opens the
// order, writes to the shop from "판매자에게 문의", the shop's owner finds it in the seller
// center's inbox and answers, and the buyer reads the answer. With JavaScript on at desktop size
// and off on a 320 px phone; every page it reaches is audited (accessibility.mjs through openPage).
// Run with `node --test tests/browser/messages.test.mjs` (MANMULSANG_BINARY must be set).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { configurations, openPage } from './browser.mjs';
import { useServerAndBrowser } from './suite.mjs';

const kDemoPassword = 'manmulsang-demo';
const kTestTimeout = 60_000;

let seller;  // { email, password, product }: a demo member whose shop has a listing in stock
const suite = useServerAndBrowser({ products: 40, seed: 7 }, async () => {
  for (let index = 1; index <= 40 && !seller; index += 1) {
    const email = `user${String(index).padStart(4, '0')}@example.kp`;
    const login = await suite.api('POST', '/api/v1/auth/login', { email, password: kDemoPassword });
    if (login.status !== 200) continue;
    const listings = await suite.api('GET', '/api/v1/seller/products?per_page=100', undefined, login.json.token);
    if (listings.status !== 200) continue;
    const product = listings.json.items.find((item) => item.stock >= 5 && item.status === 'active' &&
                                                       !(item.variants?.length));
    if (product) seller = { email, password: kDemoPassword, product: product.id };
  }
  assert.ok(seller, 'no demo member with a shop and a listing in stock can sign in');
});

async function signIn(page, member) {
  await page.goto('/login');
  const form = page.locator('form[action="/login"]').first();
  await form.locator('input[name="email"]').fill(member.email);
  await form.locator('input[name="password"]').fill(member.password);
  await Promise.all([page.waitForNavigation(), form.locator('button[type="submit"]').first().click()]);
  assert.notEqual(new URL(page.url()).pathname, '/login', `sign-in of ${member.email} failed`);
}

// A new member who ordered one of the seller's listing (cash on delivery), and the order's id.
async function buyerWithOrder(tag) {
  const email = `messages-${tag}-${process.pid}-${Date.now()}@example.com`;
  const password = 'Okryu-Naengmyeon-1961';
  const registered = await suite.api('POST', '/api/v1/auth/register', { email, password, name: '쪽지 구매자' });
  assert.equal(registered.status, 201, registered.text);
  const token = registered.json.token;
  const added = await suite.api('POST', '/api/v1/cart/items', { product_id: seller.product, quantity: 1 }, token);
  assert.equal(added.status, 201, added.text);
  const placed = await suite.api('POST', '/api/v1/orders', { payment_method: 'cod', address: '평양시 중구역 창전거리 9' },
                                 token);
  assert.equal(placed.status, 201, placed.text);
  return { email, password, order: placed.json.orders[0].id };
}

async function submit(page, form) {
  await Promise.all([page.waitForNavigation(), form.locator('button[type="submit"]').first().click()]);
}

const chosen = configurations.filter((configuration) => ['desktop-js', 'phone-nojs'].includes(configuration.name));

for (const configuration of chosen) {
  describe(configuration.name, () => {
    test('a buyer messages the shop about an order and the shop answers', { timeout: kTestTimeout }, async () => {
      const buyer = await buyerWithOrder(configuration.name);
      const question = `${configuration.name}: 언제 보내 주시나요?`;
      const answer = `${configuration.name}: 내일 아침에 보냅니다.`;

      const buying = await openPage(suite.browser, suite.server.baseUrl, configuration, { stepPrefix: 'messages-buyer-' });
      let thread;
      try {
        await signIn(buying.page, buyer);
        await buying.page.goto(`/orders/${buyer.order}`);
        await Promise.all([buying.page.waitForNavigation(),
                           buying.page.locator(`a[href="/messages/new?order_id=${buyer.order}"]`).click()]);
        assert.equal(new URL(buying.page.url()).pathname, '/messages/new');
        const form = buying.page.locator('form[action="/messages"]');
        await form.locator('textarea[name="body"]').fill(question);
        await submit(buying.page, form);
        thread = new URL(buying.page.url()).pathname;
        assert.match(thread, /^\/messages\/\d+$/);
        assert.ok(await buying.page.getByText(question).count() > 0, 'the question is not in the thread');
        await buying.check('thread');
      } finally {
        await buying.context.close();
      }

      const selling = await openPage(suite.browser, suite.server.baseUrl, configuration, { stepPrefix: 'messages-seller-' });
      try {
        await signIn(selling.page, seller);
        await selling.page.goto('/seller/messages');
        const id = thread.split('/').pop();
        await Promise.all([selling.page.waitForNavigation(),
                           selling.page.locator(`a[href="/seller/messages/${id}"]`).click()]);
        assert.ok(await selling.page.getByText(question).count() > 0, 'the shop does not see the question');
        const form = selling.page.locator(`form[action="/seller/messages/${id}"]`);
        await form.locator('textarea[name="body"]').fill(answer);
        await submit(selling.page, form);
        assert.equal(new URL(selling.page.url()).pathname, `/seller/messages/${id}`);
        assert.ok(await selling.page.getByText(answer).count() > 0, 'the answer is not in the thread');
      } finally {
        await selling.context.close();
      }

      const reading = await openPage(suite.browser, suite.server.baseUrl, configuration, { stepPrefix: 'messages-read-' });
      try {
        await signIn(reading.page, buyer);
        await reading.page.goto('/messages');
        assert.ok(await reading.page.locator(`a[href="${thread}"]`).count() > 0, 'the conversation is not listed');
        await reading.page.goto(thread);
        assert.ok(await reading.page.getByText(answer).count() > 0, 'the buyer does not see the answer');
      } finally {
        await reading.context.close();
      }
    });
  });
}
