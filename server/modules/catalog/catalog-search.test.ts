// The procedure search as people type it (issue 14): natural requests, run-together words and typos
// find birth registration first, on whichever driver the run uses (PGlite, or PostgreSQL with
// DATABASE_URL).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../../test/db.ts';
import { agencyCodeIn, client } from './test-kit.ts';

let rt: TestRuntime;
let api: ReturnType<typeof client>;

before(async () => {
  rt = await createTestRuntime();
  api = client(rt.app);
});
after(() => rt.close());

type List = { items: { code: string; name: string }[]; total: number };
const search = async (q: string, more = '') =>
  (await api.get(`/api/v1/procedures?q=${encodeURIComponent(q)}${more}`)).json<List>();

for (const q of [
  'làm giấy khai sinh cho con',
  'khai sinh cho con',
  'khaisinh',
  'khai sinnh',
  'dang ky khai sin',
  'đăng kí khai sinh',
  'khai sinh',
]) {
  test(`#14 search: “${q}” finds birth registration first`, async () => {
    const res = await search(q);
    assert.equal(res.items[0]?.code, '1.001193', `${q}: ${res.items.map((i) => i.code).join(', ')}`);
  });
}

test('#14 search: a typo of one letter in a word of four or more still matches; two letters do not', async () => {
  assert.ok((await search('ket hno')).items.length === 0, 'a three-letter word is typed as it is');
  assert.equal((await search('dang ky ket honn')).items[0]?.code, '1.000894');
  assert.equal((await search('thuong trus')).items[0]?.code, '1.004222');
  assert.equal((await search('khai sxxh')).total, 0);
  assert.equal((await search('khai sinh xyzzy')).total, 0);
  // A word of the catalogue is not a typo: "sinh" does not find "kinh doanh" (1.011022, khai thuế).
  const birth = await search('khai sinh');
  assert.ok(!birth.items.some((i) => i.code === '1.011022'), birth.items.map((i) => i.code).join(', '));
  assert.equal(birth.total, 3);
});

test('#14 search: common procedures rank before the rare ones that match as well', async () => {
  const marriage = await search('ket hon');
  assert.deepEqual(
    marriage.items.map((i) => i.code).slice(0, 2),
    ['1.000894', '2.000806'],
    'marriage before marriage with a foreign element',
  );
  const birth = await search('khai sinh');
  assert.ok(
    birth.items.some((i) => i.code === '3.000722'),
    'the linked service is still found',
  );
  assert.ok(
    birth.items.some((i) => i.code === '2.000635'),
    'copies of the birth certificate too',
  );
  // Without a search the order stays the code's, as before.
  const all = await api.get('/api/v1/procedures?pageSize=100').then((r) => r.json<List>());
  const codes = all.items.map((i) => i.code);
  assert.deepEqual(codes, [...codes].sort());
});

test('#14 search: the filters still apply to a ranked search, and the page counts the total', async () => {
  // Thành phố Đà Nẵng, which Quảng Nam joined, and Xã Tây Giang under it
  const daNang = await agencyCodeIn(rt, '48', 'people-committee');
  const atProvince = await search('khaisinh', `&agencyCode=${daNang}`);
  assert.ok(
    !atProvince.items.some((i) => i.code === '1.001193'),
    'birth registration is a commune procedure',
  );
  const tayGiang = await agencyCodeIn(rt, '20455', 'people-committee');
  const atCommune = await search('khaisinh', `&agencyCode=${tayGiang}`);
  assert.equal(atCommune.items[0]?.code, '1.001193');
  const paged = await search('khai sinh', '&pageSize=1&page=2');
  assert.equal(paged.items.length, 1);
  assert.ok(paged.total >= 3);
  assert.notEqual(paged.items[0]?.code, '1.001193');
});
