import * as React from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Box, Flex, Link, Loader, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import {
  PANEL_UIDS,
  cleanParams,
  errorText,
  explainError,
  formatDateTime,
  formatRelative,
  isAbort,
  pageForDocument,
  readApiError,
  recipientLabel,
  ruleLabel,
  type Reminder,
  type ReminderList,
} from '../api';
import { StatusBadge } from './StatusBadge';

/**
 * The props the Content Manager gives every edit-view side panel (PanelComponentProps in
 * @strapi/content-manager/dist/admin/src/content-manager.d.ts).
 */
type PanelProps = {
  activeTab: 'draft' | 'published' | null;
  collectionType: string;
  document?: { state?: unknown; updatedAt?: unknown; [key: string]: unknown };
  documentId?: string;
  model: string;
};
type PanelDescription = { title: string; content: React.ReactNode };

/** How many recent (sent or failed) reminders the panel shows. */
const RECENT = 3;
/** How many scheduled ones are listed before "et N autres". */
const UPCOMING_SHOWN = 6;

/**
 * Side panel description: the Content Manager calls this like a component and renders
 * `content` under `title`. Only for the types reminders are about, and saved documents.
 */
export const RemindersPanel = ({ model, documentId, document }: PanelProps): PanelDescription | null => {
  if (!(PANEL_UIDS as readonly string[]).includes(model)) return null;
  if (!documentId || documentId === 'create') return null;
  return {
    title: 'Relances à venir',
    content: (
      <RemindersPanelContent
        model={model}
        documentId={documentId}
        documentState={typeof document?.state === 'string' ? document.state : null}
        documentUpdatedAt={typeof document?.updatedAt === 'string' ? document.updatedAt : null}
      />
    ),
  };
};
RemindersPanel.displayName = 'RemindersPanel';

type ContentProps = { model: string; documentId: string; documentState: string | null; documentUpdatedAt: string | null };
type Data = { upcoming: Reminder[]; upcomingTotal: number; recent: Reminder[] };

const when = (r: Reminder) => new Date(r.sentAt ?? r.dueAt).getTime();

const RemindersPanelContent = ({ model, documentId, documentState, documentUpdatedAt }: ContentProps) => {
  const { get } = useFetchClient();
  const [data, setData] = React.useState<Data | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  const load = React.useCallback(async () => {
    const list = (params: { status: string; page?: number; pageSize: number }) =>
      get<ReminderList>('/reminders/list', {
        params: cleanParams({ ...params, filters: { subjectUid: model, subjectDocumentId: documentId } }),
      }).then((res) => res.data);
    /** The last `RECENT` rows of a status (the server sorts by due date, oldest first). */
    const tail = async (status: string) => {
      const first = await list({ status, pageSize: 100 });
      const { pageCount } = first.meta.pagination;
      if (pageCount <= 1) return first.data;
      const last = await list({ status, page: pageCount, pageSize: 100 });
      if (last.data.length >= RECENT) return last.data;
      const before = await list({ status, page: pageCount - 1, pageSize: 100 });
      return [...before.data, ...last.data];
    };
    try {
      const [upcoming, sent, failed] = await Promise.all([
        list({ status: 'scheduled', pageSize: UPCOMING_SHOWN }),
        tail('sent'),
        tail('failed'),
      ]);
      const recent = [...sent, ...failed].sort((a, b) => when(b) - when(a)).slice(0, RECENT);
      setData({ upcoming: upcoming.data, upcomingTotal: upcoming.meta.pagination.total, recent });
      setError(null);
    } catch (e) {
      if (isAbort(e)) return;
      setError(errorText(readApiError(e)));
    }
  }, [get, model, documentId]);

  // Reload when the document changes (a transition or a saved date moves its reminders). The
  // reminders of a transition are written just after it, so look again a moment later.
  React.useEffect(() => {
    load();
    const again = setTimeout(load, 1500);
    return () => clearTimeout(again);
  }, [load, documentState, documentUpdatedAt]);

  if (error) {
    return (
      <Box data-testid="reminders-panel" width="100%">
        <Typography textColor="danger600" variant="pi">
          Impossible de charger les relances : {error}
        </Typography>
      </Box>
    );
  }
  if (!data) {
    return (
      <Flex data-testid="reminders-panel" justifyContent="center" width="100%" padding={2}>
        <Loader small>Chargement des relances…</Loader>
      </Flex>
    );
  }

  const more = data.upcomingTotal - data.upcoming.length;

  return (
    <Flex data-testid="reminders-panel" direction="column" alignItems="stretch" gap={4} width="100%">
      {data.upcoming.length === 0 ? (
        <Typography variant="pi" textColor="neutral600" data-testid="reminders-panel-none">
          Aucune relance programmée.
        </Typography>
      ) : (
        <Flex tag="ul" direction="column" alignItems="stretch" gap={2} data-testid="reminders-panel-upcoming">
          {data.upcoming.map((r) => (
            <Box
              tag="li"
              key={r.id}
              paddingLeft={3}
              style={{ borderLeft: '3px solid #4945FF' }}
              data-testid={`reminders-panel-item-${r.id}`}
              data-rule={r.rule}
            >
              <Typography variant="omega" fontWeight="semiBold" tag="p">
                {ruleLabel(r.rule)}
              </Typography>
              <Typography variant="pi" textColor="neutral700" tag="p">
                {formatDateTime(r.dueAt)}
              </Typography>
              <Typography variant="pi" textColor="neutral600" tag="p">
                {formatRelative(r.dueAt)} · à {recipientLabel(r.recipient)}
                {r.copyTo?.length ? ` (copie : ${r.copyTo.map(recipientLabel).join(', ')})` : ''}
              </Typography>
            </Box>
          ))}
          {more > 0 ? (
            <Typography variant="pi" textColor="neutral600" tag="li">
              et {more} autre{more > 1 ? 's' : ''}…
            </Typography>
          ) : null}
        </Flex>
      )}

      {data.recent.length > 0 ? (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Typography variant="sigma" textColor="neutral600">
            Dernières relances
          </Typography>
          <Flex tag="ul" direction="column" alignItems="stretch" gap={2} data-testid="reminders-panel-recent">
            {data.recent.map((r) => (
              <Box
                tag="li"
                key={r.id}
                paddingLeft={3}
                style={{ borderLeft: `3px solid ${r.status === 'failed' ? '#D02B20' : '#328048'}` }}
                data-testid={`reminders-panel-recent-${r.id}`}
                data-status={r.status}
              >
                <Typography variant="omega" fontWeight="semiBold" tag="p">
                  {ruleLabel(r.rule)}
                </Typography>
                <Flex gap={1} alignItems="center" wrap="wrap" paddingTop={1} paddingBottom={1}>
                  <StatusBadge status={r.status} size="S" />
                  <Typography variant="pi" textColor="neutral600">
                    {r.status === 'sent' && r.sentAt ? formatDateTime(r.sentAt) : formatDateTime(r.dueAt)}
                  </Typography>
                </Flex>
                <Typography variant="pi" textColor="neutral600" tag="p">
                  à {recipientLabel(r.recipient)}
                </Typography>
                {r.status === 'failed' && r.lastError ? (
                  <Typography
                    variant="pi"
                    textColor="danger600"
                    tag="p"
                    title={r.lastError}
                    style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                  >
                    {explainError(r.lastError)}
                  </Typography>
                ) : null}
              </Box>
            ))}
          </Flex>
        </Flex>
      ) : null}

      <Link tag={RouterLink} to={pageForDocument(model, documentId)} data-testid="reminders-panel-all">
        Toutes les relances
      </Link>
    </Flex>
  );
};
