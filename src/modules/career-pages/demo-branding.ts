import { deflateSync, crc32 } from 'node:zlib';
import type { MikroORM } from '@mikro-orm/postgresql';
import { tenantFork } from '../../db/request-scope';
import { UploadPurpose, type UploadService } from '../uploads';
import type { OrganizationLogoService, OrganizationService } from '../organizations';

const SIZE = 128;

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 128×128 PNG drawn in code (a blue tile with a white "A" shape), so the demo needs no binary asset. */
export function demoLogoPng(): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 3);
    for (let x = 0; x < SIZE; x++) {
      const u = x - SIZE / 2;
      const v = y - 24;
      // Two slanted strokes and a bar of a capital A between y=24 and y=104.
      const inA = v >= 0 && v <= 80 && (Math.abs(Math.abs(u) - v / 2.6) < 7 || (v > 48 && v < 60 && Math.abs(u) < v / 2.6));
      const [r, g, b] = inA ? [255, 255, 255] : [11, 87, 208];
      row[1 + x * 3] = r;
      row[2 + x * 3] = g;
      row[3 + x * 3] = b;
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8;
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The demo organization's career-page branding: a logo and an introduction. */
interface BrandingServices {
  orm: MikroORM;
  uploads: UploadService;
  organizations: OrganizationService;
  organizationLogos: OrganizationLogoService;
}

export const seedDemoBranding = async (services: BrandingServices, organizationId: string): Promise<void> => {
  const principal = { organizationId, kind: 'USER' as const, grants: new Set<string>(), allowConfidential: false, displayName: 'demo seed' };
  const file = await services.uploads.stage(principal, null, { purpose: UploadPurpose.LOGO, filename: 'acme-logo.png', bytes: demoLogoPng() });
  const em = tenantFork(services.orm, organizationId);
  const meta = { ip: '127.0.0.1', userAgent: null, requestId: 'demo-seed', headers: {} };
  await services.organizationLogos.set({ em, principal, meta }, file.id);
  await services.organizations.updateSettings(
    { em, principal, meta },
    { intro: 'Acme builds the tools that builders use. We are a remote-friendly team across San Francisco, Berlin, London and Toronto, and we hire people who like to ship.' },
  );
};
