import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { vi } from '../../app/i18n/vi.ts';
import { pickerStatus, procedureText, searchText } from './procedure-search.ts';

const birth = { code: '1.001193', name: 'Thủ tục đăng ký khai sinh' };
const idle = { chosen: null, searching: true, fetching: false, failed: false, found: null };

describe('searchText', () => {
  it('searches the trimmed words from two characters on', () => {
    assert.equal(searchText('  khai sinh ', null), 'khai sinh');
    assert.equal(searchText('k', null), null);
    assert.equal(searchText('  k ', null), null);
  });

  it('does not search while the field shows the chosen procedure', () => {
    assert.equal(procedureText(birth), '1.001193 – Thủ tục đăng ký khai sinh');
    assert.equal(searchText(procedureText(birth), birth), null);
    assert.equal(searchText(`${procedureText(birth)} x`, birth), '1.001193 – Thủ tục đăng ký khai sinh x');
  });
});

describe('pickerStatus', () => {
  it('says what the suggestions are', () => {
    assert.equal(pickerStatus(vi, { ...idle, fetching: true }), vi.loading);
    assert.equal(pickerStatus(vi, { ...idle, found: 0 }), 'Không có thủ tục nào khớp.');
    assert.match(pickerStatus(vi, { ...idle, found: 3 }), /^3 thủ tục gợi ý/);
    assert.equal(pickerStatus(vi, { ...idle, failed: true }), vi.errors.generic);
  });

  it('names the chosen procedure and is silent when there is nothing to search', () => {
    assert.equal(pickerStatus(vi, { ...idle, chosen: birth.name }), `Đã chọn: ${birth.name}.`);
    assert.equal(pickerStatus(vi, { ...idle, searching: false, found: 3 }), '');
  });
});
