// A whole test hierarchy shaped like the Vietnamese one (NĐ 68/2024/NĐ-CP: state bodies sign with
// certificates of the Government Cipher Committee under the national root): root → intermediate →
// people and organisation seals, a time-stamp authority, an expired and a revoked person, and a person
// under a foreign root. Names are fixed; keys and serial numbers are fresh on every call.
import { createHash, createPrivateKey, createPublicKey, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { ensureEngine } from './engine.ts';
import type { Signer, TestIdentity, TestPki } from './index.ts';
import { buildPkcs12 } from './pkcs12-build.ts';
import { openPkcs12, pkcs12Signer } from './pkcs12.ts';

export const TEST_ROOT_CN = 'Cục Chứng thực số và Bảo mật thông tin (test)';
export const TEST_INTERMEDIATE_CN = 'Ban Cơ yếu Chính phủ — CA phục vụ các cơ quan nhà nước (test)';
export const TEST_FOREIGN_ROOT_CN = 'Foreign Trust Services Root (test)';
const GOVERNMENT_CIPHER_COMMITTEE = 'Ban Cơ yếu Chính phủ';
const WARD = 'Ủy ban nhân dân phường Hoàn Kiếm';

type Algorithm = 'RSA-2048' | 'ECDSA-P256';
const DAY = 86_400_000;

function keyParams(alg: Algorithm): RsaHashedKeyGenParams | EcKeyGenParams {
  return alg === 'RSA-2048'
    ? {
        name: 'RSASSA-PKCS1-v1_5',
        modulusLength: 2048,
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: 'SHA-256',
      }
    : { name: 'ECDSA', namedCurve: 'P-256' };
}

async function newKeys(alg: Algorithm): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(keyParams(alg), true, ['sign', 'verify'])) as CryptoKeyPair;
}

/** A fresh positive serial number, 16 random bytes. */
function freshSerial(): Uint8Array {
  const b = webcrypto.getRandomValues(new Uint8Array(16));
  b[0] = (b[0]! & 0x7f) | 0x10;
  return b;
}

const OID = { CN: '2.5.4.3', C: '2.5.4.6', L: '2.5.4.7', O: '2.5.4.10' } as const;
type Name = [keyof typeof OID, string][];

/** One attribute per RDN (pkijs would put them all in one multi-valued RDN), most general first. */
function rdn(name: Name): pkijs.RelativeDistinguishedNames {
  const sets = name.map(
    ([a, v]) =>
      new asn1js.Set({
        value: [
          new pkijs.AttributeTypeAndValue({
            type: OID[a],
            value: a === 'C' ? new asn1js.PrintableString({ value: v }) : new asn1js.Utf8String({ value: v }),
          }).toSchema(),
        ],
      }),
  );
  return pkijs.RelativeDistinguishedNames.fromBER(new asn1js.Sequence({ value: sets }).toBER(false));
}

function extension(extnID: string, critical: boolean, value: Uint8Array | ArrayBuffer): pkijs.Extension {
  return new pkijs.Extension({
    extnID,
    critical,
    extnValue: value instanceof Uint8Array ? value.slice().buffer : value,
  });
}

type Issued = {
  cert: pkijs.Certificate;
  der: Uint8Array;
  keys: CryptoKeyPair;
  ski: Uint8Array;
  serialHex: string;
};

type IssueInput = {
  subject: Name;
  issuer: Issued | null;
  alg: Algorithm;
  notBefore: Date;
  notAfter: Date;
  kind: 'ca' | 'person' | 'seal' | 'tsa';
};

