import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  dueTag,
  EMPTY_SEND,
  feedbackCodeFromInput,
  monthSoFar,
  pageCount,
  publishedFilters,
  publishedSearch,
  percentText,
  provinceOf,
  rateable,
  registerAsk,
  registerFilters,
  registerSearch,
  sendFieldOf,
  sendProblems,
  submitBody,
} from './feedback-rules.ts';

const STATUSES = ['received', 'processing', 'published'];
const ACCOUNT = { fullName: 'Nguyễn Thị Hường', phone: '0987000111', email: 'huong@example.vn' };

test('a code typed in lower case, with spaces, or as the lookup address', () => {
  assert.equal(feedbackCodeFromInput('  pakn.20261207.0001 '), 'PAKN.20261207.0001');
  assert.equal(
    feedbackCodeFromInput('https://x.gov.vn/cong-dich-vu-cong/tra-cuu-phan-anh-kien-nghi/PAKN.20261207.0042'),
    'PAKN.20261207.0042',
  );
  assert.equal(feedbackCodeFromInput('   '), '');
  assert.equal(feedbackCodeFromInput('abc'), 'ABC');
});

test('an anonymous sender must give name, phone and e-mail; a signed-in citizen need not', () => {
  const ctx = { citizen: null, provinceCode: null, uploading: false };
  assert.deepEqual(sendProblems(EMPTY_SEND, ctx), {
    subject: 'required',
    content: 'required',
    place: 'whereNeeded',
    fullName: 'required',
    phone: 'required',
    email: 'required',
  });
  const filled = { ...EMPTY_SEND, subject: 'S', content: 'C', fullName: 'A', phone: '12', email: 'x@' };
  assert.deepEqual(sendProblems(filled, { ...ctx, provinceCode: '01' }), {
    phone: 'badPhone',
    email: 'badEmail',
  });
  assert.deepEqual(
    sendProblems(
      { ...EMPTY_SEND, subject: 'S', content: 'C', dossierCode: 'X' },
      { ...ctx, citizen: ACCOUNT, uploading: true },
    ),
    { files: 'filesBusy' },
  );
});

test('the body: blanks left out, sender only when not signed in, tokens beside the file ids', () => {
  const v = {
    ...EMPTY_SEND,
    kind: 'kien-nghi' as const,
    subject: ' Chậm trả ',
    content: 'Nội dung',
    dossierCode: ' h26.104-261207-0001 ',
    fullName: 'Lê Thị Lan',
    phone: '0912345678',
    email: 'lan@example.vn',
    consent: true,
  };
  const files = [{ fileId: 'f1', uploadToken: 'tok-1' }];
  assert.deepEqual(submitBody(v, { citizen: null, provinceCode: '01', files }), {
    kind: 'kien-nghi',
    subject: 'Chậm trả',
    content: 'Nội dung',
    dossierCode: 'H26.104-261207-0001',
    provinceCode: '01',
    fileIds: ['f1'],
    fileTokens: ['tok-1'],
    sender: { fullName: 'Lê Thị Lan', phone: '0912345678', email: 'lan@example.vn' },
    publishSenderConsent: true,
  });
  // A ward picked: its code goes with its province; the server routes it to the ward's committee.
  const ward = submitBody(v, { citizen: null, provinceCode: '79', unitCode: '27142', files: [] });
  assert.deepEqual([ward.provinceCode, ward.unitCode], ['79', '27142']);
  assert.equal(
    submitBody(v, { citizen: null, provinceCode: null, unitCode: null, files }).unitCode,
    undefined,
  );
  const signed = submitBody(v, { citizen: ACCOUNT, provinceCode: null, files });
  assert.equal(signed.sender, undefined);
  assert.equal(signed.fileTokens, undefined);
  assert.equal(signed.provinceCode, undefined);
  // An account without a phone: the phone typed goes with the account's name and e-mail.
  const noPhone = { ...ACCOUNT, phone: null };
  assert.deepEqual(
    sendProblems({ ...v, phone: '' }, { citizen: noPhone, provinceCode: '01', uploading: false }),
    {
      phone: 'required',
    },
  );
  assert.deepEqual(submitBody(v, { citizen: noPhone, provinceCode: null, files: [] }).sender, {
    fullName: 'Nguyễn Thị Hường',
    phone: '0912345678',
    email: 'huong@example.vn',
  });
});

