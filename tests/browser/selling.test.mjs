// Selling in a real browser (issue 5), the whole way round: a member applies for a shop, an admin
// approves it, the new seller lists a product and uploads its photo, a buyer finds it by search
// and pays from the wallet, the seller prepares, ships with a carrier and tracking number and
// marks it delivered, the buyer sees the shipment, confirms the purchase and writes a review with
// a photo, and the seller finds the payout (total minus the platform fee) in the shop's ledger and
// the sale on the dashboard. With JavaScript on (desktop) and off (a 320 px phone).
// Run with `node --test tests/browser/` (MANMULSANG_BINARY must be set).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';

import { configurations, openPage } from './browser.mjs';
import { useServerAndBrowser } from './suite.mjs';

const kPassword = 'Kimchi-Jjigae-2024!';
const kAdmin = { email: 'selling-admin@example.com', password: 'Onban-Pyongyang-1960' };
const kTestTimeout = 180_000;
const kAddress = '평양시 중구역 승리거리 25, 2층';
const kPrice = 15_000;
const kPlatformFeeBasisPoints = 300;  // the settings' default platform fee

const suite = useServerAndBrowser({ products: 60, seed: 11, admin: kAdmin });

// A real PNG (an RGB gradient) made here, so the upload goes through the real decoder.
function gradientPng(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;  // bit depth
  header[9] = 2;  // RGB
  const rows = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) {
      row[1 + x * 3] = (x * 255) / width;
      row[2 + x * 3] = (y * 255) / height;
      row[3 + x * 3] = 160;
    }
    rows.push(row);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header),
                        chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

let memberCounter = 0;
async function newMember(tag, credit = 0) {
  memberCounter += 1;
  const email = `selling-${tag}-${process.pid}-${Date.now()}-${memberCounter}@example.com`;
  const registered = await suite.api('POST', '/api/v1/auth/register', { email, password: kPassword, name: '판매 시험' });
  assert.equal(registered.status, 201, registered.text);
  const member = { email, id: registered.json.user.id, token: registered.json.token };
  if (credit > 0) {
    const credited = await suite.api('POST', `/api/v1/admin/wallets/${member.id}/credit`,
                                     { amount: credit, currency: 'KPW', reference: 'selling test deposit' },
                                     suite.adminToken);
    assert.equal(credited.status, 201, credited.text);
  }
  return member;
}

async function submitForm(page, form) {
  assert.ok(await form.count() > 0, `no such form at ${page.url()}`);
  await Promise.all([page.waitForNavigation(), form.locator('button[type="submit"]').first().click()]);
}

async function signIn(page, member) {
  await page.goto('/login');
  const form = page.locator('form[action="/login"]').first();
  await form.locator('input[name="email"]').fill(member.email);
  await form.locator('input[name="password"]').fill(member.password ?? kPassword);
  await submitForm(page, form);
  assert.notEqual(new URL(page.url()).pathname, '/login', `sign-in of ${member.email} failed`);
}

const chosen = configurations.filter((configuration) => ['desktop-js', 'phone-nojs'].includes(configuration.name));

