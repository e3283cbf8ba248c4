import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hashKey, partialMatchKey } from '@tanstack/react-query';
import { citizenQueries } from '../features/citizen/citizen-api.ts';
import { dossierQueries } from '../features/dossiers/dossiers-api.ts';
import { syncQueries } from '../features/sync/sync-api.ts';
import { ApiError } from './http.ts';
import { createQueryClient, isTransient, readStatus, retryOnce } from './query.ts';

const failure = (status: number) => new ApiError({ status, code: 'X', message: '' });

describe('retry policy', () => {
  it('asks again once after a network failure or a 5xx, never after a 4xx or a bug', () => {
    assert.equal(isTransient(failure(0)), true);
    assert.equal(isTransient(failure(500)), true);
    assert.equal(isTransient(failure(503)), true);
    for (const status of [400, 401, 403, 404, 409, 422, 429])
      assert.equal(isTransient(failure(status)), false);
    assert.equal(isTransient(new TypeError('x is undefined')), false);
    assert.equal(retryOnce(0, failure(503)), true);
    assert.equal(retryOnce(1, failure(503)), false);
    assert.equal(retryOnce(0, failure(404)), false);
  });

  it('is the default of the app client: a 5xx read is tried twice, a 404 once', async () => {
    const client = createQueryClient();
    let calls = 0;
    const data = await client.fetchQuery({
      queryKey: ['t', 'flaky'],
      retryDelay: 0,
      queryFn: () => (++calls === 1 ? Promise.reject(failure(502)) : Promise.resolve('ok')),
    });
    assert.equal(data, 'ok');
    assert.equal(calls, 2);

    calls = 0;
    await assert.rejects(
      client.fetchQuery({
        queryKey: ['t', 'missing'],
        retryDelay: 0,
        queryFn: () => {
          calls++;
          return Promise.reject(failure(404));
        },
      }),
    );
    assert.equal(calls, 1);
    assert.equal(client.getDefaultOptions().queries?.refetchOnWindowFocus, false);
    assert.equal(client.getDefaultOptions().mutations?.retry, false);
  });
});

describe('query keys', () => {
  it('a feature invalidates all of its reads by its root key, and none of another feature', () => {
    const list = dossierQueries.list({ list: 'agency', page: 2 }).queryKey;
    assert.equal(partialMatchKey(list, dossierQueries.all), true);
    assert.equal(partialMatchKey(dossierQueries.counts().queryKey, dossierQueries.all), true);
    assert.equal(partialMatchKey(list, syncQueries.all), false);
    assert.equal(
      partialMatchKey(syncQueries.inbound({ status: 'held', page: 1 }).queryKey, syncQueries.all),
      true,
    );
  });

  it("the citizen's reads are under 'citizen', which the citizen's sign-out drops", () => {
    const mine = citizenQueries.myDossiers({ page: 1 }).queryKey;
    assert.equal(partialMatchKey(mine, ['citizen']), true);
    assert.equal(partialMatchKey(mine, dossierQueries.all), false);
  });

  it('the same request is the same entry, whatever the order of its params or an undefined one', () => {
    assert.equal(
      hashKey(dossierQueries.list({ list: 'mine', q: undefined, page: 1 }).queryKey),
      hashKey(dossierQueries.list({ page: 1, list: 'mine' }).queryKey),
    );
    assert.notEqual(
      hashKey(dossierQueries.list({ list: 'mine', page: 1 }).queryKey),
      hashKey(dossierQueries.list({ list: 'mine', page: 2 }).queryKey),
    );
  });
});

describe('readStatus', () => {
  const done = (n: number) => `${n} found`;
  it('loading while fetching, even over data kept from the last answer', () => {
    assert.equal(readStatus({ isFetching: true, isError: false, data: 3 }, 'Đang tải…', done), 'Đang tải…');
  });
  it('nothing after a failure or before any data, else what the page says of the data', () => {
    assert.equal(readStatus({ isFetching: false, isError: true, data: 3 }, 'L', done), '');
    assert.equal(readStatus({ isFetching: false, isError: false, data: undefined }, 'L', done), '');
    assert.equal(readStatus({ isFetching: false, isError: false, data: 0 }, 'L', done), '0 found');
  });
});
