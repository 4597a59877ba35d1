// Buying in a real browser (docs/BUYING.md): a guest puts a product in the cart, logs in, keeps
// the cart, pays with the wallet and lands on the order page; cash on delivery; cancelling an
// order; a checkout with pickup from one shop and courier from another, whose fees the orders
// carry. With JavaScript on and off, at desktop size and on a 320 px phone.
// Run with `node --test tests/browser/` (MANMULSANG_BINARY must be set).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { configurations, openPage as openBrowserPage } from './browser.mjs';
import { useServerAndBrowser } from './suite.mjs';

const kPassword = 'Kimchi-Jjigae-2024!';
const kAdminPassword = 'Doenjang-Jjigae-77';
const kTestTimeout = 90_000;
const kAddress = '서울특별시 중구 세종대로 110, 3층';

let products;  // won-priced products with stock, cheapest first
let deliveryShops;  // two demo shops whose sellers can sign in: [{shopId, token, original, product}]
const suite = useServerAndBrowser({ products: 60, seed: 7,
                                    admin: { email: 'browser-admin@example.com', password: kAdminPassword } },
                                  async () => {
  const listing = await api('GET', '/api/v1/products?per_page=100');
  products = listing.json.items
    .filter((item) => item.price.currency === 'KPW' && item.price.amount > 0 && item.stock >= 3)
    .sort((a, b) => a.price.amount - b.price.amount);
  assert.ok(products.length >= configurations.length * 2, 'not enough won-priced products in stock');
  deliveryShops = await demoShopsWithSellers(2);
});
const api = (...request) => suite.api(...request);

// The demo's sellers (user0001@example.kp, ...) own its shops. Picks shops that sell a won-priced
// product with stock to spare that the other tests here do not use.
async function demoShopsWithSellers(count) {
  const used = new Set(products.slice(0, configurations.length * 2).map((product) => product.id));
  const shops = [];
  for (let index = 1; index <= 60 && shops.length < count; index += 1) {
    const email = `user${String(index).padStart(4, '0')}@example.kp`;
    const login = await api('POST', '/api/v1/auth/login', { email, password: 'manmulsang-demo' });
    if (login.status !== 200) continue;
    const shop = await api('GET', '/api/v1/seller/shop/delivery', undefined, login.json.token);
    if (shop.status !== 200 || shops.some((known) => known.shopId === shop.json.shop_id)) continue;
    const product = products.find((item) => item.seller.id === shop.json.shop_id && !used.has(item.id) &&
                                            item.stock >= configurations.length + 1);
    if (!product) continue;
    shops.push({ shopId: shop.json.shop_id, token: login.json.token, original: shop.json.delivery, product });
  }
  assert.equal(shops.length, count, 'the demo store has too few shops whose sellers can sign in');
  return shops;
}

async function setDelivery(shop, options) {
  const response = await api('PUT', '/api/v1/seller/shop/delivery', { shop_id: shop.shopId, ...options }, shop.token);
  assert.equal(response.status, 200, response.text);
}

let emailCounter = 0;
// A buyer registered through the API, with a wallet the admin credited.
async function newBuyer(tag, credit) {
  emailCounter += 1;
  const email = `browser-buyer-${tag}-${process.pid}-${Date.now()}-${emailCounter}@example.com`;
  const registered = await api('POST', '/api/v1/auth/register', { email, password: kPassword, name: '브라우저 구매자' });
  assert.equal(registered.status, 201, registered.text);
  const buyer = { email, id: registered.json.user.id, token: registered.json.token };
  if (credit > 0) {
    const credited = await api('POST', `/api/v1/admin/wallets/${buyer.id}/credit`,
                               { amount: credit, currency: 'KPW', reference: 'browser test deposit' }, suite.adminToken);
    assert.equal(credited.status, 201, credited.text);
  }
  return buyer;
}

async function balanceOf(buyer) {
  const wallet = await api('GET', '/api/v1/wallet', undefined, buyer.token);
  assert.equal(wallet.status, 200, wallet.text);
  return wallet.json.balance.amount;
}

async function stockOf(productId) {
  return (await api('GET', `/api/v1/products/${productId}`)).json.stock;
}


// Clicks a submit button and waits for the page it leads to.
async function clickAndWait(page, button) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), button.click()]);
}