for (const configuration of chosen) {
  describe(configuration.name, () => {
    test('apply → approve → list with a photo → found and bought → shipped → confirmed and reviewed → payout',
         { timeout: kTestTimeout }, async () => {
      const seller = await newMember(`seller-${configuration.name}`);
      const buyer = await newMember(`buyer-${configuration.name}`, 100_000);
      const word = configuration.name === 'desktop-js' ? '무지개' : '보름달';
      const shopName = `${word} 우산 상회 ${memberCounter}`;
      const productName = `${word} 접이식 우산 가볍고 튼튼한 삼단`;
      const photo = gradientPng(640, 480);
      const open = (who) => openPage(suite.browser, suite.server.baseUrl, configuration, { stepPrefix: `selling-${who}-` });
      const sellerSide = await open('seller');
      const adminSide = await open('admin');
      const buyerSide = await open('buyer');
      try {
        // The member applies; until an admin approves, listing is refused.
        const sellerPage = sellerSide.page;
        await signIn(sellerPage, seller);
        await sellerPage.goto('/seller/apply');
        const apply = sellerPage.locator('form[action="/seller/apply"]');
        await apply.locator('input[name="shop_name"]').fill(shopName);
        await apply.locator('textarea[name="description"]').fill('비 오는 날에도 맑은 날에도 쓰는 우산을 팝니다.');
        await apply.locator('input[name="phone"]').fill('02-381-4411');
        await apply.locator('input[name="city"]').fill('평양');
        await submitForm(sellerPage, apply);
        assert.equal(new URL(sellerPage.url()).pathname, '/seller/application', `applying led to ${sellerPage.url()}`);
        await sellerSide.check('applied');
        await sellerPage.goto('/seller/products/new');
        assert.equal(await sellerPage.locator('form[action="/seller/products"]').count(), 0,
                     'an applicant who is not approved yet is offered the listing form');
        await sellerSide.check('not-yet', { allowErrors: true });

        // The admin approves the application from the admin page.
        const adminPage = adminSide.page;
        await signIn(adminPage, kAdmin);
        await adminPage.goto('/admin/sellers');
        const application = adminPage.locator('li.application', { hasText: shopName });
        assert.equal(await application.count(), 1, `the application of ${shopName} is not on the admin page`);
        await submitForm(adminPage, application.locator('form[action$="/approve"]'));
        await adminSide.check('approved');

        // The seller lists a product, then uploads its photo.
        await sellerPage.goto('/seller/products/new');
        const listing = sellerPage.locator('form[action="/seller/products"]');
        await listing.locator('select[name="category"]').selectOption({ index: 1 });
        await listing.locator('input[name="name"]').fill(productName);
        await listing.locator('textarea[name="description"]').fill('바람에 뒤집히지 않는 튼튼한 살대, 가방에 들어가는 크기.');
        await listing.locator('input[name="price"]').fill(String(kPrice));
        await listing.locator('input[name="stock"]').fill('5');
        await submitForm(sellerPage, listing);
        const created = /\/seller\/products\/(\d+)\/edit/.exec(sellerPage.url());
        assert.ok(created, `creating the listing led to ${sellerPage.url()}`);
        const productId = Number(created[1]);
        await sellerPage.locator('input[type="file"][name="image"]')
          .setInputFiles({ name: 'umbrella.png', mimeType: 'image/png', buffer: photo });
        await submitForm(sellerPage, sellerPage.locator(`form[action="/seller/products/${productId}/images"]`));
        const listedPhoto = sellerPage.locator('.listing-photo-list img').first();
        assert.match(await listedPhoto.getAttribute('src') ?? '', /^\/media\/[0-9a-f]{64}\.jpg$/,
                     'the uploaded photo is not shown from /media');
        await sellerSide.check('listed');

        // The buyer finds it by search, sees the photo, and pays from the wallet.
        const buyerPage = buyerSide.page;
        await signIn(buyerPage, buyer);
        await buyerPage.goto(`/search?q=${encodeURIComponent(`${word} 접이식 우산`)}`);
        const result = buyerPage.locator(`a[href="/p/${productId}"]`).first();
        assert.ok(await result.count() > 0, `the search does not find the new listing ${productId}`);
        await buyerSide.check('found');
        await Promise.all([buyerPage.waitForURL(new RegExp(`/p/${productId}$`)), result.click()]);
        const shownPhotos = await buyerPage.locator('img').evaluateAll(
          (images) => images.map((image) => image.getAttribute('src') ?? ''));
        assert.ok(shownPhotos.some((src) => /^\/media\/[0-9a-f]{64}\.jpg$/.test(src)),
                  `the product page shows no uploaded photo: ${shownPhotos.join(', ')}`);
        const photoResponse = await buyerPage.request.get(shownPhotos.find((src) => src.startsWith('/media/')));
        assert.equal(photoResponse.status(), 200);
        assert.equal(photoResponse.headers()['content-type'], 'image/jpeg');
        await Promise.all([buyerPage.waitForURL(/\/checkout$/),
                           buyerPage.locator('form[action="/cart/items"] button[name="buy_now"]').click()]);
        const checkout = buyerPage.locator('form[action="/checkout"]');
        const newAddress = checkout.locator('input[name="address_id"][value="new"]');
        if (await newAddress.count() > 0) await newAddress.check();
        await checkout.locator('textarea[name="address"]').fill(kAddress);
        await checkout.locator('input[name="payment_method"][value="wallet"]').check();
        await submitForm(buyerPage, checkout);
        const placed = /\/orders\/(\d+)/.exec(buyerPage.url());
        assert.ok(placed, `checkout led to ${buyerPage.url()}`);
        const orderId = Number(placed[1]);
        const order = await suite.api('GET', `/api/v1/orders/${orderId}`, undefined, buyer.token);
        assert.equal(order.status, 200, order.text);
        const total = order.json.total.amount;
        await buyerSide.check('ordered');

        // The seller prepares, ships with a carrier and tracking number, and delivers.
        const tracking = `MM-${orderId}-${Date.now() % 100000}`;
        await sellerPage.goto(`/seller/orders/${orderId}`);
        await sellerSide.check('order');
        await submitForm(sellerPage, sellerPage.locator(`form[action="/seller/orders/${orderId}/prepare"]`));
        const ship = sellerPage.locator(`form[action="/seller/orders/${orderId}/ship"]`);
        await ship.locator('select[name="carrier"]').selectOption({ index: 0 });
        const carrier = await ship.locator('select[name="carrier"]').inputValue();
        await ship.locator('input[name="tracking"]').fill(tracking);
        await submitForm(sellerPage, ship);
        await submitForm(sellerPage, sellerPage.locator(`form[action="/seller/orders/${orderId}/deliver"]`));
        await sellerSide.check('delivered');

        // The buyer sees the shipment, confirms the purchase and reviews it with a photo.
        await buyerPage.goto(`/orders/${orderId}`);
        assert.equal((await buyerPage.locator('.order-carrier').textContent())?.trim(), carrier);
        assert.equal((await buyerPage.locator('.order-tracking').textContent())?.trim(), tracking);
        await submitForm(buyerPage, buyerPage.locator(`form[action="/orders/${orderId}/confirm"]`));
        await buyerSide.check('confirmed');
        await buyerPage.goto(`/p/${productId}/reviews`);
        const review = buyerPage.locator(`form[action="/p/${productId}/reviews"]`);
        await review.locator('select[name="rating"]').selectOption('5');
        const reviewText = `${word} 우산이 정말 튼튼합니다. 바람 부는 날에도 뒤집히지 않았습니다.`;
        await review.locator('textarea[name="body"]').fill(reviewText);
        await review.locator('input[type="file"][name="photos"]')
          .setInputFiles({ name: 'in-the-rain.png', mimeType: 'image/png', buffer: gradientPng(320, 320) });
        await submitForm(buyerPage, review);
        assert.ok(await buyerPage.getByText(reviewText).count() > 0, 'the review is not on the reviews page');
        const reviewPhotos = await buyerPage.locator('img').evaluateAll(
          (images) => images.map((image) => image.getAttribute('src') ?? '').filter((src) => src.startsWith('/media/')));
        assert.ok(reviewPhotos.length > 0, 'the review photo is not shown');
        await buyerSide.check('reviewed');
        const product = await suite.api('GET', `/api/v1/products/${productId}`);
        assert.deepEqual(product.json.rating, { average: 5, count: 1 });

        // The seller sees the payout in the ledger: the order's total minus the platform fee.
        await sellerPage.goto('/seller/ledger');
        const entry = sellerPage.locator(`tr.ledger-entry[data-order="${orderId}"]`);
        assert.equal(await entry.count(), 1, 'the payout of the order is not in the ledger');
        const net = total - Math.floor((total * kPlatformFeeBasisPoints) / 10_000);
        const digits = (text) => Number((text ?? '').replace(/[^0-9]/g, ''));
        assert.equal(digits(await entry.locator('.ledger-net').textContent()), net);
        assert.equal(digits(await sellerPage.locator('.ledger-balance').textContent()), net);
        await sellerSide.check('ledger');
        await sellerPage.goto('/seller');
        assert.equal(new URL(sellerPage.url()).pathname, '/seller');
        await sellerSide.check('dashboard');
      } finally {
        await sellerSide.context.close();
        await adminSide.context.close();
        await buyerSide.context.close();
      }
    });
  });
}
