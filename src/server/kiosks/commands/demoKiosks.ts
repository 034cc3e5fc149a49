/** The demo's kiosks with fresh tokens (`sarafan demo` prints their addresses once, like the password). */
import { DEMO_KIOSKS, DEMO_KIOSK_PIN } from '../../../core/demo/kiosks.ts';
import type { DemoKioskSecrets } from '../../../db/demo/demoKiosks.ts';
import { hashKioskPin, hashKioskToken, newKioskToken, newPinSalt } from './kioskSecrets.ts';

/** Each demo kiosk with a new token (kept by the caller to print) and the demo PIN, hashed. */
export function newDemoKiosks(): { kiosks: DemoKioskSecrets[]; tokens: string[] } {
  const tokens = DEMO_KIOSKS.map(() => newKioskToken());
  const kiosks = DEMO_KIOSKS.map((k, i) => {
    const pinSalt = newPinSalt();
    return { ...k, tokenHash: hashKioskToken(tokens[i]), pinSalt, pinHash: hashKioskPin(pinSalt, DEMO_KIOSK_PIN) };
  });
  return { kiosks, tokens };
}

/** The lines `sarafan demo` prints for the kiosks. */
export function demoKioskLines(base: string, tokens: readonly string[]): string[] {
  return DEMO_KIOSKS.map((k, i) => `  ${i === 0 ? 'Kiosk' : '     '}     ${base}/k/${tokens[i]}/  (${k.store}, staff PIN ${DEMO_KIOSK_PIN})`);
}
