// Coupons in a real browser (docs/BUYING.md §10): a member opens a product, follows 쿠폰 받기 to its
// shop's coupons, takes the marketplace's coupon the admin made, and at /checkout picks it, presses
// 쿠폰 적용 (the server re-prices the page: no JavaScript needed), sees the discount line and pays
// less from the wallet. With JavaScript on at desktop size and off on a 320 px phone.
// Run with `node --test tests/browser/coupons.test.mjs` (MANMULSANG_BINARY must be set).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { configurations, openPage } from './browser.mjs';
import { useServerAndBrowser } from './suite.mjs';

const kPassword = 'Kimchi-Jjigae-2024!';
const kAdminPassword = 'Doenjang-Jjigae-77';
const kTestTimeout = 60_000;

let coupon;  // the marketplace coupon made for these tests
const suite = useServerAndBrowser({ products: 60, seed: 17,
                                    admin: { email: 'browser-admin@example.com', password: kAdminPassword } },
                                  async () => {
  const created = await suite.api('POST', '/api/v1/admin/coupons',
                                  { name: '브라우저 시험 1,000원', kind: 'amount', amount: 1000, valid_days: 7,
                                    total_limit: 100 }, suite.adminToken);
  assert.equal(created.status, 201, created.text);
  coupon = created.json;
});

const chosen = configurations.filter((configuration) => ['desktop-js', 'phone-nojs'].includes(configuration.name));

for (const configuration of chosen) {
  describe(configuration.name, () => {
    test('a member takes a coupon from a product page and pays less with it', { timeout: kTestTimeout }, async () => {
      const listing = await suite.api('GET', '/api/v1/products?per_page=100');
      const product = listing.json.items.find((item) => !item.variants && item.price.currency === 'KPW' &&
                                                        item.price.amount >= 5000 && item.stock >= 2);
      assert.ok(product, 'no won-priced product of 5,000 won or more in stock');
      const email = `coupons-${configuration.name}-${process.pid}-${Date.now()}@example.com`;
      const registered = await suite.api('POST', '/api/v1/auth/register', { email, password: kPassword, name: '쿠폰 구매자' });
      assert.equal(registered.status, 201, registered.text);
      const buyer = { id: registered.json.user.id, token: registered.json.token };
      const credited = await suite.api('POST', `/api/v1/admin/wallets/${buyer.id}/credit`,
                                       { amount: product.price.amount * 2, currency: 'KPW', reference: 'browser' },
                                       suite.adminToken);
      assert.equal(credited.status, 201, credited.text);
      const added = await suite.api('POST', '/api/v1/cart/items', { product_id: product.id, quantity: 1 }, buyer.token);
      assert.equal(added.status, 201, added.text);

      const { context, page, check } = await openPage(suite.browser, suite.server.baseUrl, configuration,
                                                      { stepPrefix: 'coupons-' });
      try {
        await page.goto('/login');
        const login = page.locator('form[action="/login"]').first();
        await login.locator('input[name="email"]').fill(email);
        await login.locator('input[name="password"]').fill(kPassword);
        await Promise.all([page.waitForNavigation(), login.locator('button[type="submit"]').first().click()]);

        await page.goto(`/p/${product.id}`);
        await Promise.all([page.waitForNavigation(), page.locator('a.coupon-link').first().click()]);
        await check('claimable');
        const take = page.locator(`form[action="/coupons/${coupon.id}/claim"] button`);
        await Promise.all([page.waitForNavigation(), take.click()]);
        assert.equal(await page.locator(`li[data-coupon="${coupon.id}"] form`).count(), 0, 'the coupon was not taken');

        await page.goto('/coupons');
        await check('my-coupons');
        assert.equal(await page.locator('.usable-coupons .coupon').count(), 1);

        await page.goto('/checkout');
        const claimId = (await suite.api('GET', '/api/v1/coupons', undefined, buyer.token)).json.usable[0].id;
        await page.locator('select[name="coupon_site"]').selectOption(String(claimId));
        await Promise.all([page.waitForNavigation(), page.locator('button[name="preview"]').click()]);
        assert.equal(await page.locator('.site-discount').count(), 1, 'no marketplace discount line after 쿠폰 적용');
        await check('checkout-with-coupon');
        await page.locator('input[name="address_id"][value="new"]').check();
        await page.locator('#checkout-address').fill('평양시 중구역 1동');
        await Promise.all([page.waitForNavigation(), page.locator('button.button-green').click()]);
        assert.match(new URL(page.url()).pathname, /^\/orders\/\d+$/);
        const wallet = await suite.api('GET', '/api/v1/wallet', undefined, buyer.token);
        const order = (await suite.api('GET', new URL(page.url()).pathname.replace('/orders', '/api/v1/orders'),
                                       undefined, buyer.token)).json;
        assert.equal(order.site_discount.amount, 1000);
        assert.equal(wallet.json.balance.amount, product.price.amount * 2 - order.total.amount);
      } finally {
        await context.close();
      }
    });
  });
}
