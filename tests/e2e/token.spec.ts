import { expect, test } from '@playwright/test';
import { serve, type Served } from './serve-fixture.js';

let served: Served;

test.beforeAll(async () => {
  served = await serve({ args: ['--host', '0.0.0.0', '--interval', '1h'] });
});
test.afterAll(() => served.stop());

test('the API refuses a call without the token when bound to a non-loopback address', async ({ request, page }) => {
  const url = new URL(served.url);
  const token = new URLSearchParams(url.hash.slice(1)).get('token');
  expect(token).toBeTruthy();
  const without = await request.get(new URL('/api/state', url.origin).href);
  expect(without.status()).toBe(401);
  expect((await without.json()).ok).toBe(false);
  const wrong = await request.get(new URL('/api/state', url.origin).href, { headers: { authorization: 'Bearer nope' } });
  expect(wrong.status()).toBe(401);
  const withToken = await request.get(new URL('/api/state', url.origin).href, { headers: { authorization: `Bearer ${token}` } });
  expect(withToken.status()).toBe(200);
  // The dashboard opened from the printed URL carries the token to the API by itself.
  await page.goto(served.url);
  await expect(page.getByText('collector').first()).toBeVisible();
});
