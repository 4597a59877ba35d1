// 찜 in a browser: a new member opens a product, presses its heart (a plain form, so it works
// without JavaScript), comes back to the product with the heart filled, and finds the product on
// /wishlist, with the product among 최근 본 상품 there too; /following is audited as well. Once with
// JavaScript on at desktop size, once off on a 320 px phone.
// Run with `node --test tests/browser/wishlist.test.mjs` (MANMULSANG_BINARY must be set).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { configurations, openPage } from './browser.mjs';
import { useServerAndBrowser } from './suite.mjs';

const kTestTimeout = 60_000;

const suite = useServerAndBrowser({ products: 60, seed: 13 });

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
    test('a member saves a product from its page and finds it on /wishlist', { timeout: kTestTimeout }, async () => {
      const listing = await suite.api('GET', '/api/v1/products?per_page=50');
      const product = listing.json.items.find((item) => !item.variants);
      assert.ok(product, 'no product without options');
      const member = {
        email: `wishlist-${configuration.name}-${process.pid}-${Date.now()}@example.com`,
        password: 'Bibimbap-Jeonju-1955',
      };
      const registered = await suite.api('POST', '/api/v1/auth/register',
                                         { email: member.email, password: member.password, name: '찜 구매자' });
      assert.equal(registered.status, 201, registered.text);

      const { context, page, check } = await openPage(suite.browser, suite.server.baseUrl, configuration,
                                                      { stepPrefix: 'wishlist-' });
      try {
        await signIn(page, member);
        const productPath = `/p/${product.id}`;
        await page.goto(productPath);
        const heart = page.locator(`form.product-heart[action="/wishlist/${product.id}"] button`);
        await Promise.all([page.waitForNavigation(), heart.click()]);
        assert.equal(new URL(page.url()).pathname, productPath, 'the heart did not come back to the product');
        assert.equal(await page.locator(`form.product-heart[action="/wishlist/${product.id}/remove"]`).count(), 1,
                     'the heart is not filled after saving');
        await check('product-saved');

        await page.goto('/wishlist');
        const saved = page.locator('.wishlist-item').filter({ hasText: product.name });
        assert.equal(await saved.count(), 1, `${product.name} is not on /wishlist`);
        assert.ok(await page.locator(`#recently-viewed a[href="${productPath}"]`).count() > 0,
                  'the product is not among the recently viewed');
        await check('wishlist');

        // The account bar leads to the followed shops.
        await Promise.all([page.waitForNavigation(), page.locator('a.following-link').click()]);
        assert.equal(new URL(page.url()).pathname, '/following');
        await check('following');
      } finally {
        await context.close();
      }
    });
  });
}