async function issue(input: IssueInput): Promise<Issued> {
  ensureEngine();
  const keys = await newKeys(input.alg);
  const cert = new pkijs.Certificate();
  cert.version = 2;
  const serial = freshSerial();
  cert.serialNumber = new asn1js.Integer({ valueHex: serial });
  cert.subject = rdn(input.subject);
  cert.issuer = input.issuer ? input.issuer.cert.subject : rdn(input.subject);
  cert.notBefore = new pkijs.Time({ type: 0, value: input.notBefore });
  cert.notAfter = new pkijs.Time({ type: 0, value: input.notAfter });
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  const ski = new Uint8Array(
    createHash('sha1').update(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest(),
  );
  const ca = input.kind === 'ca';
  const basic = new pkijs.BasicConstraints(
    ca ? (input.issuer ? { cA: true, pathLenConstraint: 0 } : { cA: true }) : {},
  );
  cert.extensions = [
    extension('2.5.29.19', true, basic.toSchema().toBER(false)),
    // KeyUsage BIT STRING: keyCertSign|cRLSign (0x06, 1 unused bit) or digitalSignature|nonRepudiation (0xC0, 6).
    extension('2.5.29.15', true, ca ? new Uint8Array([3, 2, 1, 0x06]) : new Uint8Array([3, 2, 6, 0xc0])),
    extension('2.5.29.14', false, new asn1js.OctetString({ valueHex: ski }).toBER(false)),
  ];
  if (input.issuer) {
    const aki = new pkijs.AuthorityKeyIdentifier({
      keyIdentifier: new asn1js.OctetString({ valueHex: input.issuer.ski }),
    });
    cert.extensions.push(extension('2.5.29.35', false, aki.toSchema().toBER(false)));
  }
  if (input.kind === 'tsa') {
    const eku = new pkijs.ExtKeyUsage({ keyPurposes: ['1.3.6.1.5.5.7.3.8'] });
    cert.extensions.push(extension('2.5.29.37', true, eku.toSchema().toBER(false)));
  }
  await cert.sign(input.issuer ? input.issuer.keys.privateKey : keys.privateKey, 'SHA-256');
  const der = new Uint8Array(cert.toSchema().toBER(false));
  return { cert, der, keys, ski, serialHex: Buffer.from(serial).toString('hex') };
}

async function identity(
  issued: Issued,
  chain: { der: Uint8Array }[],
  who: { name: string; organisation: string | null },
): Promise<TestIdentity> {
  const password = `test-${issued.serialHex.slice(0, 8)}`;
  const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', issued.keys.privateKey));
  const certificate = issued.der;
  const p12 = await buildPkcs12({
    privateKey: pkcs8,
    certificates: [certificate, ...chain.map((c) => c.der)],
    password,
  });
  const signer: Signer = await pkcs12Signer(p12, password);
  return { ...who, certificate, serialHex: issued.serialHex, p12, password, signer };
}

export async function createTestPki(options?: { now?: Date; keyAlgorithm?: Algorithm }): Promise<TestPki> {
  const now = (options?.now ?? new Date()).getTime();
  const alg = options?.keyAlgorithm ?? 'RSA-2048';
  const at = (days: number) => new Date(now + days * DAY);
  const root = await issue({
    subject: [
      ['C', 'VN'],
      ['O', GOVERNMENT_CIPHER_COMMITTEE],
      ['CN', TEST_ROOT_CN],
    ],
    issuer: null,
    alg,
    notBefore: at(-3650),
    notAfter: at(3650),
    kind: 'ca',
  });
  const intermediate = await issue({
    subject: [
      ['C', 'VN'],
      ['O', GOVERNMENT_CIPHER_COMMITTEE],
      ['CN', TEST_INTERMEDIATE_CN],
    ],
    issuer: root,
    alg,
    notBefore: at(-1825),
    notAfter: at(1825),
    kind: 'ca',
  });
  const foreignRoot = await issue({
    subject: [
      ['C', 'XX'],
      ['O', 'Foreign Trust Services'],
      ['CN', TEST_FOREIGN_ROOT_CN],
    ],
    issuer: null,
    alg,
    notBefore: at(-3650),
    notAfter: at(3650),
    kind: 'ca',
  });
  const person = (cn: string, o: string): Name => [
    ['C', 'VN'],
    ['L', 'Hà Nội'],
    ['O', o],
    ['CN', cn],
  ];
  const chain = [intermediate];
  const valid = { issuer: intermediate, alg, notBefore: at(-365), notAfter: at(730) };
  const [leader, seal, expired, revokedPerson, foreign, tsa] = await Promise.all([
    issue({ ...valid, subject: person('Nguyễn Văn A', WARD), kind: 'person' }),
    issue({
      ...valid,
      subject: [
        ['C', 'VN'],
        ['L', 'Hà Nội'],
        ['O', WARD],
      ],
      kind: 'seal',
    }),
    issue({
      ...valid,
      subject: person('Trần Thị B', WARD),
      notBefore: at(-1095),
      notAfter: at(-365),
      kind: 'person',
    }),
    issue({ ...valid, subject: person('Lê Văn C', WARD), kind: 'person' }),
    issue({
      ...valid,
      issuer: foreignRoot,
      subject: [
        ['C', 'XX'],
        ['O', 'Foreign Company Ltd'],
        ['CN', 'John Foreign'],
      ],
      kind: 'person',
    }),
    issue({
      ...valid,
      subject: [
        ['C', 'VN'],
        ['O', GOVERNMENT_CIPHER_COMMITTEE],
        ['CN', 'Máy chủ cấp dấu thời gian (test)'],
      ],
      kind: 'tsa',
    }),
  ]);
  const norm = (hex: string) => hex.toLowerCase().replace(/^0+/, '');
  const status = new Map<string, boolean>();
  for (const c of [intermediate, leader, seal, expired, tsa]) status.set(norm(c.serialHex), false);
  status.set(norm(revokedPerson.serialHex), true);
  /** What the hierarchy's CA knows of a serial number it issued; null for anything else. */
  const revoked = (serial: string): boolean | null => status.get(norm(serial)) ?? null;
  const roots = [root.der];
  const intermediates = [intermediate.der];
  return {
    roots,
    intermediates,
    foreignRoot: foreignRoot.der,
    revoked,
    trust: { roots, intermediates, revoked },
    issuingCa: await identity(intermediate, [root], {
      name: TEST_INTERMEDIATE_CN,
      organisation: GOVERNMENT_CIPHER_COMMITTEE,
    }),
    leader: await identity(leader, chain, { name: 'Nguyễn Văn A', organisation: WARD }),
    seal: await identity(seal, chain, { name: WARD, organisation: WARD }),
    expired: await identity(expired, chain, { name: 'Trần Thị B', organisation: WARD }),
    revokedPerson: await identity(revokedPerson, chain, { name: 'Lê Văn C', organisation: WARD }),
    foreign: await identity(foreign, [foreignRoot], {
      name: 'John Foreign',
      organisation: 'Foreign Company Ltd',
    }),
    tsa: await identity(tsa, chain, {
      name: 'Máy chủ cấp dấu thời gian (test)',
      organisation: GOVERNMENT_CIPHER_COMMITTEE,
    }),
  };
}

/** The CA of a PKCS#12 (its key and certificate, its chain after it) as an issuer for `issue`. */
async function issuerOf(ca: {
  p12: Uint8Array;
  password: string;
}): Promise<{ issued: Issued; chain: Uint8Array[] }> {
  const opened = await openPkcs12(ca.p12, ca.password);
  const key = createPrivateKey({ key: Buffer.from(opened.privateKey), format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  const certs = opened.certificates.map((der) => ({
    der,
    cert: pkijs.Certificate.fromBER(new Uint8Array(der)),
  }));
  const own = certs.find((c) =>
    Buffer.from(c.cert.subjectPublicKeyInfo.toSchema().toBER(false)).equals(spki),
  );
  if (!own) throw new Error('the PKCS#12 holds no certificate of its key');
  const ec = key.asymmetricKeyType === 'ec';
  const privateKey = (await webcrypto.subtle.importKey(
    'pkcs8',
    opened.privateKey.slice(),
    ec ? { name: 'ECDSA', namedCurve: 'P-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['sign'],
  )) as unknown as CryptoKey;
  const ski = new Uint8Array(
    createHash('sha1')
      .update(own.cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)
      .digest(),
  );
  const issued: Issued = {
    cert: own.cert,
    der: own.der,
    keys: { privateKey, publicKey: privateKey },
    ski,
    serialHex: Buffer.from(own.cert.serialNumber.valueBlock.valueHexView).toString('hex'),
  };
  return { issued, chain: certs.filter((c) => c !== own).map((c) => c.der) };
}

/**
 * A new organisation seal (O = `organisation`, C = VN) issued by the CA held in `ca` (a hierarchy's
 * `issuingCa`): valid from the CA's own start (so that results dated back, as the tests' clocks are, can
 * be sealed) until two years after `now`, within the CA's validity. Demo mode gives each agency its own
 * seal this way (server/modules/signatures/demo-pki.ts).
 */
export async function issueSeal(
  ca: { p12: Uint8Array; password: string },
  organisation: string,
  now = new Date(),
): Promise<TestIdentity> {
  ensureEngine();
  const { issued: issuer, chain } = await issuerOf(ca);
  const caEnd = issuer.cert.notAfter.value.getTime();
  const seal = await issue({
    subject: [
      ['C', 'VN'],
      ['O', organisation],
    ],
    issuer,
    alg: issuer.keys.privateKey.algorithm.name === 'ECDSA' ? 'ECDSA-P256' : 'RSA-2048',
    notBefore: issuer.cert.notBefore.value,
    notAfter: new Date(Math.min(now.getTime() + 730 * DAY, caEnd)),
    kind: 'seal',
  });
  return identity(seal, [issuer, ...chain.map((der) => ({ der }))], { name: organisation, organisation });
}
