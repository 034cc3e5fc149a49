/** The demo's kiosks (core/demo/kiosks.ts), inserted with the rest of the demo in its transaction. */
import type { PoolClient } from '../connection.ts';
import type { DemoKiosk } from '../../core/demo/kiosks.ts';
import type { DemoIds } from './insertDemoStructure.ts';
import { insertKiosk } from '../kiosks/kiosks.ts';

/** A demo kiosk with its secrets, made by the caller (the command line hashes; the database layer only stores). */
export interface DemoKioskSecrets extends DemoKiosk {
  tokenHash: string;
  pinSalt: string;
  pinHash: string;
}

export async function insertDemoKiosks(tx: PoolClient, ids: DemoIds, kiosks: readonly DemoKioskSecrets[]): Promise<void> {
  for (const k of kiosks) {
    await insertKiosk(tx, {
      orgId: ids.orgId, surveyId: ids.surveys.get(k.survey)!.id, locationId: ids.locations.get(k.store)!, name: k.name,
      tokenHash: k.tokenHash, pinSalt: k.pinSalt, pinHash: k.pinHash, createdBy: null,
    });
  }
}
