// What signing needs from the outside, behind one value (#19): the trust store verification uses, the
// agency's organisation seal, the remote signing service. Built from the configuration (SIGNING_* and
// REMOTE_SIGNING_URL; docs/domain/signatures-product.md); a test gives its own (deps.signing).
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Deps } from '../../deps.ts';
import { pkcs12Signer, type Signer, type TrustStore } from '../../platform/signing/index.ts';
import { demoAgencySeal, demoTrust, pemCertificates } from './demo-pki.ts';
import { remoteSigner } from './remote-signer.ts';

export type SigningKit = {
  trust(): Promise<TrustStore>;
  /** The agency's organisation seal; null when none is configured. */
  seal(agency: { code: string; name: string }): Promise<Signer | null>;
  /** The remote signing service for a user; null when none is configured. */
  remote(user: { username: string }): Signer | null;
  timestampUrl: string | null;
};

/** The roots the project ships (trust-roots/ at the repository's root, with their provenance). */
export const SHIPPED_TRUST_ROOTS = fileURLToPath(new URL('../../../trust-roots/', import.meta.url));

async function pemFilesOf(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith('.pem')).map((n) => path.join(dir, n));
}

async function readable(file: string) {
  return fs.stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

const kits = new WeakMap<Deps['config'], SigningKit>();

/** The kit a deployment signs and verifies with: deps.signing, else the configuration's (kept). */
export function signingKitOf(deps: Deps): SigningKit {
  if (deps.signing) return deps.signing;
  let kit = kits.get(deps.config);
  if (!kit) {
    kit = configuredKit(deps.config);
    kits.set(deps.config, kit);
  }
  return kit;
}

function configuredKit(config: Deps['config']): SigningKit {
  const dir = path.join(config.dataDir, 'signing', 'demo');
  const { sealsDir, remoteUrl, timestampUrl } = config.signing;
  let trust: Promise<TrustStore> | null = null;
  return {
    trust: () => {
      trust ??= (async () => {
        const files = config.signing.trustRoots.length
          ? config.signing.trustRoots
          : await pemFilesOf(SHIPPED_TRUST_ROOTS);
        const pems = await Promise.all(files.map((f) => fs.readFile(f, 'utf8')));
        const demo = config.demoMode ? await demoTrust(dir) : { roots: [], intermediates: [] };
        return {
          roots: [...pems.flatMap(pemCertificates), ...demo.roots],
          intermediates: demo.intermediates,
        };
      })();
      return trust;
    },
    seal: async (agency) => {
      const p12 = path.join(sealsDir, `${agency.code}.p12`);
      const pass = path.join(sealsDir, `${agency.code}.pass`);
      if ((await readable(p12)) && (await readable(pass))) {
        const password = (await fs.readFile(pass, 'utf8')).replace(/\r?\n$/, '');
        return pkcs12Signer(new Uint8Array(await fs.readFile(p12)), password);
      }
      return config.demoMode ? demoAgencySeal(dir, agency) : null;
    },
    remote: (user) => (remoteUrl === null ? null : remoteSigner(remoteUrl, { userId: user.username })),
    timestampUrl,
  };
}
