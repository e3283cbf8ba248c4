// The signatures module's face (#19): the result register, signed results at approval and return, the
// public verification, and the signing kit (trust store, seals, remote signing).
export { registerSignatureRoutes } from './signatures.routes.ts';
export { approvalNumber, assertSignedResult, recordApproval, newResultToken, sameName } from './result-signatures.ts';
export { nextResultNumber } from './result-register.ts';
export { signingKitOf, type SigningKit } from './signing-kit.ts';
export { remoteSigner } from './remote-signer.ts';
export { pemSigner } from './demo-pki.ts';
export {
  isPdf,
  isValidSignature,
  presentSignature,
  sha256Of,
  verifySignatures,
} from './verification.ts';
export { signedSlip } from './signed-slips.ts';
