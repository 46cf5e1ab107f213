import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { formatMonth } from './api';

type Subject = { subjectUid: string | null; subjectDocumentId: string | null };
type Doc = Record<string, unknown> & { documentId?: string };

/** A readable name for a document of each type the reminders point at. */
const NAMERS: Record<string, (doc: Doc) => string | null> = {
  'api::case.case': (d) => [d.newcomerFirstName, d.newcomerLastName].filter((v) => typeof v === 'string' && v).join(' ') || null,
  'api::ambassador.ambassador': (d) => (typeof d.displayName === 'string' && d.displayName ? d.displayName : null),
  'api::time-declaration.time-declaration': (d) => (typeof d.month === 'string' ? formatMonth(d.month) : null),
};

/** Names already fetched, per uid|documentId (null: looked up, not found or not readable). */
const cache = new Map<string, string | null>();
const keyOf = (uid: string, documentId: string) => `${uid}|${documentId}`;

/**
 * Names of the documents of a page of reminders, read through the Content Manager's list route
 * (so only what the admin user may read). Best effort: without a name the type label is shown.
 */
export const useSubjectNames = (rows: Subject[]) => {
  const { get } = useFetchClient();
  const [version, setVersion] = React.useState(0);

  const wanted = React.useMemo(() => {
    const byUid = new Map<string, Set<string>>();
    for (const r of rows) {
      if (!r.subjectUid || !r.subjectDocumentId || !NAMERS[r.subjectUid]) continue;
      if (cache.has(keyOf(r.subjectUid, r.subjectDocumentId))) continue;
      if (!byUid.has(r.subjectUid)) byUid.set(r.subjectUid, new Set());
      byUid.get(r.subjectUid)!.add(r.subjectDocumentId);
    }
    return [...byUid.entries()].map(([uid, ids]) => [uid, [...ids]] as const);
  }, [rows]);

  React.useEffect(() => {
    if (wanted.length === 0) return;
    let live = true;
    (async () => {
      await Promise.all(
        wanted.map(async ([uid, ids]) => {
          try {
            const res = await get<{ results?: Doc[] }>(`/content-manager/collection-types/${uid}`, {
              params: { page: 1, pageSize: ids.length, filters: { $and: [{ documentId: { $in: ids } }] } },
            });
            const found = new Map((res.data.results ?? []).map((d) => [String(d.documentId), d]));
            for (const id of ids) {
              const doc = found.get(id);
              cache.set(keyOf(uid, id), doc ? NAMERS[uid](doc) : null);
            }
          } catch {
            for (const id of ids) cache.set(keyOf(uid, id), null);
          }
        })
      );
      if (live) setVersion((v) => v + 1);
    })();
    return () => {
      live = false;
    };
  }, [get, wanted]);

  return React.useCallback(
    (uid: string | null, documentId: string | null) => (uid && documentId ? cache.get(keyOf(uid, documentId)) ?? null : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [version]
  );
};
