// Running the marketplace from the admin console in a real browser (issue 11): the admin signs in
// with the login the demo printed, finds a member, credits a cash deposit, confirms a bank
// transfer, approves and pays a payout, hides a reported review and adds a category — every step
// through the pages, checked through the API. With JavaScript on (desktop) and off (a 320 px phone).
// Run with `node --test tests/browser/` (MANMULSANG_BINARY must be set).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { configurations, openPage } from './browser.mjs';
import { useServerAndBrowser } from './suite.mjs';

const kPassword = 'Naengmyeon-Okryu-1961';
const kTestTimeout = 180_000;

const suite = useServerAndBrowser({ products: 80, seed: 21 });

let memberCounter = 0;
async function newMember(tag) {
  memberCounter += 1;
  const email = `admin-desk-${tag}-${process.pid}-${memberCounter}@example.com`;
  const name = `창구 손님 ${tag} ${memberCounter}`;
  const registered = await suite.api('POST', '/api/v1/auth/register', { email, password: kPassword, name });
  assert.equal(registered.status, 201, registered.text);
  return { email, name, id: registered.json.user.id, token: registered.json.token };
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

async function walletBalance(member) {
  const wallet = await suite.api('GET', '/api/v1/wallet', undefined, member.token);
  assert.equal(wallet.status, 200, wallet.text);
  return wallet.json.balance.amount;
}

const chosen = configurations.filter((configuration) => ['desktop-js', 'phone-nojs'].includes(configuration.name));

for (const configuration of chosen) {
  describe(configuration.name, () => {
    test('the printed admin signs in → finds a member → credits a deposit → confirms a transfer → pays a payout → hides a reported review → adds a category',
         { timeout: kTestTimeout }, async () => {
      assert.ok(suite.server.demoAdmin, 'the demo printed no admin login');
      const member = await newMember(configuration.name);
      const side = await openPage(suite.browser, suite.server.baseUrl, configuration, { stepPrefix: 'admin-' });
      const page = side.page;
      try {
        // The home: figures and every queue with a count and its page.
        await signIn(page, suite.server.demoAdmin);
        await page.goto('/admin');
        for (const queue of ['/admin/sellers', '/admin/transfers', '/admin/payouts', '/admin/reports/listings',
                             '/admin/reports/reviews', '/admin/reports/questions']) {
          assert.ok(await page.locator(`a[href^="${queue}"]`).count() > 0, `the admin home has no link to ${queue}`);
        }
        assert.ok(await page.locator('svg').count() >= 2, 'the admin home draws no charts');
        await side.check('home');

        // Find the member by e-mail and open their page.
        await page.goto('/admin/members');
        const search = page.locator('form.member-search');
        await search.locator('input[name="q"]').fill(member.email);
        await submitForm(page, search);
        const found = page.locator(`a[href="/admin/members/${member.id}"]`).first();
        assert.ok(await found.count() > 0, `the search does not find ${member.email}`);
        await side.check('members');
        await Promise.all([page.waitForURL(new RegExp(`/admin/members/${member.id}$`)), found.click()]);
        assert.ok((await page.locator('main').innerText()).includes(member.email), 'the member page does not show the member');
        await side.check('member');

        // Credit a cash deposit with its slip number.
        await page.goto(`/admin/credits?member=${member.id}`);
        const credit = page.locator('form.credit-form');
        await credit.locator('input[name="member"]').fill(member.email);
        await credit.locator('input[name="amount"]').fill('50000');
        await credit.locator('input[name="reference"]').fill(`입금표 ${configuration.name}-${member.id}`);
        await submitForm(page, credit);
        assert.equal(await walletBalance(member), 50_000, 'the credit did not reach the wallet');
        await side.check('credited');

        // The member orders by bank transfer; the admin confirms the deposit on the desk.
        const products = await suite.api('GET', '/api/v1/products?per_page=20&sort=price_asc');
        const product = products.json.items.find((item) => item.stock > 0 && item.price.currency === 'KPW');
        assert.ok(product, 'no product to buy');
        const added = await suite.api('POST', '/api/v1/cart/items', { product_id: product.id, quantity: 1 }, member.token);
        assert.equal(added.status, 201, added.text);
        const placed = await suite.api('POST', '/api/v1/orders',
                                       { payment_method: 'bank_transfer', address: '평양시 중구역 창전거리 5' },
                                       member.token);
        assert.equal(placed.status, 201, placed.text);
        const orderId = placed.json.orders[0].id;
        await page.goto('/admin/transfers');
        const transfer = page.locator(`#transfer-${orderId} form`);
        await transfer.locator('input[name="reference"]').fill(`은행 입금 ${orderId}`);
        await submitForm(page, transfer);
        const order = await suite.api('GET', `/api/v1/orders/${orderId}`, undefined, member.token);
        assert.equal(order.json.status, 'paid', `the confirmed transfer left the order ${order.json.status}`);
        await side.check('transfer-confirmed');

        // The member cashes out; the admin approves, then marks it paid.
        const requested = await suite.api('POST', '/api/v1/wallet/payouts', { amount: 20_000, method: 'cash' }, member.token);
        assert.equal(requested.status, 201, requested.text);
        const payoutId = requested.json.id;
        await page.goto('/admin/payouts');
        await submitForm(page, page.locator(`#payout-${payoutId} form[action$="/approve"]`));
        await page.goto('/admin/payouts');
        await submitForm(page, page.locator(`#payout-${payoutId} form[action$="/pay"]`));
        const payouts = await suite.api('GET', '/api/v1/wallet/payouts', undefined, member.token);
        const payout = payouts.json.items.find((item) => item.id === payoutId);
        assert.equal(payout?.status, 'paid', `the payout is ${payout?.status}`);
        assert.equal(await walletBalance(member), 30_000, "the payout did not leave the wallet, or the transfer touched it");
        await side.check('payout-paid');

        // A reported review (the demo leaves some) is hidden with a reason.
        await page.goto('/admin/reports/reviews');
        const reported = page.locator('li.reported-item', { has: page.locator('form[action$="/hide"]') }).first();
        assert.ok(await reported.count() > 0, 'no reported review waits in the queue');
        const reviewItem = await reported.getAttribute('id');
        const hide = reported.locator('form[action$="/hide"]');
        await hide.locator('input[name="reason"]').fill('광고 글이라 가립니다.');
        await submitForm(page, hide);
        await page.goto('/admin/reports/reviews?status=all');
        assert.ok(await page.locator(`#${reviewItem} form[action$="/restore"]`).count() > 0,
                  `the review ${reviewItem} is not hidden`);
        await side.check('review-hidden');

        // A new category, on the tree and on its own page at once.
        const slug = `desk-${configuration.name}-${memberCounter}`;
        await page.goto('/admin/categories');
        const add = page.locator('form.category-add');
        await add.locator('input[name="slug"]').fill(slug);
        await add.locator('input[name="name_ko"]').fill(`창구 시험 ${configuration.name}`);
        await add.locator('input[name="name_en"]').fill(`Desk test ${configuration.name}`);
        // A top-level category is a tile of its own: it takes a colour and an icon of the palette.
        await add.locator('select[name="colour"]').selectOption({ index: 1 });
        await add.locator('select[name="icon"]').selectOption({ index: 1 });
        await submitForm(page, add);
        const categories = await suite.api('GET', '/api/v1/categories');
        assert.ok(JSON.stringify(categories.json).includes(`"${slug}"`), `the category ${slug} is not in the API`);
        const categoryPage = await page.goto(`/c/${slug}`);
        assert.equal(categoryPage.status(), 200);
        await side.check('category-added');

        // Every step is in the audit log under the admin.
        const audit = await suite.api('GET', `/api/v1/admin/audit?subject_kind=member&subject_id=${member.id}`);
        assert.equal(audit.status, 401, 'the audit log answers without a sign-in');
        await page.goto('/admin/audit');
        const log = await page.locator('table.audit-table').innerText();
        for (const action of ['wallet.credit', 'order.confirm_payment', 'payout.paid', 'review.hide', 'category.add']) {
          assert.ok(log.includes(action), `the audit log does not show ${action}`);
        }
        await side.check('audit');
      } finally {
        await side.context.close();
      }
    });
  });
}
