import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DossierComponent, TimeLimit } from '../../../common/catalog/procedure.ts';
import { channelsOf, groupComponents, limitNotes } from './procedure-view.ts';

const limit = (note: string | null, unit: TimeLimit['unit'] = 'working-day'): TimeLimit => ({
  value: 3,
  unit,
  text: '3 ngày',
  note,
});

test('channelsOf keeps the catalogue order, or all channels when none is listed', () => {
  assert.deepEqual(channelsOf({ channels: ['online', 'direct'] }), ['direct', 'online']);
  assert.deepEqual(channelsOf({ channels: [] }), ['direct', 'online', 'postal']);
});

test('limitNotes lists each note once with its channels, gaps included, and flags a missing unit', () => {
  const result = limitNotes(
    {
      timeLimits: {
        direct: limit('Kể từ ngày nhận đủ hồ sơ'),
        online: limit('Kể từ ngày nhận đủ hồ sơ', null),
        postal: null,
      },
      timeLimitGaps: [{ channel: 'postal', text: 'Không rõ', note: 'Chưa công bố' }],
    },
    ['direct', 'online', 'postal'],
  );
  assert.deepEqual(result, {
    notes: [
      ['Kể từ ngày nhận đủ hồ sơ', ['direct', 'online']],
      ['Chưa công bố', ['postal']],
    ],
    noUnit: true,
  });
  assert.deepEqual(
    limitNotes({ timeLimits: { direct: limit(null), online: null, postal: null }, timeLimitGaps: [] }, [
      'direct',
    ]),
    {
      notes: [],
      noUnit: false,
    },
  );
});

test('groupComponents keeps the order in which groups first appear', () => {
  const c = (name: string, group: string | null) => ({ name, group }) as DossierComponent;
  const groups = groupComponents([c('a', 'A'), c('b', null), c('c', 'A')]);
  assert.deepEqual(
    groups.map((g) => [g.name, g.items.map((i) => i.name)]),
    [
      ['A', ['a', 'c']],
      [null, ['b']],
    ],
  );
});
