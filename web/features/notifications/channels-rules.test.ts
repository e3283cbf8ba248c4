import assert from 'node:assert/strict';
import { test } from 'node:test';
import { channelsBody, channelsFieldOf } from './channels-rules.ts';

test('#18 the channels are sent all three with their switch; a blank brandname is none', () => {
  assert.deepEqual(channelsBody({ enabled: { email: true, sms: false, zalo: true }, smsBrandname: '  ' }), {
    channels: [
      { channel: 'email', enabled: true },
      { channel: 'sms', enabled: false },
      { channel: 'zalo', enabled: true },
    ],
    smsBrandname: null,
  });
  assert.equal(
    channelsBody({ enabled: { email: true, sms: true, zalo: true }, smsBrandname: ' UBND HN ' }).smsBrandname,
    'UBND HN',
  );
});

test('#18 the server’s messages go to the brandname or to the channel sent at that place', () => {
  assert.equal(channelsFieldOf('body/smsBrandname'), 'smsBrandname');
  assert.equal(channelsFieldOf('body/channels/1/enabled'), 'sms');
  assert.equal(channelsFieldOf('body/channels/7'), null);
  assert.equal(channelsFieldOf('query/provinceCode'), null);
});
