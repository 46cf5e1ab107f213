import * as React from 'react';
import { Box, Button, Field, Flex, Loader, Textarea, Typography } from '@strapi/design-system';
import {
  useFetchClient,
  useForm,
  useNotification,
  useQueryParams,
  unstable_useDocument as useDocument,
} from '@strapi/strapi/admin';
import {
  WORKFLOW_UIDS,
  errorMessages,
  formatDate,
  formatDateTime,
  readApiError,
  stateMap,
  transitionErrorTitle,
  type DocumentWorkflow,
  type StateInfo,
} from '../api';
import { useDefinitions } from '../useDefinitions';
import { StateBadge } from './StateBadge';

/**
 * The props the Content Manager gives every edit-view side panel (PanelComponentProps in
 * @strapi/content-manager/dist/admin/src/content-manager.d.ts).
 */
type PanelProps = {
  activeTab: 'draft' | 'published' | null;
  collectionType: string;
  document?: { state?: unknown; [key: string]: unknown };
  documentId?: string;
  model: string;
};
type PanelDescription = { title: string; content: React.ReactNode };

/**
 * Side panel description: the Content Manager calls this like a component and renders
 * `content` under `title`. Only for workflow-enabled types and saved documents.
 */
export const WorkflowPanel = ({ model, documentId, document, collectionType }: PanelProps): PanelDescription | null => {
  if (!(WORKFLOW_UIDS as readonly string[]).includes(model)) return null;
  if (!documentId || documentId === 'create') return null;
  return {
    title: 'Étape',
    content: (
      <WorkflowPanelContent
        model={model}
        documentId={documentId}
        collectionType={collectionType}
        documentState={typeof document?.state === 'string' ? document.state : null}
      />
    ),
  };
};
WorkflowPanel.displayName = 'WorkflowPanel';

/** The query parameters the edit view fetches its document with (mirrors buildValidParams of the CM). */
const useEditViewParams = () => {
  const [{ query }] = useQueryParams<Record<string, unknown>>();
  return React.useMemo(() => {
    if (!query) return query;
    const plugins = (query.plugins ?? {}) as Record<string, unknown>;
    const merged: Record<string, unknown> = { ...query };
    for (const value of Object.values(plugins)) {
      if (typeof value === 'object' && value !== null) Object.assign(merged, value);
    }
    delete merged.plugins;
    return merged;
  }, [query]);
};

type ContentProps = { model: string; documentId: string; collectionType: string; documentState: string | null };

