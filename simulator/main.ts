// npm run simulator: the national-portal simulator as its own process on 127.0.0.1.
//   SIMULATOR_PORT (default 3900), PORTAL_SECRET (default the development secret), PORTAL_AUTH (hmac | header)
//   and for the payment platform PAYMENT_PARTNER_CODE, PAYMENT_SECRET and PUBLIC_URL (callbacks)
// — the same variables the server reads, so one .env configures both sides. Seeds three inbound dossiers
// for the Hà Nội People's Committee (POST /_sim/inbound seeds more, for any agency); inspect what it
// received with GET /_sim/dossiers/<code>.
import { SIMULATOR_DEFAULT_SECRET, startSimulator } from './simulator.ts';
import { PAYMENT_DEFAULT_SECRET } from './payments.ts';

const env = (name: string): string | undefined => {
  const v = process.env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
};

const port = Number(env('SIMULATOR_PORT') ?? '3900');
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`SIMULATOR_PORT must be a port number (got "${env('SIMULATOR_PORT')}")`);
  process.exit(1);
}
const auth = env('PORTAL_AUTH') ?? 'hmac';
if (auth !== 'hmac' && auth !== 'header') {
  console.error(`PORTAL_AUTH must be hmac or header (got "${auth}")`);
  process.exit(1);
}

// The payment platform's one partner: motcua, with its callback at PUBLIC_URL.
const publicUrl = (env('PUBLIC_URL') ?? `http://localhost:${env('PORT') ?? '3000'}`).replace(/\/+$/, '');
const sim = await startSimulator({
  port,
  secret: env('PORTAL_SECRET') ?? SIMULATOR_DEFAULT_SECRET,
  auth,
  log: (line) => console.log(`[simulator] ${line}`),
  payment: {
    partners: [
      {
        code: env('PAYMENT_PARTNER_CODE') ?? 'MOTCUA',
        secret: env('PAYMENT_SECRET') ?? PAYMENT_DEFAULT_SECRET,
        callbackUrl: `${publicUrl}/api/v1/payments/callback`,
      },
    ],
  },
});
const seeded = sim.control.seedInbound({ count: 3, agencyCode: '000.00.00.H26' });
console.log(`[simulator] seeded inbound dossiers ${seeded.join(', ')}`);
console.log(`[simulator] set PORTAL_BASE_URL=${sim.url} for motcua`);
console.log(`[simulator] set PAYMENT_BASE_URL=${sim.url} for motcua (callbacks go to ${publicUrl})`);

const shutdown = () => {
  void sim.close().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