async function logIn(page, buyer) {
  await page.goto('/login');
  const form = page.locator('form[action="/login"]').first();
  await form.locator('input[name="email"], input[type="email"]').first().fill(buyer.email);
  await form.locator('input[type="password"]').first().fill(kPassword);
  await clickAndWait(page, form.locator('button[type="submit"], input[type="submit"], button:not([type])').first());
}

async function placeOrder(page, method) {
  const form = page.locator('form[action="/checkout"]').first();
  assert.ok(await form.count() > 0, `no checkout form at ${page.url()}`);
  const addressChoice = form.locator('input[name="address_id"][value="new"]');
  if (await addressChoice.count() > 0) await addressChoice.check();
  await form.locator('textarea[name="address"]').fill(kAddress);
  await form.locator(`input[name="payment_method"][value="${method}"]`).check();
  await clickAndWait(page, form.locator('button[type="submit"]'));
}

function orderIdOf(page) {
  const match = /^\/orders\/(\d+)$/.exec(new URL(page.url()).pathname);
  assert.ok(match, `checkout did not lead to an order page (now at ${page.url()})`);
  return Number(match[1]);
}

configurations.forEach((configuration, index) => {
  describe(configuration.name, () => {
    test('a guest cart survives login and is paid with the wallet', { timeout: kTestTimeout }, async () => {
      const product = products[index * 2];
      const price = product.price.amount;
      const buyer = await newBuyer(configuration.name, price * 2 + 1000);
      const stockBefore = await stockOf(product.id);
      const { context, page, check } = await openBrowserPage(suite.browser, suite.server.baseUrl, configuration, { stepPrefix: 'buying-' });
      try {
        await page.goto(`/p/${product.id}`);
        const form = page.locator('form[action="/cart/items"]').first();
        assert.ok(await form.count() > 0, 'the product page has no add-to-cart form');
        await form.locator('input[name="quantity"]').fill('2');
        await clickAndWait(page, form.locator('button[type="submit"]:not([name="buy_now"])').first());
        assert.equal(new URL(page.url()).pathname, '/cart', `add to cart led to ${page.url()}`);
        assert.ok(await page.locator(`a[href="/p/${product.id}"]`).count() > 0, 'the guest cart does not show the product');
        await check('guest-cart');

        await logIn(page, buyer);
        const cart = await context.request.get('/api/v1/cart');
        assert.equal(cart.status(), 200);
        const cartJson = await cart.json();
        assert.equal(cartJson.item_count, 2, `the cart did not survive login: ${JSON.stringify(cartJson)}`);
        await page.goto('/cart');
        assert.ok(await page.locator(`a[href="/p/${product.id}"]`).count() > 0, 'the member cart lost the product');
        await check('member-cart');

        await clickAndWait(page, page.locator('a[href="/checkout"]').first());
        await check('checkout');
        await placeOrder(page, 'wallet');
        const orderId = orderIdOf(page);
        await check('order-paid');
        const order = await api('GET', `/api/v1/orders/${orderId}`, undefined, buyer.token);
        assert.equal(order.status, 200, order.text);
        assert.equal(order.json.status, 'paid');
        assert.equal(order.json.total.amount, price * 2);
        assert.equal(order.json.address, kAddress);
        assert.equal(await balanceOf(buyer), 1000, 'the wallet did not drop by the order total');
        assert.equal(await stockOf(product.id), stockBefore - 2);
        assert.ok((await page.locator('main').innerText()).includes(product.name.slice(0, 10)),
                  'the order page does not name the product');
      } finally {
        await context.close();
      }
    });

    test('buy now with cash on delivery, then cancel the order', { timeout: kTestTimeout }, async () => {
      const product = products[index * 2 + 1];
      const buyer = await newBuyer(`${configuration.name}-cod`, 0);
      const stockBefore = await stockOf(product.id);
      const { context, page, check } = await openBrowserPage(suite.browser, suite.server.baseUrl, configuration, { stepPrefix: 'buying-' });
      try {
        await logIn(page, buyer);
        await page.goto(`/p/${product.id}`);
        const form = page.locator('form[action="/cart/items"]').first();
        await clickAndWait(page, form.locator('button[name="buy_now"]'));
        assert.equal(new URL(page.url()).pathname, '/checkout', `buy now led to ${page.url()}`);
        await placeOrder(page, 'cod');
        const orderId = orderIdOf(page);
        await check('order-cod');
        let order = await api('GET', `/api/v1/orders/${orderId}`, undefined, buyer.token);
        assert.equal(order.json.status, 'awaiting_payment');
        assert.equal(order.json.payment_method, 'cod');
        assert.equal(await balanceOf(buyer), 0);
        assert.equal(await stockOf(product.id), stockBefore - 1);

        const cancel = page.locator(`form[action="/orders/${orderId}/cancel"]`);
        assert.ok(await cancel.count() > 0, 'the order page offers no cancel button');
        await clickAndWait(page, cancel.locator('button[type="submit"]'));
        await check('order-cancelled');
        order = await api('GET', `/api/v1/orders/${orderId}`, undefined, buyer.token);
        assert.equal(order.json.status, 'cancelled');
        assert.equal(await stockOf(product.id), stockBefore, 'cancelling did not give the stock back');
        await page.goto(`/orders/${orderId}`);
        assert.equal(await page.locator(`form[action="/orders/${orderId}/cancel"]`).count(), 0,
                     'a cancelled order still offers a cancel button');
      } finally {
        await context.close();
      }
    });

    test('pickup from one shop and courier from another, each with its fee', { timeout: kTestTimeout }, async () => {
      const [pickupShop, courierShop] = deliveryShops;
      const kPickupPlace = '창전거리 5, 1층 창고';
      const goods = pickupShop.product.price.amount + courierShop.product.price.amount;
      const { context, page, check } = await openBrowserPage(suite.browser, suite.server.baseUrl, configuration, { stepPrefix: 'buying-' });
      try {
        await setDelivery(pickupShop, { courier_fee: 3000, pickup_offered: true, pickup_place: kPickupPlace });
        await setDelivery(courierShop, { courier_fee: 2500, free_courier_from: null, pickup_offered: false });
        const buyer = await newBuyer(`${configuration.name}-delivery`, goods + 2500 + 1000);
        for (const shop of deliveryShops) {
          const added = await api('POST', '/api/v1/cart/items', { product_id: shop.product.id, quantity: 1 }, buyer.token);
          assert.equal(added.status, 201, added.text);
        }
        await logIn(page, buyer);
        await page.goto('/checkout');
        const form = page.locator('form[action="/checkout"]').first();
        const pickupRadio = form.locator(`input[name="delivery_${pickupShop.shopId}"][value="pickup"]`);
        assert.equal(await pickupRadio.count(), 1, 'the checkout offers no pickup for the shop that has it');
        assert.equal(await form.locator(`input[name="delivery_${courierShop.shopId}"][value="pickup"]`).count(), 0,
                     'the checkout offers pickup for a shop that has none');
        assert.ok(await form.locator(`input[name="delivery_${courierShop.shopId}"][value="courier"]`).isChecked(),
                  'courier is not the default');
        assert.ok((await page.locator('main').innerText()).includes(kPickupPlace), 'the pickup place is not shown');
        await pickupRadio.check();
        await check('checkout-delivery');
        await placeOrder(page, 'wallet');
        assert.equal(new URL(page.url()).pathname, '/orders', `two shops' checkout led to ${page.url()}`);
        await check('orders-delivery');

        assert.equal(await balanceOf(buyer), 1000, 'the wallet did not drop by the goods and the courier fee');
        const orders = await api('GET', '/api/v1/orders', undefined, buyer.token);
        assert.equal(orders.json.total, 2, orders.text);
        const bySeller = new Map(orders.json.items.map((order) => [order.seller.id, order]));
        const pickedUp = bySeller.get(pickupShop.shopId);
        const couriered = bySeller.get(courierShop.shopId);
        assert.equal(pickedUp.delivery.method, 'pickup');
        assert.equal(pickedUp.delivery_fee.amount, 0);
        assert.equal(pickedUp.delivery.pickup_place, kPickupPlace);
        assert.equal(couriered.delivery.method, 'courier');
        assert.equal(couriered.delivery_fee.amount, 2500);
        assert.equal(couriered.total.amount, courierShop.product.price.amount + 2500);

        await page.goto(`/orders/${pickedUp.id}`);
        const delivery = page.locator('.order-delivery');
        assert.equal(await delivery.getAttribute('data-delivery'), 'pickup');
        assert.ok((await delivery.innerText()).includes(kPickupPlace), 'the order page does not say where to pick up');
        await check('order-pickup');
      } finally {
        await context.close();
        for (const shop of deliveryShops) {
          await setDelivery(shop, { courier_fee: shop.original.courier_fee, free_courier_from: shop.original.free_courier_from,
                                    pickup_offered: shop.original.pickup_offered, pickup_place: shop.original.pickup_place });
        }
      }
    });
  });
});