const WorkflowPanelContent = ({ model, documentId, collectionType, documentState }: ContentProps) => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const definitions = useDefinitions();
  const params = useEditViewParams();
  // The same query as the edit view (same arguments = same cache entry): refetching it
  // re-initialises the form, so the read-only `state` field shows the new state.
  const { refetch: refetchDocument } = useDocument({ collectionType, model, documentId, params });
  const formModified = useForm('WorkflowPanel', (s) => s.modified, false) ?? false;

  const [data, setData] = React.useState<DocumentWorkflow | null>(null);
  const [loadError, setLoadError] = React.useState<string | null>(null);
  const [comment, setComment] = React.useState('');
  const [busy, setBusy] = React.useState<string | null>(null);

  const states = React.useMemo(() => {
    const def = definitions.data?.find((d) => d.contentType === model);
    return stateMap(def?.states ?? []);
  }, [definitions.data, model]);
  const stateOf = (key: string | null): StateInfo =>
    (key && states.get(key)) || { key: key ?? '', label: key ?? '—', final: false, color: null };

  const load = React.useCallback(async () => {
    try {
      const res = await get<{ data: DocumentWorkflow }>(`/workflow/documents/${model}/${documentId}`);
      setData(res.data.data);
      setLoadError(null);
    } catch (error) {
      const info = readApiError(error);
      if (info.name === 'AbortError') return;
      setLoadError(errorMessages(info).join(' · '));
    }
  }, [get, model, documentId]);

  // Reload when the document changes under us (saved from the form, another tab...).
  React.useEffect(() => {
    load();
  }, [load, documentState]);

  const take = async (to: string) => {
    if (!data) return;
    setBusy(to);
    try {
      const res = await post<{ data: { state?: string } }>(`/workflow/documents/${model}/${documentId}/transitions`, {
        to,
        comment: comment.trim() ? comment.trim() : undefined,
        expectedState: data.state,
      });
      const next = res.data?.data?.state ?? to;
      toggleNotification({ type: 'success', message: `Nouvelle étape : ${stateOf(next).label}` });
      setComment('');
    } catch (error) {
      const info = readApiError(error);
      toggleNotification({
        type: info.status === 409 ? 'warning' : 'danger',
        title: transitionErrorTitle(info),
        message:
          info.status === 409
            ? `Le panneau a été actualisé avec l'étape actuelle. (${errorMessages(info).join(' · ')})`
            : errorMessages(info).join(' · '),
        timeout: 8000,
      });
    } finally {
      setBusy(null);
      await load();
      refetchDocument();
    }
  };

  if (loadError) {
    return (
      <Box data-testid="workflow-panel" width="100%">
        <Typography textColor="danger600" variant="pi">
          Impossible de charger l'étape : {loadError}
        </Typography>
      </Box>
    );
  }
  if (!data) {
    return (
      <Flex data-testid="workflow-panel" justifyContent="center" width="100%" padding={2}>
        <Loader small>Chargement de l'étape…</Loader>
      </Flex>
    );
  }

  const current = stateOf(data.state);
  const history = [...data.history].reverse();

  return (
    <Flex data-testid="workflow-panel" direction="column" alignItems="stretch" gap={4} width="100%">
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <StateBadge
          label={data.stateLabel || current.label}
          color={current.color}
          final={current.final}
          data-testid="workflow-state"
          data-state={data.state}
        />
        {data.enteredAt ? (
          <Typography variant="pi" textColor="neutral600">
            depuis le {formatDate(data.enteredAt)}
          </Typography>
        ) : null}
      </Flex>

      {data.available.length > 0 ? (
        <Flex direction="column" alignItems="stretch" gap={3}>
          {formModified ? (
            <Box background="warning100" padding={2} hasRadius borderColor="warning200">
              <Typography variant="pi" textColor="warning700">
                Modifications non enregistrées : les conditions sont vérifiées sur la fiche enregistrée, et changer
                d'étape recharge la fiche. Enregistrez d'abord.
              </Typography>
            </Box>
          ) : null}
          <Field.Root name="workflow-comment" id={`workflow-comment-${documentId}`}>
            <Field.Label>Commentaire (facultatif)</Field.Label>
            <Textarea
              value={comment}
              onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setComment(e.target.value)}
              maxLength={2000}
              data-testid="workflow-comment"
            />
          </Field.Root>
          {data.available.map((t) => {
            const target = stateOf(t.to);
            // The server evaluated without a comment: a "comment required" failure is lifted
            // as soon as one is typed (the server checks again on POST).
            const hasComment = comment.trim() !== '';
            const remaining = t.failures.filter((f) => !(f.guard === 'commentProvided' && hasComment));
            const enabled = t.allowed || (t.roleAllowed && t.failures.length > 0 && remaining.length === 0);
            const reasons = remaining.map((f) => f.message);
            if (!enabled && reasons.length === 0) {
              reasons.push(t.roleAllowed ? 'Transition impossible pour le moment' : 'Réservé à un autre rôle');
            }
            return (
              <Flex key={`${t.to}-${t.label}`} direction="column" alignItems="stretch" gap={1}>
                <Button
                  fullWidth
                  variant={enabled ? 'secondary' : 'tertiary'}
                  disabled={!enabled || busy !== null}
                  loading={busy === t.to}
                  onClick={() => take(t.to)}
                  data-testid={`workflow-transition-${t.to}`}
                  title={`${t.label} → ${target.label}`}
                >
                  {t.label} → {target.label}
                </Button>
                {!enabled ? (
                  <Box tag="ul" paddingLeft={2} data-testid={`workflow-reasons-${t.to}`}>
                    {reasons.map((r, i) => (
                      <li key={i}>
                        <Typography variant="pi" textColor="danger600">
                          • {r}
                        </Typography>
                      </li>
                    ))}
                  </Box>
                ) : null}
              </Flex>
            );
          })}
        </Flex>
      ) : (
        <Typography variant="pi" textColor="neutral600">
          {current.final ? 'Étape finale : aucune transition possible.' : 'Aucune transition depuis cette étape.'}
        </Typography>
      )}

      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="sigma" textColor="neutral600">
          Historique
        </Typography>
        {history.length === 0 ? (
          <Typography variant="pi" textColor="neutral600">
            Aucun changement d'étape enregistré.
          </Typography>
        ) : (
          <Flex tag="ol" direction="column" alignItems="stretch" gap={2} data-testid="workflow-history">
            {history.map((h, i) => (
              <Box
                tag="li"
                key={`${h.at}-${i}`}
                data-testid="workflow-history-item"
                paddingLeft={3}
                style={{ borderLeft: `3px solid ${stateOf(h.to).color ?? '#8E8EA9'}` }}
              >
                <Typography variant="omega" fontWeight="semiBold" tag="p">
                  {h.from ? `De ${stateOf(h.from).label} → ${stateOf(h.to).label}` : `Création → ${stateOf(h.to).label}`}
                </Typography>
                <Typography variant="pi" textColor="neutral600" tag="p">
                  {formatDateTime(h.at)}
                  {h.actor?.displayName ? ` · ${h.actor.displayName}` : ''}
                </Typography>
                {h.comment ? (
                  <Typography variant="pi" textColor="neutral800" tag="p" style={{ fontStyle: 'italic', whiteSpace: 'pre-wrap' }}>
                    « {h.comment} »
                  </Typography>
                ) : null}
              </Box>
            ))}
          </Flex>
        )}
      </Flex>
    </Flex>
  );
};
