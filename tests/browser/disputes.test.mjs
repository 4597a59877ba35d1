// A refused return settled by the marketplace, through the pages (issue 13): the shop refuses a
// return with a reason on its order page, the buyer reads it and asks for 분쟁 조정 with theirs,
// and the demo's admin finds it from the console's queue and refunds a part. The buyer's wallet
// and the order's status are checked through the API. With JavaScript on (desktop) and off (a
// 320 px phone); every new page is audited for accessibility by openPage.
// Run with `node --test tests/browser/` (MANMULSANG_BINARY must be set).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { configurations, openPage } from './browser.mjs';
import { useServerAndBrowser } from './suite.mjs';

const kDemoPassword = 'manmulsang-demo';
const kPassword = 'Bibimbap-Haeju-2026';
const kTestTimeout = 90_000;

let seller;  // { email, password, token, shop }: a demo member who runs a shop
const suite = useServerAndBrowser({ products: 60, seed: 13 }, async () => {
  for (let index = 1; index <= 40 && !seller; index += 1) {
    const email = `user${String(index).padStart(4, '0')}@example.kp`;
    const login = await suite.api('POST', '/api/v1/auth/login', { email, password: kDemoPassword });
    if (login.status !== 200) continue;
    const shop = await suite.api('GET', '/api/v1/seller/ledger', undefined, login.json.token);
    if (shop.status !== 200) continue;
    seller = { email, password: kDemoPassword, token: login.json.token, shop: shop.json.shop_id };
  }
  assert.ok(seller, 'no demo member with a shop can sign in');
});

let buyerCounter = 0;
// A new member with a delivered cash-on-delivery order from the seller's shop, asking to return it.
async function returnRequested(tag) {
  buyerCounter += 1;
  const email = `dispute-${tag}-${process.pid}-${buyerCounter}@example.com`;
  const registered = await suite.api('POST', '/api/v1/auth/register',
                                     { email, password: kPassword, name: `분쟁 손님 ${buyerCounter}` });
  assert.equal(registered.status, 201, registered.text);
  const buyer = { email, password: kPassword, token: registered.json.token };
  const products = await suite.api('GET', '/api/v1/products?sort=newest&per_page=100');
  const product = products.json.items.find((item) => item.seller.id === seller.shop && item.stock >= 2);
  assert.ok(product, 'the seller has no product in stock');
  const added = await suite.api('POST', '/api/v1/cart/items', { product_id: product.id, quantity: 1 }, buyer.token);
  assert.equal(added.status, 201, added.text);
  const placed = await suite.api('POST', '/api/v1/orders', { payment_method: 'cod', address: '평양시 중구역 1동' },
                                 buyer.token);
  assert.equal(placed.status, 201, placed.text);
  const order = placed.json.orders[0];
  for (const [move, body] of [['prepare', {}], ['ship', { carrier: '조선우편', tracking: 'KP-1' }], ['deliver', {}]]) {
    const moved = await suite.api('POST', `/api/v1/seller/orders/${order.id}/${move}`, body, seller.token);
    assert.equal(moved.status, 200, `${move}: ${moved.text}`);
  }
  const asked = await suite.api('POST', `/api/v1/orders/${order.id}/return`, { note: '색이 다릅니다' }, buyer.token);
  assert.equal(asked.status, 200, asked.text);
  return { buyer, order: order.id, total: order.total.amount };
}

async function submitForm(page, form) {
  assert.ok(await form.count() > 0, `no such form at ${page.url()}`);
  await Promise.all([page.waitForNavigation(), form.locator('button[type="submit"]').first().click()]);
}

async function signIn(page, member) {
  await page.goto('/login');
  const form = page.locator('form[action="/login"]').first();
  await form.locator('input[name="email"]').fill(member.email);
  await form.locator('input[name="password"]').fill(member.password);
  await submitForm(page, form);
  assert.notEqual(new URL(page.url()).pathname, '/login', `sign-in of ${member.email} failed`);
}

const chosen = configurations.filter((configuration) => ['desktop-js', 'phone-nojs'].includes(configuration.name));

