/** A store-visit checklist, a wave and assignments, written directly in SQL (the planning API is another area's). */
import type pg from 'pg';

/**
 * Items and points: greet yes_no 2, smile yes_no_na 1, wait number 3 (passes at most 5 min), clean scale 0..4,
 * shelf photo (no points), remarks comment (no points).
 */
export const CHECKLIST = {
  name: { en: 'Store visit', ru: 'Визит в магазин', fa: 'بازدید فروشگاه' },
  sections: [
    {
      key: 'welcome', name: { en: 'Welcome', ru: 'Встреча', fa: 'خوشامد' },
      items: [
        { key: 'greet', text: { en: 'Greeted within 30 seconds', ru: 'Поприветствовали за 30 секунд', fa: 'در ۳۰ ثانیه سلام کردند' }, points: 2, standard: 'greeting' },
        { key: 'smile', text: { en: 'Smiled', ru: 'Улыбнулись', fa: 'لبخند زدند' }, points: 1, answerType: 'yes_no_na' },
      ],
    },
    {
      key: 'checkout', name: { en: 'Checkout', ru: 'Касса', fa: 'صندوق' },
      items: [
        { key: 'wait', text: { en: 'Waiting time at the till', ru: 'Ожидание на кассе', fa: 'زمان انتظار در صندوق' }, points: 3, answerType: 'number', passRule: { op: 'lte', value: 5, unit: 'min' } },
        { key: 'clean', text: { en: 'Clean checkout area', ru: 'Чистая зона кассы', fa: 'محوطهٔ صندوق تمیز' }, points: 4, answerType: 'scale' },
        { key: 'shelf', text: { en: 'Photo of the shelf', ru: 'Фото полки', fa: 'عکس قفسه' }, points: 0, answerType: 'photo', evidence: 'photo' },
        { key: 'remarks', text: { en: 'Anything else', ru: 'Что-то ещё', fa: 'نکتهٔ دیگر' }, points: 0, answerType: 'comment' },
      ],
    },
  ],
};

export async function insertChecklist(pool: pg.Pool, orgId: string, definition: unknown = CHECKLIST, version = 1): Promise<string> {
  const { rows } = await pool.query(`insert into checklists(org_id, name, channel, version) values ($1, 'Store visit', 'store', $2) returning id`, [orgId, version]);
  for (let v = 1; v <= version; v++) {
    await pool.query(`insert into checklist_versions(org_id, checklist_id, version, definition) values ($1, $2, $3, $4)`, [orgId, rows[0].id, v, JSON.stringify(definition)]);
  }
  return rows[0].id;
}

export async function insertWave(pool: pg.Pool, orgId: string, checklistId: string, name = 'December wave'): Promise<string> {
  const { rows } = await pool.query(
    `insert into audit_waves(org_id, name, checklist_id, starts_on, ends_on) values ($1, $2, $3, '2026-12-01', '2026-12-31') returning id`,
    [orgId, name, checklistId],
  );
  return rows[0].id;
}

export async function insertAssignment(pool: pg.Pool, orgId: string, waveId: string, locationId: string, auditorId: string, dueOn = '2026-12-15', status = 'assigned'): Promise<string> {
  const { rows } = await pool.query(
    `insert into audit_assignments(org_id, wave_id, location_id, auditor_id, due_on, status) values ($1, $2, $3, $4, $5, $6) returning id`,
    [orgId, waveId, locationId, auditorId, dueOn, status],
  );
  return rows[0].id;
}

/** A small JPEG with an EXIF position (55°45'21" N, 37°37'0" E) and a camera make. */
export async function jpegWithGps(): Promise<Buffer> {
  const sharp = (await import('sharp')).default;
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'TestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 45/1 2100/100', GPSLongitudeRef: 'E', GPSLongitude: '37/1 37/1 0/1' } })
    .toBuffer();
}

/**
 * The GPS latitude of an EXIF block (sharp's metadata().exif: "Exif\0\0" + TIFF) as [deg, min, sec], or null
 * when the block has no GPS directory. Written here from the TIFF layout, independent of the code under test.
 */
export function exifGpsLatitude(exif: Buffer | undefined): number[] | null {
  if (!exif) return null;
  const tiff = exif.subarray(exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? 6 : 0);
  const le = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const entries = (ifd: number) => Array.from({ length: u16(ifd) }, (_, i) => ifd + 2 + i * 12).map((e) => ({ tag: u16(e), count: u32(e + 4), value: u32(e + 8) }));
  const gps = entries(u32(4)).find((e) => e.tag === 0x8825);
  if (!gps) return null;
  const lat = entries(gps.value).find((e) => e.tag === 0x0002);
  if (!lat) return null;
  return [0, 1, 2].map((i) => u32(lat.value + i * 8) / u32(lat.value + i * 8 + 4));
}

/** A signed-in session that also sends raw bodies (file uploads). */
export class Session {
  private constructor(readonly baseUrl: string, private readonly cookie: string) {}

  static async signIn(baseUrl: string, email: string, password: string): Promise<Session> {
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status}`);
    return new Session(baseUrl, (res.headers.get('set-cookie') ?? '').split(';')[0]);
  }

  async json(method: string, path: string, body?: unknown) {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: { cookie: this.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  }

  async upload(path: string, bytes: Buffer, contentType: string) {
    const res = await fetch(this.baseUrl + path, { method: 'POST', headers: { cookie: this.cookie, 'content-type': contentType }, body: new Uint8Array(bytes) });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  }

  async download(path: string) {
    const res = await fetch(this.baseUrl + path, { headers: { cookie: this.cookie } });
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  }
}
