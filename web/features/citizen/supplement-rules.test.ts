import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { vi } from '../../app/i18n/vi.ts';
import {
  fieldMessages,
  placeSupplementDetails,
  rowsToSend,
  supplementBody,
  supplementProblems,
} from './supplement-rules.ts';

const rows = [
  { key: 'r1', name: '' },
  { key: 'r2', name: ' Bản sao CCCD ' },
  { key: 'r3', name: '' },
];
const files: Record<string, string[]> = { r3: ['f3'], r2: ['f2', 'f2b'] };
const fileIds = (key: string) => files[key] ?? [];

describe('supplement rules', () => {
  it('sends the rows with a name or a file', () => {
    assert.deepEqual(
      rowsToSend(rows, fileIds).map((r) => r.key),
      ['r2', 'r3'],
    );
  });

  it('asks for something to send, on the first row', () => {
    const found = supplementProblems(vi, [{ key: 'r1', name: ' ' }], { busy: false, fileIds: () => [] });
    assert.deepEqual(found, [
      {
        key: 'r1/name',
        problem: {
          message: vi.citizen.supplement.nothing,
          fieldId: 'r1-name',
          label: vi.citizen.supplement.name(1),
        },
      },
    ]);
  });

  it('asks for the name of a file attached without one, and waits for uploads', () => {
    const found = supplementProblems(vi, rows, { busy: true, fileIds });
    assert.deepEqual(
      found.map((f) => [f.key, f.problem.message]),
      [
        [null, vi.citizen.apply.stillUploading],
        ['r3/name', vi.citizen.supplement.nameMissing],
      ],
    );
    assert.equal(found[1]?.problem.label, vi.citizen.supplement.name(3));
  });

  it('sends each name trimmed with its first file, and the note only when written', () => {
    const sent = rowsToSend(rows, fileIds);
    assert.deepEqual(supplementBody(sent, fileIds, '  '), {
      components: [
        { name: 'Bản sao CCCD', fileId: 'f2' },
        { name: '', fileId: 'f3' },
      ],
    });
    assert.deepEqual(supplementBody([{ key: 'r9', name: 'Đơn' }], fileIds, ' xin bổ sung '), {
      components: [{ name: 'Đơn' }],
      note: 'xin bổ sung',
    });
  });

  it("puts the server's messages on the row they name, counted among the rows sent", () => {
    const sent = rowsToSend(rows, fileIds);
    const placed = placeSupplementDetails(
      vi,
      [
        { path: 'body/components/1/fileId', message: 'Tệp không hợp lệ' },
        { path: 'body/note', message: 'Quá dài' },
      ],
      rows,
      sent,
    );
    assert.deepEqual(placed[0], {
      key: 'r3/fileId',
      problem: { message: 'Tệp không hợp lệ', fieldId: 'r3-file', label: vi.citizen.supplement.name(3) },
    });
    assert.deepEqual(placed[1], { key: null, problem: { message: 'Quá dài' } });
    assert.deepEqual(fieldMessages([...placed, { key: 'r3/fileId', problem: { message: 'later' } }]), {
      'r3/fileId': 'Tệp không hợp lệ',
    });
  });
});