test('the envelope’s paths land on the form’s fields', () => {
  assert.equal(sendFieldOf('body/sender/phone'), 'phone');
  assert.equal(sendFieldOf('body/sender'), 'fullName');
  assert.equal(sendFieldOf('body/sender/fullName'), 'fullName');
  assert.equal(sendFieldOf('body/agencyCode'), 'place');
  assert.equal(sendFieldOf('body/provinceCode'), 'place');
  assert.equal(sendFieldOf('body/unitCode'), 'place');
  assert.equal(sendFieldOf('body/fileIds/2'), 'files');
  assert.equal(sendFieldOf('body/fileTokens/0'), 'files');
  assert.equal(sendFieldOf('/body/subject'), 'subject');
  assert.equal(sendFieldOf('body/dossierCode'), 'dossierCode');
  assert.equal(sendFieldOf('body/other'), null);
});

test('the province of a place picked', () => {
  assert.equal(provinceOf({ code: '01', trail: [] }), '01');
  assert.equal(provinceOf({ code: '00070', trail: [{ code: '01' }] }), '01');
  assert.equal(provinceOf(null), null);
});

test('the register’s filters round-trip through the address; unknown values are dropped', () => {
  const f = registerFilters('?trang-thai=processing&han=overdue&q=%20ch%E1%BA%ADm', STATUSES);
  assert.deepEqual(f, { status: 'processing', due: 'overdue', q: ' chậm' });
  assert.equal(registerSearch(f), '?trang-thai=processing&han=overdue&q=ch%E1%BA%ADm');
  assert.deepEqual(registerAsk(f), { status: 'processing', due: 'overdue', q: 'chậm' });
  assert.deepEqual(registerFilters('?trang-thai=nope&han=later', STATUSES), { status: '', due: '', q: '' });
  assert.equal(registerSearch({ status: '', due: '', q: ' ' }), '');
  assert.deepEqual(registerAsk({ status: '', due: '', q: '' }), {
    status: undefined,
    due: undefined,
    q: undefined,
  });
});

test('due tags, rating, percentages and the default period', () => {
  assert.equal(dueTag({ overdue: true, dueSoon: true }), 'overdue');
  assert.equal(dueTag({ overdue: false, dueSoon: true }), 'dueSoon');
  assert.equal(dueTag({ overdue: false, dueSoon: false }), null);
  assert.equal(rateable({ status: 'published', rating: null }), true);
  assert.equal(rateable({ status: 'answered' }), true);
  assert.equal(rateable({ status: 'published', rating: { level: 'satisfied' } }), false);
  assert.equal(rateable({ status: 'processing', rating: null }), false);
  assert.equal(percentText(0.9524, 'vi'), '95,2 %');
  assert.equal(percentText(1, 'en'), '100.0%');
  assert.equal(percentText(null, 'vi'), null);
  // 20:00 UTC on 30 November is already 1 December in Vietnam.
  assert.deepEqual(monthSoFar(new Date('2026-11-30T20:00:00Z')), { from: '2026-12-01', to: '2026-12-01' });
});

test('the published answers’ words and page in the address, and the number of pages', () => {
  assert.deepEqual(publishedFilters('?q=den+duong&trang=3'), { q: 'den duong', page: 3 });
  for (const bad of ['?trang=0', '?trang=-2', '?trang=1.5', '?trang=abc', ''])
    assert.equal(publishedFilters(bad).page, 1, bad);
  assert.equal(publishedFilters(`?q=${'x'.repeat(150)}`).q.length, 100);
  assert.equal(
    publishedSearch({ q: ' đèn đường ', page: 2 }),
    '?q=%C4%91%C3%A8n+%C4%91%C6%B0%E1%BB%9Dng&trang=2',
  );
  assert.equal(publishedSearch({ q: '  ', page: 1 }), '');
  assert.deepEqual(publishedFilters(publishedSearch({ q: 'Hàng Trống', page: 4 })), {
    q: 'Hàng Trống',
    page: 4,
  });
  assert.deepEqual([pageCount(0, 20), pageCount(20, 20), pageCount(21, 20), pageCount(41, 20)], [1, 1, 2, 3]);
});
