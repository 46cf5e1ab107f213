import type { Core } from '@strapi/strapi';
import { DEFAULT_TARGETS, DEFAULT_TIMEZONE, UID } from '../utils/constants';

/** Creates the CPTS settings with the programme's default targets on first boot only. */
export const ensureCptsSettings = async (strapi: Core.Strapi) => {
  const documents = strapi.documents(UID.cptsSetting);
  const existing = await documents.findFirst({ fields: ['id'] } as any);
  if (existing) return;
  await documents.create({
    data: {
      name: process.env.CPTS_NAME || 'CPTS',
      timezone: process.env.CPTS_TIMEZONE || DEFAULT_TIMEZONE,
      targets: DEFAULT_TARGETS.map((t) => ({ ...t })),
      matchingWindowDays: 10,
      followUpWindowDays: 14,
    } as any,
  });
};