for (const configuration of chosen) {
  describe(configuration.name, () => {
    test('the shop refuses a return → the buyer escalates → the admin refunds a part', { timeout: kTestTimeout },
         async () => {
      assert.ok(suite.server.demoAdmin, 'the demo printed no admin login');
      const { buyer, order, total } = await returnRequested(configuration.name);
      const refund = Math.floor(total / 2);

      // The shop refuses on its order page, with a reason.
      const shopSide = await openPage(suite.browser, suite.server.baseUrl, configuration, { stepPrefix: 'dispute-shop-' });
      try {
        await signIn(shopSide.page, seller);
        await shopSide.page.goto(`/seller/orders/${order}`);
        const refuse = shopSide.page.locator(`form[action="/seller/orders/${order}/refuse-return"]`);
        await refuse.locator('textarea[name="note"]').fill('발송 전 사진과 같은 색입니다');
        await shopSide.check('refuse-filled');
        await submitForm(shopSide.page, refuse);
        assert.match(shopSide.page.url(), /done=refuse_return/);
      } finally {
        await shopSide.context.close();
      }

      // The buyer reads the reason and escalates with theirs.
      const buyerSide = await openPage(suite.browser, suite.server.baseUrl, configuration, { stepPrefix: 'dispute-buyer-' });
      try {
        await signIn(buyerSide.page, buyer);
        await buyerSide.page.goto(`/orders/${order}`);
        assert.match(await buyerSide.page.locator('.refusal-reason').innerText(), /발송 전 사진과 같은 색입니다/);
        const escalate = buyerSide.page.locator(`form[action="/orders/${order}/escalate"]`);
        await escalate.locator('textarea[name="note"]').fill('밝은 곳에서 봐도 다릅니다');
        await submitForm(buyerSide.page, escalate);
        assert.match(await buyerSide.page.locator('.escalation-reason').innerText(), /밝은 곳에서 봐도 다릅니다/);
        await buyerSide.check('escalated');
      } finally {
        await buyerSide.context.close();
      }

      // The admin goes from the console's queue to the order and refunds a part.
      const adminSide = await openPage(suite.browser, suite.server.baseUrl, configuration, { stepPrefix: 'dispute-admin-' });
      try {
        const page = adminSide.page;
        await signIn(page, suite.server.demoAdmin);
        await page.goto('/admin');
        await Promise.all([page.waitForURL(/\/admin\/disputes$/), page.locator('a#queue-disputes').click()]);
        const row = page.locator(`#dispute-${order}`);
        assert.match(await row.innerText(), /밝은 곳에서 봐도 다릅니다/);
        await Promise.all([page.waitForURL(new RegExp(`/admin/disputes/${order}$`)),
                           row.locator(`a[href="/admin/disputes/${order}"]`).click()]);
        const decide = page.locator(`form[action="/admin/disputes/${order}/decision"]`);
        // A refund larger than the payment comes back with the error and changes nothing.
        await decide.locator('#outcome-partial').check();
        await decide.locator('input[name="amount"]').fill(String(total + 1));
        await decide.locator('textarea[name="reason"]').fill('색 차이를 반씩 나눕니다');
        await submitForm(page, decide);
        assert.ok(await page.locator('.form-errors').count() > 0, 'a refund above the payment was not refused');
        await adminSide.check('refused-amount', { allowErrors: true });
        const stillDisputed = await suite.api('GET', `/api/v1/orders/${order}`, undefined, buyer.token);
        assert.equal(stillDisputed.json.status, 'disputed');
        await decide.locator('#outcome-partial').check();
        await decide.locator('input[name="amount"]').fill(String(refund));
        await submitForm(page, decide);
        assert.match(page.url(), /decided=1/);
        assert.match(await page.locator('.dispute-outcome').innerText(), /부분 환불/);
        await adminSide.check('decided');
      } finally {
        await adminSide.context.close();
      }

      const settled = await suite.api('GET', `/api/v1/orders/${order}`, undefined, buyer.token);
      assert.equal(settled.json.status, 'confirmed');
      const wallet = await suite.api('GET', '/api/v1/wallet', undefined, buyer.token);
      assert.equal(wallet.json.balance.amount, refund);
    });
  });
}
