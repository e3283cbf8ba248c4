import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DossierComponent, Procedure } from '../catalog/procedure.ts';
import { componentCode, isRequiredOn, requiredComponents } from './components.ts';

const component = (name: string, over: Partial<DossierComponent> = {}): DossierComponent => ({
  name,
  originals: 1,
  copies: 0,
  group: null,
  condition: null,
  submission: 'submit',
  form: null,
  electronicCopyAccepted: null,
  reuseAccepted: null,
  ...over,
});

const procedure = {
  components: [
    component('Tờ khai'),
    component('Giấy chứng sinh', { condition: 'Trường hợp trẻ em bị bỏ rơi' }),
    component('Bản sao giấy tờ', { condition: 'Nộp trực tiếp hoặc qua bưu chính' }),
    component('Mẫu điện tử', { condition: 'Trường hợp nộp trực tuyến' }),
    component('Căn cước', { submission: 'present' }),
    component('Giấy ủy quyền', { submission: 'present-or-submit' }),
  ],
} as unknown as Procedure;

describe('required components', () => {
  it('are those without a condition, or whose condition names the channel, never papers only shown', () => {
    assert.deepEqual(
      requiredComponents(procedure, 'direct').map((c) => c.code),
      ['TP1', 'TP3', 'TP6'],
    );
    assert.deepEqual(
      requiredComponents(procedure, 'postal').map((c) => c.code),
      ['TP1', 'TP3', 'TP6'],
    );
    assert.deepEqual(requiredComponents(procedure, 'online'), [
      { code: 'TP1', name: 'Tờ khai' },
      { code: 'TP4', name: 'Mẫu điện tử' },
      { code: 'TP6', name: 'Giấy ủy quyền' },
    ]);
  });

  it('agree component by component with isRequiredOn, on every channel', () => {
    for (const channel of ['direct', 'postal', 'online', 'fax']) {
      const codes = procedure.components.flatMap((c, i) =>
        isRequiredOn(c, channel) ? [componentCode(i)] : [],
      );
      assert.deepEqual(
        requiredComponents(procedure, channel).map((c) => c.code),
        codes,
        channel,
      );
    }
    assert.equal(componentCode(0), 'TP1');
  });
});
