import type { Core } from '@strapi/strapi';
import type definitions from './services/definitions';
import type transitions from './services/transitions';
import type subjects from './services/subjects';
import type actors from './services/actors';
import type guards from './services/guards';
import type integrity from './services/integrity';

type Services = {
  definitions: ReturnType<typeof definitions>;
  transitions: ReturnType<typeof transitions>;
  subjects: ReturnType<typeof subjects>;
  actors: ReturnType<typeof actors>;
  guards: ReturnType<typeof guards>;
  integrity: ReturnType<typeof integrity>;
};

export const getService = <K extends keyof Services>(name: K, strapi: Core.Strapi = global.strapi): Services[K] =>
  strapi.plugin('workflow').service(name) as Services[K];

/** Reads a dotted relation path (`ambassador.user`) out of a populated document. */
export const readPath = (doc: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), doc);

